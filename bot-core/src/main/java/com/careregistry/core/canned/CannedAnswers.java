package com.careregistry.core.canned;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CannedAnswers extends JpaRepository<CannedAnswer, Long> {

    /** The desk's answer of this name. */
    Optional<CannedAnswer> findByNameAndAgentIdIsNull(String name);

    /** This agent's own answer of this name. */
    Optional<CannedAnswer> findByNameAndAgentId(String name, Long agentId);

    /** The desk's answers, by name. */
    List<CannedAnswer> findByAgentIdIsNullOrderByNameAsc();

    /** This agent's own answers, by name. */
    List<CannedAnswer> findByAgentIdOrderByNameAsc(Long agentId);

    /** What this agent can send: the desk's and their own. */
    @Query("select a from CannedAnswer a where a.agentId is null or a.agentId = :agentId order by a.name, a.agentId")
    List<CannedAnswer> sendableBy(Long agentId);
}
