package com.careregistry.web;

import com.careregistry.core.text.Texts;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The panel speaks the browser's language when we have a bundle for it (Accept-Language), else
 * English; never the server's own locale. Pages, flash messages and refusals all follow it.
 */
@Configuration(proxyBeanMethods = false)
class PanelLocale {

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(Texts.SUPPORTED_LANGUAGES.stream().map(Locale::forLanguageTag).toList());
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
