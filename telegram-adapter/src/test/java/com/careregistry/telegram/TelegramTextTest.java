package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelegramTextTest {

    @Test
    void escapingKeepsWhatWasTyped() {
        assertThat(TelegramText.escapeHtml("<b>a & b</b>")).isEqualTo("&lt;b&gt;a &amp; b&lt;/b&gt;");
    }

}
