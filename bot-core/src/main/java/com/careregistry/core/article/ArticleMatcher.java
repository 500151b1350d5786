package com.careregistry.core.article;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which articles answer a description. The description's words (lower-cased, split at anything
 * that is not a letter, a mark or a digit of any script) are compared with each active article's
 * keywords of the ticket's category or of every category: a keyword matches when its words stand
 * side by side in the description, as whole words ("refund" does not match "refunds"; an admin
 * lists the forms customers use). The articles that match most keywords come first, the newest
 * first among equals; at most {@value #MAX_OFFERED}.
 */
final class ArticleMatcher {

    static final int MAX_OFFERED = 3;

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    private ArticleMatcher() {
    }

    /** The best articles for a description of a ticket in this category, best first. */
    static List<ArticleView> best(String description, long categoryId, Collection<ArticleView> articles) {
        List<String> words = words(description);
        if (words.isEmpty()) {
            return List.of();
        }
        record Scored(ArticleView article, int matched) {
        }
        return articles.stream()
                .filter(a -> a.active() && (a.categoryId() == null || a.categoryId() == categoryId))
                .map(a -> new Scored(a, matched(words, a.keywords())))
                .filter(s -> s.matched() > 0)
                .sorted(Comparator.comparingInt(Scored::matched).reversed()
                        .thenComparing(s -> s.article().createdAt(), Comparator.reverseOrder())
                        .thenComparing(s -> s.article().id(), Comparator.reverseOrder()))
                .limit(MAX_OFFERED)
                .map(Scored::article)
                .toList();
    }

    /** A text's words, lower-cased, in order. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Arrays.stream(NOT_A_WORD.split(normal)).filter(word -> !word.isEmpty()).toList();
    }

    /**
     * Keywords as an admin types them, separated by commas, as they are kept: each its words
     * lower-cased and joined by one space, with no empty one and none twice.
     */
    static List<String> keywords(String typed) {
        if (typed == null) {
            return List.of();
        }
        Set<String> keywords = new LinkedHashSet<>();
        for (String part : typed.split(",")) {
            String keyword = String.join(" ", words(part));
            if (!keyword.isEmpty()) {
                keywords.add(keyword);
            }
        }
        return new ArrayList<>(keywords);
    }

    /** How many of the keywords stand, word for word, in the description's words. */
    static int matched(List<String> words, List<String> keywords) {
        int matched = 0;
        for (String keyword : keywords) {
            if (contains(words, List.of(keyword.split(" ")))) {
                matched++;
            }
        }
        return matched;
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        return !phrase.isEmpty() && java.util.Collections.indexOfSubList(words, phrase) >= 0;
    }
}
