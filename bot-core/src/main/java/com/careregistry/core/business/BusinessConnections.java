package com.careregistry.core.business;

import com.careregistry.core.common.Channel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's own chat accounts connected to the bot (Telegram Business): customers write to the
 * company, their messages open and follow tickets as any others, and the answers go back through the
 * connection, so the customer sees the company, not a bot. Which chats go through which connection,
 * and whether a reply may go now: the connection must be enabled, allowed to reply, and the customer
 * must have written within the last {@link #REPLY_WINDOW}. A customer who writes to the bot itself
 * is answered by the bot again from then on.
 * <p>
 * Most desks have no connection at all: then no customer message and no send costs a query here
 * (whether any exists is asked at most every {@link #RECHECK}, and known at once on this instance).
 */
@Service
public class BusinessConnections {

    /** Telegram lets a business bot answer a chat within 24 hours of the customer's last message there. */
    public static final Duration REPLY_WINDOW = Duration.ofHours(24);
    static final Duration RECHECK = Duration.ofSeconds(30);

    /** A connection as the platform last described it. */
    public record Connection(Channel channel, String id, String ownerUserId, String ownerName, boolean canReply, boolean enabled,
                             Instant connectedAt, Instant updatedAt) {
    }

    /** How replies to a chat go: through this connection, while {@link #refusal} says nothing. */
    public record Route(String connectionId, boolean canReply, boolean enabled, Instant customerWroteAt) {

        /** Why a reply cannot go through the connection now; empty when it can. */
        public Optional<String> refusal(Instant now) {
            if (!enabled) {
                return Optional.of("the business connection " + connectionId + " is disabled");
            }
            if (!canReply) {
                return Optional.of("the business connection " + connectionId + " has no right to reply");
            }
            if (customerWroteAt.plus(REPLY_WINDOW).isBefore(now)) {
                return Optional.of("the customer last wrote more than 24 hours ago; a business connection may not answer now");
            }
            return Optional.empty();
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile boolean any;
    private volatile Instant checkedAt = Instant.MIN;

    BusinessConnections(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The platform told us of a connection, new or changed (enabled, disabled, its rights). */
    @Transactional
    public void connected(Connection connection) {
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.update("""
                UPDATE business_connections SET owner_user_id = ?, owner_name = ?, can_reply = ?, enabled = ?, updated_at = ?
                WHERE channel = ? AND id = ?
                """, connection.ownerUserId(), connection.ownerName(), connection.canReply(), connection.enabled(), now,
                connection.channel().name(), connection.id());
        if (changed == 0) {
            jdbc.update("""
                    INSERT INTO business_connections (channel, id, owner_user_id, owner_name, can_reply, enabled, connected_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, connection.channel().name(), connection.id(), connection.ownerUserId(), connection.ownerName(),
                    connection.canReply(), connection.enabled(), Timestamp.from(connection.connectedAt()), now);
        }
        any = true;
    }

    /** A customer wrote to the company through {@code connectionId} in this chat: replies go back that way. */
    @Transactional
    public void customerWrote(Channel channel, String chatId, String connectionId) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE business_chats SET connection_id = ?, last_customer_message_at = ? WHERE channel = ? AND chat_id = ?",
                connectionId, now, channel.name(), chatId) == 0) {
            jdbc.update("INSERT INTO business_chats (channel, chat_id, connection_id, last_customer_message_at) VALUES (?, ?, ?, ?)",
                    channel.name(), chatId, connectionId, now);
        }
        any = true;
    }

    /** A customer wrote to the bot itself in this chat: the bot answers them there from now on. */
    @Transactional
    public void customerWroteToTheBot(Channel channel, String chatId) {
        if (any()) {
            jdbc.update("DELETE FROM business_chats WHERE channel = ? AND chat_id = ?", channel.name(), chatId);
        }
    }

    /** How replies to this chat go, when it is a business chat. */
    public Optional<Route> routeOf(Channel channel, String chatId) {
        if (!any()) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT c.connection_id, b.can_reply, b.enabled, c.last_customer_message_at
                FROM business_chats c JOIN business_connections b ON b.channel = c.channel AND b.id = c.connection_id
                WHERE c.channel = ? AND c.chat_id = ?
                """, (rs, row) -> new Route(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getTimestamp(4).toInstant()),
                channel.name(), chatId).stream().findFirst();
    }

    /** A connection as last recorded. */
    @Transactional(readOnly = true)
    public Optional<Connection> find(Channel channel, String id) {
        return jdbc.query("""
                SELECT channel, id, owner_user_id, owner_name, can_reply, enabled, connected_at, updated_at
                FROM business_connections WHERE channel = ? AND id = ?
                """, BusinessConnections::connection, channel.name(), id).stream().findFirst();
    }

    /** Every connection, newest first, for the panel. */
    @Transactional(readOnly = true)
    public List<Connection> all() {
        return jdbc.query("""
                SELECT channel, id, owner_user_id, owner_name, can_reply, enabled, connected_at, updated_at
                FROM business_connections ORDER BY connected_at DESC, id
                """, BusinessConnections::connection);
    }

    private static Connection connection(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Connection(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBoolean(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
    }

    private boolean any() {
        if (any) {
            return true;
        }
        Instant now = clock.instant();
        if (checkedAt.plus(RECHECK).isAfter(now)) {
            return false;
        }
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM business_connections", Integer.class);
        checkedAt = now;
        any = count != null && count > 0;
        return any;
    }
}
