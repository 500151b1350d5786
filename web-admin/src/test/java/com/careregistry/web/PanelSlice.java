package com.careregistry.web;

import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.TicketSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a web slice test ({@code @WebMvcTest} of one controller, its use cases mocked) needs besides
 * the controller for the panel's pages to render: the texts, the page helpers the templates call
 * ({@code @when}, {@code @isolate}) and the desk's ticket settings.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({Texts.class, When.class, Isolate.class})
@EnableConfigurationProperties(TicketSettings.class)
public class PanelSlice {

    /** The time the pages read ({@code @when}'s time left to a due time). */
    @org.springframework.context.annotation.Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }
}
