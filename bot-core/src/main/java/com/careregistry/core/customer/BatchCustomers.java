package com.careregistry.core.customer;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.TransactionBound;
import com.careregistry.core.inbox.BatchReads;
import com.careregistry.core.inbox.InboxEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Who wrote a batch's events, read in one statement: each customer's first look-up
 * ({@link CustomerDirectory#register}) is a statement of its own otherwise, the one that every customer
 * message begins with. The read is made when the batch's first event asks for its customer (a batch of
 * agents' or groups' events asks for none, and reads nothing). A customer's events are ordered by their
 * user id ({@code TELEGRAM:<chat>}, a private chat's id being its user's; {@code DISCORD:<user>}), so the
 * batch's keys name its writers; a key of another shape (a group's topic) names nobody. Only a customer
 * still reached at the chat they write from is taken from here; any other (a new one, one who moved) is
 * read as before.
 */
@Component
class BatchCustomers implements BatchReads {

    /** Users read per statement (a batch of the inbox holds 16 events unless set otherwise). */
    private static final int USERS_PER_READ = 16;
    /** {@link CustomerIdentities#findWithCustomer} for {@link #USERS_PER_READ} users, each reached at the chat of their identity. */
    private static final String READ = """
            select new com.careregistry.core.customer.CustomerIdentities$Known(i, c, s, t) from CustomerIdentity i
            join Customer c on c.id = i.customerId
            left join ConversationState s on s.key.channel = i.channel and s.key.chatId = i.chatId and s.key.userId = i.externalUserId
            left join Ticket t on t.number = s.currentTicket and t.customerId = i.customerId
            where i.channel = :channel and i.externalUserId in (%s)
            """.formatted(String.join(", ", IntStream.range(0, USERS_PER_READ).mapToObj(i -> ":u" + i).toList()));

    /** The batch's writers, for the transaction that handles it. */
    private final TransactionBound<ReadAhead> batch;
    /** The transaction's persistence context (a shared proxy, bound to the current transaction). */
    @PersistenceContext
    private EntityManager entities;

    BatchCustomers(DataSource dataSource) {
        this.batch = new TransactionBound<>(dataSource);
    }

    /** A batch's writers by channel; once read, each by channel and user id. */
    private static final class ReadAhead {
        private final Map<Channel, Set<String>> users;
        private Map<String, CustomerIdentities.Known> byUser;

        ReadAhead(Map<Channel, Set<String>> users) {
            this.users = users;
        }
    }

    @Override
    public void prepare(List<InboxEvent> events) {
        Map<Channel, Set<String>> users = new EnumMap<>(Channel.class);
        events.forEach(event -> userOf(event).ifPresent(user -> users.computeIfAbsent(event.channel(), c -> new LinkedHashSet<>()).add(user)));
        if (!users.isEmpty()) {
            batch.bind(() -> new ReadAhead(users));
        }
    }

    @Override
    public Collection<Object> keptFor(List<InboxEvent> events) {
        ReadAhead read = batch.current();
        if (read == null || read.byUser == null) {
            return List.of();
        }
        List<Object> kept = new ArrayList<>();
        for (InboxEvent event : events) {
            userOf(event).map(user -> read.byUser.get(key(event.channel(), user))).ifPresent(known -> {
                kept.add(known.identity());
                kept.add(known.customer());
                if (known.conversation() != null) {
                    kept.add(known.conversation());
                }
                if (known.ticket() != null) {
                    kept.add(known.ticket());
                }
            });
        }
        return kept;
    }

    /** The customer behind this chat user as the batch read them, when they still write from the chat they are reached at. */
    Optional<CustomerIdentities.Known> readAhead(ChatUser user) {
        ReadAhead read = batch.current();
        if (read == null) {
            return Optional.empty();
        }
        if (read.byUser == null) {
            read.byUser = new HashMap<>();
            read.users.forEach((channel, ids) -> {
                List<String> all = List.copyOf(ids);
                for (int from = 0; from < all.size(); from += USERS_PER_READ) {
                    List<String> some = padded(all.subList(from, Math.min(all.size(), from + USERS_PER_READ)));
                    TypedQuery<CustomerIdentities.Known> query = entities.createQuery(READ, CustomerIdentities.Known.class)
                            .setParameter("channel", channel);
                    for (int i = 0; i < USERS_PER_READ; i++) {
                        query.setParameter("u" + i, some.get(i));
                    }
                    query.getResultList().forEach(known -> read.byUser.put(key(channel, known.identity().externalUserId()), known));
                }
            });
        }
        return Optional.ofNullable(read.byUser.get(key(user.channel(), user.externalUserId())))
                .filter(known -> known.identity().chatId().equals(user.chatId()));
    }

    /**
     * The ids, the last repeated up to {@link #USERS_PER_READ}: one parameter each, so the statement is
     * always the same and Hibernate translates it once (it translates a query with a list parameter at
     * every execution: a fifth of the inbox workers' time when the read took one).
     */
    private static List<String> padded(List<String> ids) {
        List<String> padded = new ArrayList<>(ids);
        while (padded.size() < USERS_PER_READ) {
            padded.add(ids.get(ids.size() - 1));
        }
        return padded;
    }

    /** The user an event's key names: {@code CHANNEL:<id>}, and nothing for a key of another shape. */
    private static Optional<String> userOf(InboxEvent event) {
        String key = event.orderingKey();
        String prefix = event.channel().name() + ":";
        if (!key.startsWith(prefix) || key.indexOf(':', prefix.length()) >= 0 || key.length() == prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(key.substring(prefix.length()));
    }

    private static String key(Channel channel, String user) {
        return channel.name() + ":" + user;
    }
}
