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

    @Test
    void anAgentsOwnAnswersAreTheirsAloneAndComeBeforeTheDesksOfTheSameName() {
        AgentView maria = agent("Maria");
        AgentView omar = agent("Omar");
        Ticket ticket = open(customer("Ann"), "I was charged twice");
        canned.save("refund", "The desk's refund text for {ticket}.");
        canned.save("greeting", "Hello {customer}!");
        CannedAnswerView marias = canned.saveOwn(maria.id(), "refund", "Maria's own refund text, {customer}.");
        canned.saveOwn(maria.id(), "refund-late", "Sorry it is late, {customer}.");

        assertThat(canned.all()).extracting(CannedAnswerView::name).as("the desk's page").containsExactly("greeting", "refund");
        assertThat(canned.own(maria.id())).extracting(CannedAnswerView::name).containsExactly("refund", "refund-late");
        assertThat(canned.own(omar.id())).isEmpty();
        assertThat(canned.sendableBy(maria.id())).extracting(CannedAnswerView::name, CannedAnswerView::own)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("greeting", false), org.assertj.core.groups.Tuple.tuple("refund", true),
                        org.assertj.core.groups.Tuple.tuple("refund-late", true));
        assertThat(canned.render("refund", ticket.number(), maria.id())).isEqualTo("Maria's own refund text, Ann.");
        assertThat(canned.render("refund", ticket.number(), omar.id())).as("Omar has no own: the desk's")
                .isEqualTo("The desk's refund text for " + ticket.number() + ".");
        assertThatThrownBy(() -> canned.render("refund-late", ticket.number(), omar.id())).as("Maria's are not Omar's")
                .isInstanceOf(DomainException.class);

        assertThat(canned.namesLike(maria.id(), "ref")).containsExactly("refund", "refund-late");
        assertThat(canned.namesLike(maria.id(), "late")).as("then names that contain it").containsExactly("refund-late");
        assertThatThrownBy(() -> canned.render("refnd", ticket.number(), maria.id())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(texts.explain("en", e)).isEqualTo("There is no canned answer called refnd. Send /canned to see them all."));
        assertThatThrownBy(() -> canned.render("ref", ticket.number(), maria.id())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(texts.explain("en", e)).isEqualTo("There is no canned answer called ref. Did you mean refund, refund-late?"));

        assertThatThrownBy(() -> canned.deleteOwn(omar.id(), marias.id())).as("not Omar's to delete").isInstanceOf(DomainException.class);
        canned.deleteOwn(maria.id(), marias.id());
        assertThat(canned.render("refund", ticket.number(), maria.id())).isEqualTo("The desk's refund text for " + ticket.number() + ".");
    }
}
