package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The panel's search on MariaDB: words of the subject, the description and the messages (FULLTEXT,
 * a word as a prefix), short words as typed; where each ticket matched.
 */
class TicketSearchTest extends CoreTest {

    @Autowired
    TicketBrowser browser;
    @Autowired
    PostCustomerMessage postCustomerMessage;

    @Test
    void aWordOnlyInAMessageFindsItsTicketAndShowsWhere() {
        Customer ann = customer("Ann");
        Ticket parcel = open(ann, "Where is my order?\nI ordered a lamp last week.");
        Ticket printer = open(customer("Bob"), "Printer jams");
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), parcel.number(),
                MessageContent.text("The courier says the parcel was left at the neighbours' house", Channel.TELEGRAM, "m-1")));

        TicketBrowser.Page found = search("parcel");
        assertThat(numbers(found)).containsExactly(parcel.number().value());
        TicketSearch.Snippet where = found.match(found.rows().get(0).id());
        assertThat(where.hit()).isEqualTo("parcel");
        assertThat(where.before()).isEqualTo("The courier says the ");
        assertThat(where.after()).isEqualTo(" was left at the neighbours' house");

        assertThat(numbers(search("lamp"))).as("a word of the description").containsExactly(parcel.number().value());
        assertThat(numbers(search("PRINT"))).as("the start of a word, any case").containsExactly(printer.number().value());
        assertThat(numbers(search("courier parcel"))).as("every word, in one message").containsExactly(parcel.number().value());
        assertThat(numbers(search("courier printer"))).isEmpty();
        assertThat(numbers(search("my"))).as("a short word, as typed").containsExactly(parcel.number().value());
        assertThat(numbers(search("umbrella"))).isEmpty();
    }

    private TicketBrowser.Page search(String text) {
        return browser.page(new TicketBrowser.Filter(null, null, null, null, text, null, null), null);
    }

    private static List<Long> numbers(TicketBrowser.Page page) {
        return page.rows().stream().map(TicketBrowser.Row::number).toList();
    }
}
