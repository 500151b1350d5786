package com.careregistry.core.article;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Articles extends JpaRepository<Article, Long> {

    /** Active first, then newest first. */
    List<Article> findAllByOrderByActiveDescCreatedAtDescIdDesc();

    @Query("select a from Article a where a.active = true and (a.categoryId is null or a.categoryId = :categoryId)")
    List<Article> offerableIn(Long categoryId);
}
