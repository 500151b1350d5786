package com.careregistry.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void bidiOverridesAndZeroWidthCharactersAreTakenOutOfLabels() {
        // "Mallory" followed by a right-to-left override and "nimda": shown as typed it reads "Mallory admin"
        assertThat(UserText.label("Mallory \u202Enimda")).isEqualTo("Mallory nimda");
        assertThat(UserText.label("Eve\u202Egnp.exe")).isEqualTo("Evegnp.exe");
        assertThat(UserText.label("ad\u200Bmin\u2060\uFEFF")).isEqualTo("admin");
        assertThat(UserText.label("\u2066Ann\u2069 \u200E\u200FLee\u202C\u00AD")).isEqualTo("Ann Lee");
        assertThat(UserText.label("Ann\nLee\t\u0007Smith")).isEqualTo("Ann Lee Smith");
        assertThat(UserText.label("  \u202E  ")).isEmpty();
        assertThat(UserText.label(null)).isNull();
    }

    @Test
    void joinersStayWhereScriptsAndEmojiNeedThem() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";   // man, ZWJ, woman, ZWJ, girl
        assertThat(UserText.label("Ann " + family)).isEqualTo("Ann " + family);
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";  // "mi-khaham" with its non-joiner
        assertThat(UserText.label(persian)).isEqualTo(persian);
        assertThat(UserText.label("ad\u200Dmin")).isEqualTo("admin");
        assertThat(UserText.label("\u200DAnn")).isEqualTo("Ann");
    }

    @Test
    void plainTextIsLeftAsItIs() {
        String name = "Zoë O'Brien-Łukasiewicz 李雷";
        assertThat(UserText.label(name)).isSameAs(name);
        assertThat(UserText.isolate(name)).isEqualTo(name);
    }

    @Test
    void rightToLeftLabelsAreIsolatedFromTheSentenceAroundThem() {
        String hebrew = "\u05D3\u05E0\u05D4";   // Dana
        assertThat(UserText.isolate(hebrew)).isEqualTo("\u2068" + hebrew + "\u2069");
        assertThat(UserText.isolate("\u202E" + hebrew + "\u202C")).isEqualTo("\u2068" + hebrew + "\u2069");
        assertThat(UserText.isolate("Mallory \u202Enimda")).isEqualTo("Mallory nimda");
        assertThat(UserText.isolate(null)).isEmpty();
    }
}
