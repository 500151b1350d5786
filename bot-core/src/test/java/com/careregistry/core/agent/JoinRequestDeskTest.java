package com.careregistry.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A5 and the report's case 25: join requests from chat, decided by an admin. */
class JoinRequestDeskTest extends CoreTest {

    @Autowired
    JoinRequestDesk desk;

    final ChatUser omarInTelegram = new ChatUser(Channel.TELEGRAM, "tg-omar", "chat-omar", "Omar K", "en");

    @Test
    void adminSeesEveryPendingRequestAndAcceptingMakesALinkedAgent() {
        AgentJoinRequest request = desk.request(omarInTelegram, "I work the night shift");
        desk.request(new ChatUser(Channel.DISCORD, "dc-lea", "dm-lea", "Lea", "en"), null);

        assertThat(desk.pending()).extracting(JoinRequestView::displayName).containsExactly("Omar K", "Lea");

        Long general = categories.active().get(0).id();
        AgentView omar = desk.accept(request.id(), JoinRequestDesk.Acceptance.asNew(
                new CreateAgentCommand("Omar", "K", "omar@example.com", "en", Set.of(general))));

        assertThat(desk.pending()).extracting(JoinRequestView::displayName).containsExactly("Lea");
        assertThat(manageAgents.agentBehind(Channel.TELEGRAM, "tg-omar")).map(Agent::id).contains(omar.id());
        assertThat(omar.serves(general)).isTrue();
        assertThat(outboxBodiesTo("chat-omar")).containsExactly(en("join-request.received"), "Welcome aboard, Omar! You are now an agent.");
    }

    @Test
    void anAgentMadeFromARequestIsSpokenToInTheLanguageTheyAskedIn() {
        AgentJoinRequest request = desk.request(new ChatUser(Channel.TELEGRAM, "tg-jonas", "chat-jonas", "Jonas", "de-DE"), null);
        AgentView jonas = desk.accept(request.id(), JoinRequestDesk.Acceptance.asNew(
                new CreateAgentCommand("Jonas", null, "jonas@example.com", null, Set.of(categories.active().get(0).id()))));
        assertThat(jonas.language()).isEqualTo("de");
        assertThat(outboxBodiesTo("chat-jonas")).last().isEqualTo(texts.get("de", "join-request.accepted", "Jonas"));
        assertThat(outbox()).filteredOn(row -> "jonas@example.com".equals(row.emailTo()))
                .extracting(row -> row.subject()).containsExactly(texts.get("de", "email.invite.subject"));
    }

    @Test
    void acceptingCanLinkAnExistingAgent() {
        AgentView maria = agent("Maria");
        AgentJoinRequest request = desk.request(new ChatUser(Channel.DISCORD, "dc-maria", "dm-maria", "maria", "en"), null);
        desk.accept(request.id(), JoinRequestDesk.Acceptance.asExisting(maria.id()));
        assertThat(manageAgents.get(maria.id()).chatAccounts()).extracting(AgentView.ChatAccount::externalUserId).containsExactly("dc-maria");
    }

    @Test
    void rejectingTellsTheRequesterAndCannotBeDecidedTwice() {
        AgentJoinRequest request = desk.request(omarInTelegram, null);
        desk.reject(request.id());
        assertThat(desk.pending()).isEmpty();
        assertThat(manageAgents.agentBehind(Channel.TELEGRAM, "tg-omar")).isEmpty();
        assertThat(outboxBodiesTo("chat-omar")).last().isEqualTo(en("join-request.rejected"));
        assertThatThrownBy(() -> desk.accept(request.id(), JoinRequestDesk.Acceptance.asExisting(agent("Maria").id())))
                .isInstanceOf(DomainException.class).hasMessageContaining("join-request.already-decided");
    }

    @Test
    void askingTwiceOrAsAnAgentIsRefused() {
        desk.request(omarInTelegram, null);
        assertThatThrownBy(() -> desk.request(omarInTelegram, null)).hasMessageContaining("join-request.already-pending");

        AgentView maria = agent("Maria");
        ChatUser mariaInChat = new ChatUser(Channel.TELEGRAM, "tg-maria", "chat-maria", "Maria", "en");
        manageAgents.linkChatIdentity(maria.id(), mariaInChat);
        assertThatThrownBy(() -> desk.request(mariaInChat, null)).hasMessageContaining("join-request.already-agent");
        assertThat(desk.pending()).hasSize(1);
        assertThat(desk.decided(50)).isEmpty();
    }
}
