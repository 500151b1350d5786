package com.careregistry.core.canned;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CannedAnswers extends JpaRepository<CannedAnswer, Long> {

    Optional<CannedAnswer> findByName(String name);

    List<CannedAnswer> findAllByOrderByNameAsc();
}
