package com.careregistry.core.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.ticket.Ticket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Canned answers: kept by name, filled in for a ticket and an agent when sent. */
class ManageCannedAnswersTest extends CoreTest {

    @Autowired
    ManageCannedAnswers canned;

    @Test
    void anAnswerIsFilledInForTheTicketItsCustomerAndTheAgentWhoSendsIt() {
        canned.save(" Refund ", "Hello {customer}, your refund for {ticket} is on its way.\n{agent}");
        AgentView maria = agent("Maria");
        Ticket ticket = open(customer("Ann"), "I was charged twice");
        assertThat(canned.render("refund", ticket.number(), maria.id()))
                .isEqualTo("Hello Ann, your refund for " + ticket.number() + " is on its way.\nMaria");

        canned.save("refund", "Your refund for {ticket} was sent today.");   // the same name again: a new text
        assertThat(canned.all()).singleElement().satisfies(a -> assertThat(a.body()).isEqualTo("Your refund for {ticket} was sent today."));
        assertThat(canned.render("REFUND", ticket.number(), maria.id())).isEqualTo("Your refund for " + ticket.number() + " was sent today.");
    }

    @Test
    void aBadNameAnEmptyTextOrAnUnknownAnswerIsRefusedPolitely() {
        assertThatThrownBy(() -> canned.save("two words", "Hi")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(texts.explain("en", e)).isEqualTo("A canned answer's name is one word of lower-case letters, digits "
                        + "and dashes, e.g. refund-sent."));
        assertThatThrownBy(() -> canned.save("hello", "   ")).hasMessageContaining("message.empty");
        Ticket ticket = open(customer("Ann"), "Help");
        assertThatThrownBy(() -> canned.render("nope", ticket.number(), agent("Maria").id())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(texts.explain("en", e)).isEqualTo("There is no canned answer called nope. Send /canned to see them all."));
    }
}
