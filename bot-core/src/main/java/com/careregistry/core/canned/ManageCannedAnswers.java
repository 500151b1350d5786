package com.careregistry.core.canned;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned answers: admins (and agents) keep short answers by name; an agent sends one to a ticket's
 * customer ({@code /canned refund} in the ticket's staff topic or thread, or from the panel's reply
 * box) with {@code {customer}}, {@code {ticket}} and {@code {agent}} filled in.
 */
@Service
public class ManageCannedAnswers {

    /** A name is what an agent types after {@code /canned}: lower-case letters, digits and dashes. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

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

    @Transactional(readOnly = true)
    public List<CannedAnswerView> all() {
        return answers.findAllByOrderByNameAsc().stream().map(CannedAnswerView::of).toList();
    }

    /** A new answer, or a new text for the answer of that name. */
    @Transactional
    public CannedAnswerView save(String name, String body) {
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
        CannedAnswer answer = answers.findByName(cleanName).orElse(null);
        if (answer == null) {
            answer = answers.save(new CannedAnswer(cleanName, cleanBody, clock.instant()));
        } else {
            answer.change(cleanBody);
        }
        return CannedAnswerView.of(answer);
    }

    @Transactional
    public void delete(Long id) {
        answers.delete(answers.findById(id).orElseThrow(() -> new NotFoundException("canned.not-found", "?")));
    }

    /** The answer {@code name} for this ticket, from this agent: its placeholders filled in. */
    @Transactional(readOnly = true)
    public String render(String name, TicketNumber number, Long agentId) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        CannedAnswer answer = answers.findByName(key).orElseThrow(() -> new NotFoundException("canned.not-found", key));
        TicketDetails ticket = queries.detailsForStaff(number);
        AgentView agent = agents.get(agentId);
        return answer.body().replace("{customer}", ticket.customerName()).replace("{ticket}", number.toString())
                .replace("{agent}", agent.firstName());
    }
}
