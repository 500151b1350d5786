package com.careregistry.core.agent;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface Agents extends JpaRepository<Agent, Long> {

    Optional<Agent> findByEmailIgnoreCase(String email);

    List<Agent> findAllByOrderByFirstNameAscLastNameAsc();

    /**
     * Active agents of a category who are not away and are under their limit of open tickets (their
     * own, else {@code deskLimit}), with their open load, by id; callers sort by load.
     */
    @Query("""
            select new com.careregistry.core.agent.AgentLoad(a.id, a.firstName, a.lastName, a.email,
                   a.openTickets)
            from Agent a
            where a.active = true and a.away = false and :categoryId member of a.categoryIds
              and a.openTickets < coalesce(a.openLimit, :deskLimit)
            order by a.id asc
            """)
    List<AgentLoad> availableWithLoad(Long categoryId, int deskLimit);

    @Query("""
            select new com.careregistry.core.agent.AgentLoad(a.id, a.firstName, a.lastName, a.email,
                   a.openTickets)
            from Agent a
            order by a.firstName asc, a.id asc
            """)
    List<AgentLoad> allWithLoad();

    /** Active agents with their categories, in one query. */
    @Query("select distinct a from Agent a left join fetch a.categoryIds where a.active = true")
    List<Agent> activeWithCategories();

    @Modifying
    @Query(value = "UPDATE agents SET open_tickets = open_tickets + :by WHERE id = :agentId", nativeQuery = true)
    int changeOpenTickets(Long agentId, int by);
}
