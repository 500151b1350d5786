package com.careregistry.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.inbox.InboxProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customers who wrote a batch's events are read in one statement, however many there are; what is
 * read for an event later in the batch is still managed when its turn comes (a change to it is written),
 * and a customer who writes from another chat than the one they are reached at is read on their own.
 */
class BatchCustomersTest extends CoreTest {

    @Autowired
    Inbox inbox;
    @Autowired
    InboxProcessor processor;
    @Autowired
    CustomerDirectory directory;

    /** Telegram's private chats: the chat's id is its user's. */
    private static ChatUser user(int n, String language) {
        return new ChatUser(Channel.TELEGRAM, String.valueOf(7100 + n), String.valueOf(7100 + n), "Customer " + n, language);
    }

    private static InboundEvent event(String id, int n, String language) {
        return new InboundEvent(Channel.TELEGRAM, id, "TELEGRAM:" + (7100 + n), language);
    }

    /** Each event is its chat's customer writing, with the language their client reports (the payload). */
    private Map<Integer, Long> eachEventRegisters() {
        Map<Integer, Long> found = new ConcurrentHashMap<>();
        telegramInbox.behave(e -> {
            int n = Integer.parseInt(e.orderingKey().substring("TELEGRAM:".length())) - 7100;
            found.put(n, directory.register(user(n, e.payload())).id());
        });
        return found;
    }

    /** The statements a batch of these customers' events (each writing from their own chat) costs. */
    private long selectsOfABatch(String round, List<Integer> writers) {
        inbox.append(writers.stream().map(n -> event(round + n, n, "en")).toList());
        long before = serverCount("Com_select");
        processor.drainAll();
        return serverCount("Com_select") - before;
    }

    @Test
    void aBatchReadsItsWritersInOneStatementHoweverManyTheyAre() {
        List<Integer> six = IntStream.rangeClosed(1, 6).boxed().toList();
        Map<Long, Integer> ids = new java.util.HashMap<>();
        six.forEach(n -> ids.put(directory.register(user(n, "en")).id(), n));
        Map<Integer, Long> found = eachEventRegisters();

        long forThree = selectsOfABatch("a", six.subList(0, 3));
        long forSix = selectsOfABatch("b", six);

        assertThat(forSix).as("one read of the writers for three and for six (one each before: three more for six)")
                .isEqualTo(forThree);
        six.forEach(n -> assertThat(ids.get(found.get(n))).as("customer %d found as themselves", n).isEqualTo(n));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class)).as("nobody registered twice").isEqualTo(6L);
    }

    @Test
    void whatWasReadForALaterEventIsStillManagedWhenItsTurnComes() {
        List.of(1, 2, 3).forEach(n -> directory.register(user(n, "en")));
        eachEventRegisters();
        inbox.append(List.of(event("a1", 1, "en"), event("a2", 2, "en"), event("a3", 3, "de")));

        processor.drainAll();

        assertThat(jdbc.queryForObject("SELECT language FROM customers WHERE display_name = 'Customer 3'", String.class))
                .as("the client's language, followed on the third event's customer read with the first's").isEqualTo("de");
    }

    @Test
    void aCustomerWritingFromAnotherChatIsReadOnTheirOwnAndReachedThereFromNowOn() {
        directory.register(user(1, "en"));
        directory.register(user(2, "en"));
        ChatUser moved = new ChatUser(Channel.TELEGRAM, "7102", "7999", "Customer 2", "en");
        telegramInbox.behave(e -> directory.register(e.orderingKey().equals("TELEGRAM:7102") ? moved : user(1, "en")));
        inbox.append(List.of(event("a1", 1, "en"), event("a2", 2, "en")));

        processor.drainAll();

        assertThat(jdbc.queryForObject("SELECT chat_id FROM customer_identities WHERE external_user_id = '7102'", String.class))
                .isEqualTo("7999");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class)).isEqualTo(2L);
    }
}
