package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordTextTest {

    @Test
    void markdownArrivesAsTyped() {
        assertThat(DiscordText.parts("**not bold** _nor this_ `code`")).singleElement()
                .isEqualTo("\\*\\*not bold\\*\\* \\_nor this\\_ \\`code\\`");
    }

    @Test
    void longTextsAreSplitWithinTheLimitEvenWhenEscapingMakesThemLonger() {
        List<String> plain = DiscordText.parts(("line of text\n").repeat(400));
        assertThat(plain).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(2000));

        List<String> starry = DiscordText.parts("*".repeat(3000));
        assertThat(starry).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(2000));
        assertThat(String.join("", starry).replace("\\", "")).isEqualTo("*".repeat(3000));
    }
}
