package com.careregistry.core.agent;

import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A5: agents ask to join from chat (RequestAgentAccess); admins see the requests (case 25) and
 * accept (making a new agent or linking an existing one) or reject them. The requester is told
 * the decision in their chat.
 */
@Service
public class JoinRequestDesk {

    public static final int MAX_NOTE_LENGTH = 1000;

    /** Accept as a new agent (firstName, email, categories) or as an existing one (existingAgentId). */
    public record Acceptance(Long existingAgentId, CreateAgentCommand newAgent) {
        public Acceptance {
            if ((existingAgentId == null) == (newAgent == null)) {
                throw new IllegalArgumentException("either an existing agent or a new one");
            }
        }

        public static Acceptance asExisting(Long agentId) {
            return new Acceptance(Objects.requireNonNull(agentId), null);
        }

        public static Acceptance asNew(CreateAgentCommand command) {
            return new Acceptance(null, Objects.requireNonNull(command));
        }
    }

    private final AgentJoinRequests requests;
    private final AgentIdentities identities;
    private final ManageAgents manageAgents;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;

    public JoinRequestDesk(AgentJoinRequests requests, AgentIdentities identities, ManageAgents manageAgents, Outbox outbox,
                           Texts texts, Clock clock) {
        this.requests = requests;
        this.identities = identities;
        this.manageAgents = manageAgents;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** Someone in chat asks to join as an agent. Asking again while a request waits changes nothing. */
    @Transactional
    public AgentJoinRequest request(ChatUser user, String note) {
        if (identities.findByChannelAndExternalUserId(user.channel(), user.externalUserId()).isPresent()) {
            throw new DomainException("join-request.already-agent");
        }
        if (requests.findFirstByChannelAndExternalUserIdAndStatus(user.channel(), user.externalUserId(),
                JoinRequestStatus.PENDING).isPresent()) {
            throw new DomainException("join-request.already-pending");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE_LENGTH) {
            throw new DomainException("join-request.note-too-long", MAX_NOTE_LENGTH);
        }
        AgentJoinRequest request = requests.save(new AgentJoinRequest(user, cleanNote, clock.instant()));
        outbox.toChat(user.privateChat(), texts.get(user.language(), "join-request.received"));
        return request;
    }

    @Transactional(readOnly = true)
    public List<JoinRequestView> pending() {
        return requests.findByStatusOrderByCreatedAtAsc(JoinRequestStatus.PENDING).stream().map(JoinRequestView::of).toList();
    }

    /** The latest decided requests, newest first. */
    @Transactional(readOnly = true)
    public List<JoinRequestView> decided(int limit) {
        return requests.findByStatusNotOrderByCreatedAtDesc(JoinRequestStatus.PENDING, Limit.of(limit)).stream()
                .map(JoinRequestView::of).toList();
    }

    @Transactional
    public AgentView accept(Long requestId, Acceptance as) {
        AgentJoinRequest request = get(requestId);
        AgentView agent = as.existingAgentId() != null ? manageAgents.get(as.existingAgentId())
                : manageAgents.create(as.newAgent().inLanguage(request.language()));   // they asked in their language
        request.accept(agent.id(), clock.instant());
        manageAgents.linkChatIdentity(agent.id(), request.chatUser());
        outbox.toChat(request.privateChat(), texts.get(request.language(), "join-request.accepted", agent.firstName()));
        return agent;
    }

    @Transactional
    public JoinRequestView reject(Long requestId) {
        AgentJoinRequest request = get(requestId);
        request.reject(clock.instant());
        outbox.toChat(request.privateChat(), texts.get(request.language(), "join-request.rejected"));
        return JoinRequestView.of(request);
    }

    private AgentJoinRequest get(Long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("join-request.not-found"));
    }
}
