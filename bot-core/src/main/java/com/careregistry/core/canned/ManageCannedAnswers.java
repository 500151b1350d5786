package com.careregistry.core.canned;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned answers: admins keep the desk's, each agent may keep their own, short answers by name; an
 * agent sends one to a ticket's customer ({@code /canned refund} in the ticket's staff topic or
 * thread, Discord's {@code /canned} with completion, or the panel's reply box) with
 * {@code {customer}}, {@code {ticket}} and {@code {agent}} filled in. An agent's own answer of a
 * name is the one they send when the desk has one of that name too.
 */
@Service
public class ManageCannedAnswers {

    /** A name is what an agent types after {@code /canned}: lower-case letters, digits and dashes. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** Names offered at most when completing or suggesting (Discord shows 25 choices). */
    public static final int MAX_CHOICES = 25;

    private final CannedAnswers answers;
    private final TicketQueries queries;
    private final ManageAgents agents;
    private final Clock clock;

    public ManageCannedAnswers(CannedAnswers answers, TicketQueries queries, ManageAgents agents, Clock clock) {
        this.answers = answers;
        this.queries = queries;
        this.agents = agents;
        this.clock = clock;
    }

    /** The desk's answers (the admins' page). */
    @Transactional(readOnly = true)
    public List<CannedAnswerView> all() {
        return answers.findByAgentIdIsNullOrderByNameAsc().stream().map(CannedAnswerView::of).toList();
    }

    /** An agent's own answers (their page). */
    @Transactional(readOnly = true)
    public List<CannedAnswerView> own(Long agentId) {
        return answers.findByAgentIdOrderByNameAsc(agentId).stream().map(CannedAnswerView::of).toList();
    }

    /** What this agent can send, by name: the desk's and their own (their own where both have a name). */
    @Transactional(readOnly = true)
    public List<CannedAnswerView> sendableBy(Long agentId) {
        Map<String, CannedAnswerView> byName = new LinkedHashMap<>();
        for (CannedAnswer answer : answers.sendableBy(agentId)) {
            byName.merge(answer.name(), CannedAnswerView.of(answer), (desk, own) -> own.own() ? own : desk);
        }
        return List.copyOf(byName.values());
    }

    /** The names this agent can send that start with {@code typed} (any case), then those that contain it; at most 25. */
    @Transactional(readOnly = true)
    public List<String> namesLike(Long agentId, String typed) {
        String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> names = sendableBy(agentId).stream().map(CannedAnswerView::name).toList();
        return Stream.concat(names.stream().filter(n -> n.startsWith(key)),
                        names.stream().filter(n -> !n.startsWith(key) && n.contains(key)))
                .limit(MAX_CHOICES).toList();
    }

    /** The same, for the agent behind a chat account (Discord's completion); none for someone who is not an agent. */
    @Transactional(readOnly = true)
    public List<String> namesLike(Channel channel, String externalUserId, String typed) {
        return agents.agentBehind(channel, externalUserId).map(agent -> namesLike(agent.id(), typed)).orElse(List.of());
    }

    /** A new answer of the desk's, or a new text for the desk's answer of that name. */
    @Transactional
    public CannedAnswerView save(String name, String body) {
        return save(null, name, body);
    }

    /** A new answer of this agent's own, or a new text for theirs of that name. */
    @Transactional
    public CannedAnswerView saveOwn(Long agentId, String name, String body) {
        return save(Objects.requireNonNull(agentId), name, body);
    }

    /** Deletes one of the desk's answers. */
    @Transactional
    public void delete(Long id) {
        answers.delete(answers.findById(id).filter(a -> a.agentId() == null)
                .orElseThrow(() -> new NotFoundException("canned.not-found", "?")));
    }

    /** Deletes one of this agent's own answers; another's, or the desk's, is not found. */
    @Transactional
    public void deleteOwn(Long agentId, Long id) {
        answers.delete(answers.findById(id).filter(a -> agentId.equals(a.agentId()))
                .orElseThrow(() -> new NotFoundException("canned.not-found", "?")));
    }

    /**
     * The answer {@code name} for this ticket, from this agent (their own first, else the desk's):
     * its placeholders filled in. A name that is none of theirs is refused, with the names like it.
     */
    @Transactional(readOnly = true)
    public String render(String name, TicketNumber number, Long agentId) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        CannedAnswer answer = answers.findByNameAndAgentId(key, agentId).or(() -> answers.findByNameAndAgentIdIsNull(key))
                .orElseThrow(() -> notFound(key, agentId));
        TicketDetails ticket = queries.detailsForStaff(number);
        AgentView agent = agents.get(agentId);
        return answer.body().replace("{customer}", ticket.customerName()).replace("{ticket}", number.toString())
                .replace("{agent}", agent.firstName());
    }

    private DomainException notFound(String key, Long agentId) {
        List<String> like = key.isEmpty() ? List.of() : namesLike(agentId, key);
        return like.isEmpty() ? new NotFoundException("canned.not-found", key)
                : new NotFoundException("canned.not-found.like", key, String.join(", ", like));
    }

    private CannedAnswerView save(Long agentId, String name, String body) {
        String cleanName = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(cleanName).matches()) {
            throw new DomainException("canned.name.invalid");
        }
        String cleanBody = body == null ? "" : body.strip();
        if (cleanBody.isEmpty()) {
            throw new DomainException("message.empty");
        }
        if (cleanBody.length() > MessageContent.MAX_TEXT_LENGTH) {
            throw new DomainException("message.too-long", MessageContent.MAX_TEXT_LENGTH);
        }
        CannedAnswer answer = (agentId == null ? answers.findByNameAndAgentIdIsNull(cleanName)
                : answers.findByNameAndAgentId(cleanName, agentId)).orElse(null);
        if (answer == null) {
            answer = answers.save(new CannedAnswer(agentId, cleanName, cleanBody, clock.instant()));
        } else {
            answer.change(cleanBody);
        }
        return CannedAnswerView.of(answer);
    }
}
