package com.careregistry.core.agent;

import com.careregistry.core.category.Categories;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** M3, M6: admins create agents, set their categories, deactivate them; staff chat identities are linked here. */
@Service
public class ManageAgents {

    private final Agents agents;
    private final AgentIdentities identities;
    private final Categories categories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ManageAgents(Agents agents, AgentIdentities identities, Categories categories, ApplicationEventPublisher events,
                        Clock clock) {
        this.agents = agents;
        this.identities = identities;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    /** M3: a new agent, who gets an invitation email to set their password. */
    @Transactional
    public AgentView create(CreateAgentCommand command) {
        if (agents.findByEmailIgnoreCase(command.email()).isPresent()) {
            throw new DomainException("agent.email.taken", command.email());
        }
        checkCategories(command.categoryIds());
        Agent agent = agents.save(new Agent(command.firstName(), command.lastName(), command.email(), command.language(),
                command.categoryIds(), clock.instant()));
        events.publishEvent(new AgentEvents.AgentCreated(agent.id()));   // its account and invitation, in this transaction
        events.publishEvent(new AgentEvents.AgentAvailable(agent.id()));   // tickets waiting for an agent of their categories
        return view(agent);
    }

    @Transactional
    public AgentView changeCategories(Long agentId, Set<Long> categoryIds) {
        checkCategories(categoryIds);
        Agent agent = find(agentId);
        agent.serveCategories(categoryIds);
        events.publishEvent(new AgentEvents.AgentAvailable(agentId));
        return view(agent);
    }

    /**
     * The agent can no longer sign in nor be assigned, and is signed out of the panel at their next
     * click; their tickets stay theirs until reassigned.
     */
    @Transactional
    public AgentView deactivate(Long agentId) {
        Agent agent = find(agentId);
        agent.deactivate();
        events.publishEvent(new AgentEvents.AgentDeactivated(agentId));
        return view(agent);
    }

    @Transactional
    public AgentView reactivate(Long agentId) {
        Agent agent = find(agentId);
        agent.reactivate();
        events.publishEvent(new AgentEvents.AgentAvailable(agentId));
        return view(agent);
    }

    /** Away from chat (auto-assignment gives them nothing), or back (the oldest waiting tickets come to them). */
    @Transactional
    public AgentView away(Long agentId, boolean away) {
        Agent agent = find(agentId);
        agent.away(away);
        if (!away) {
            events.publishEvent(new AgentEvents.AgentAvailable(agentId));
        }
        return view(agent);
    }

    /** The most tickets auto-assignment gives this agent at once; null for the desk's limit. */
    @Transactional
    public AgentView limitOpenTickets(Long agentId, Integer limit) {
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw new DomainException("agent.limit.invalid");
        }
        Agent agent = find(agentId);
        agent.limitOpenTickets(limit);
        events.publishEvent(new AgentEvents.AgentAvailable(agentId));
        return view(agent);
    }

    /** From now on, messages of this chat user in staff chat speak for the agent. */
    @Transactional
    public AgentIdentity linkChatIdentity(Long agentId, ChatUser user) {
        Agent agent = find(agentId);
        Optional<AgentIdentity> existing = identities.findByChannelAndExternalUserId(user.channel(), user.externalUserId());
        if (existing.isPresent()) {
            if (existing.get().agentId().equals(agent.id())) {
                return existing.get();
            }
            throw new DomainException("agent.identity.taken");
        }
        return identities.save(new AgentIdentity(agent.id(), user.channel(), user.externalUserId(), user.chatId(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public AgentView get(Long agentId) {
        return view(find(agentId));
    }

    /** Every agent by name, with their chat accounts: two queries however many agents there are. */
    @Transactional(readOnly = true)
    public List<AgentView> all() {
        Map<Long, List<AgentIdentity>> accounts = new HashMap<>();
        identities.findAllByOrderByIdAsc().forEach(i -> accounts.computeIfAbsent(i.agentId(), a -> new ArrayList<>()).add(i));
        return agents.findAllByOrderByFirstNameAscLastNameAsc().stream()
                .map(agent -> AgentView.of(agent, accounts.getOrDefault(agent.id(), List.of()))).toList();
    }

    private AgentView view(Agent agent) {
        return AgentView.of(agent, identities.findByAgentIdOrderByIdAsc(agent.id()));
    }

    private Agent find(Long agentId) {
        return agents.findById(agentId).orElseThrow(() -> new NotFoundException("agent.not-found"));
    }

    /** The active agents who serve a category, least loaded first (for the assign dialog). */
    @Transactional(readOnly = true)
    public List<AgentLoad> candidatesFor(Long categoryId) {
        return candidatesByCategory().getOrDefault(categoryId, List.of());
    }

    /**
     * For every category, the active agents who serve it, least loaded first: one query however
     * many categories a page shows.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<AgentLoad>> candidatesByCategory() {
        Map<Long, List<AgentLoad>> byCategory = new HashMap<>();
        for (Agent agent : agents.activeWithCategories()) {
            AgentLoad each = new AgentLoad(agent.id(), agent.firstName(), agent.lastName(), agent.email(), agent.openTickets());
            for (Long category : agent.categoryIds()) {
                byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(each);
            }
        }
        byCategory.values().forEach(list -> list.sort(AgentLoad.LEAST_LOADED));
        return byCategory;
    }

    /** M6: every agent with the number of tickets they are working on. */
    @Transactional(readOnly = true)
    public List<AgentLoad> workload() {
        return agents.allWithLoad();
    }

    /** The active agent behind a chat user in staff chat, if they are one. */
    @Transactional(readOnly = true)
    public Optional<Agent> agentBehind(com.careregistry.core.common.Channel channel, String externalUserId) {
        return identities.findByChannelAndExternalUserId(channel, externalUserId)
                .flatMap(identity -> agents.findById(identity.agentId()))
                .filter(Agent::active);
    }

    private void checkCategories(Set<Long> categoryIds) {
        for (Long id : categoryIds) {
            if (!categories.existsById(id)) {
                throw new NotFoundException("category.not-found");
            }
        }
    }
}
