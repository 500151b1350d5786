package com.careregistry.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which articles answer a description: whole words, any script, most keywords first, then the newest, at most three. */
class ArticleMatcherTest {

    static final long BILLING = 4;
    static final long DEVICES = 5;

    @Test
    void wordsAreLowerCasedAndSplitAtAnythingButLettersAndDigitsOfAnyScript() {
        assertThat(ArticleMatcher.words("My REFUND is late!!! (order #A-1042)"))
                .containsExactly("my", "refund", "is", "late", "order", "a", "1042");
        assertThat(ArticleMatcher.words("Rückerstattung überfällig, ¿dónde está mi reembolso?"))
                .containsExactly("rückerstattung", "überfällig", "dónde", "está", "mi", "reembolso");
        assertThat(ArticleMatcher.words("Возврат денег\tне пришёл")).containsExactly("возврат", "денег", "не", "пришёл");
        assertThat(ArticleMatcher.words("Re\u0301embolso")).as("a decomposed accent is one word, composed")
                .containsExactly("réembolso");
        assertThat(ArticleMatcher.words(null)).isEmpty();
        assertThat(ArticleMatcher.words(" ... ")).isEmpty();
    }

    @Test
    void keywordsAreKeptLowerCasedOnePerCommaWithoutEmptiesOrTwins() {
        assertThat(ArticleMatcher.keywords(" Refund, money  BACK,, refund ,late-payment , !! "))
                .containsExactly("refund", "money back", "late payment");
        assertThat(ArticleMatcher.keywords(", ,")).isEmpty();
        assertThat(ArticleMatcher.keywords(null)).isEmpty();
    }

    @Test
    void aKeywordMatchesWholeWordsAndSeveralWordsOnlySideBySide() {
        List<String> words = ArticleMatcher.words("I want my money back, the refunds page is broken");
        assertThat(ArticleMatcher.matched(words, List.of("money back"))).isEqualTo(1);
        assertThat(ArticleMatcher.matched(words, List.of("back money"))).isZero();
        assertThat(ArticleMatcher.matched(words, List.of("refund"))).as("not a part of a word").isZero();
        assertThat(ArticleMatcher.matched(words, List.of("refunds", "page", "broken", "card"))).isEqualTo(3);
    }

    @Test
    void theArticleMatchingMostKeywordsComesFirstThenTheNewestAndAtMostThree() {
        ArticleView lateRefund = article(1, BILLING, "2026-11-01", "refund", "late");
        ArticleView refundOld = article(2, BILLING, "2026-10-01", "refund");
        ArticleView refundNew = article(3, null, "2026-11-20", "refund");
        ArticleView refundNewer = article(4, BILLING, "2026-11-25", "refund");
        ArticleView unrelated = article(5, BILLING, "2026-11-30", "password");
        List<ArticleView> best = ArticleMatcher.best("My refund is late", BILLING,
                List.of(refundOld, unrelated, lateRefund, refundNew, refundNewer));
        assertThat(best).extracting(ArticleView::id).containsExactly(1L, 4L, 3L);
    }

    @Test
    void onlyActiveArticlesOfTheTicketsCategoryOrOfEveryCategoryAreOffered() {
        ArticleView billing = article(1, BILLING, "2026-11-01", "refund");
        ArticleView everywhere = article(2, null, "2026-11-02", "refund");
        ArticleView devices = article(3, DEVICES, "2026-11-03", "refund");
        ArticleView retired = new ArticleView(4, BILLING, "Old", "Old text", List.of("refund"), false, Instant.parse("2026-11-04T00:00:00Z"));
        assertThat(ArticleMatcher.best("refund please", BILLING, List.of(billing, everywhere, devices, retired)))
                .extracting(ArticleView::id).containsExactly(2L, 1L);
        assertThat(ArticleMatcher.best("refund please", DEVICES, List.of(billing, everywhere, devices, retired)))
                .extracting(ArticleView::id).containsExactly(3L, 2L);
    }

    @Test
    void aDescriptionWithNoKeywordOrNoWordsGetsNoArticle() {
        ArticleView refund = article(1, BILLING, "2026-11-01", "refund");
        assertThat(ArticleMatcher.best("The app crashes on start", BILLING, List.of(refund))).isEmpty();
        assertThat(ArticleMatcher.best("?!", BILLING, List.of(refund))).isEmpty();
        assertThat(ArticleMatcher.best(null, BILLING, List.of(refund))).isEmpty();
    }

    @Test
    void upperCaseAndAccentsInTheDescriptionMatchTheLowerCasedKeywords() {
        ArticleView reembolso = article(1, BILLING, "2026-11-01", ArticleMatcher.keywords("Reembolso, DEVOLUCIÓN").toArray(String[]::new));
        assertThat(ArticleMatcher.best("Quiero una DEVOLUCIÓN ya", BILLING, List.of(reembolso))).containsExactly(reembolso);
    }

    private static ArticleView article(long id, Long categoryId, String day, String... keywords) {
        return new ArticleView(id, categoryId, "Article " + id, "Text " + id, List.of(keywords), true, Instant.parse(day + "T00:00:00Z"));
    }
}
