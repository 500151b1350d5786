package com.careregistry.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPartsTest {

    @Test
    void shortTextIsOnePart() {
        assertThat(TextParts.split("hello", 4096)).containsExactly("hello");
    }

    @Test
    void longTextIsSplitAtLineBreaksWithinTheLimitAndLosesNothing() {
        String text = ("a".repeat(30) + "\n").repeat(200).strip();
        List<String> parts = TextParts.split(text, 100);
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(100));
        assertThat(String.join("\n", parts)).isEqualTo(text);
    }

    @Test
    void neverCutsASurrogatePair() {
        String emoji = "😀".repeat(3);
        assertThat(TextParts.split(emoji, 3)).allSatisfy(part -> assertThat(part.codePoints().count() * 2).isEqualTo(part.length()));
        assertThat(String.join("", TextParts.split(emoji, 3))).isEqualTo(emoji);
    }

    @Test
    void aLineLongerThanTheLimitIsCutAtSpacesThenHard() {
        assertThat(TextParts.split("aaaa bbbb cccc", 9)).containsExactly("aaaa bbbb", "cccc");
        assertThat(TextParts.split("x".repeat(25), 10)).containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
    }
}
