package com.careregistry.core.text;

import com.careregistry.core.common.DomainException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** Every text a person reads, from the message bundles, in their language. */
@Component
public class Texts {

    /** Languages with a complete bundle; others fall back to English. */
    public static final List<String> SUPPORTED_LANGUAGES = List.of("en", "es", "de");

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The message bundles ({@code messages*.properties}, UTF-8, always MessageFormat patterns);
     * a language without a bundle falls back to English, never to the machine's locale.
     */
    public static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        bundles.setAlwaysUseMessageFormat(true);
        return bundles;
    }

    public String get(String language, String key, Object... args) {
        return messages.getMessage(key, args, localeOf(language));
    }

    public String get(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String explain(String language, DomainException refusal) {
        try {
            return get(language, refusal.textKey(), refusal.args());
        } catch (NoSuchMessageException missing) {
            return get(language, "error.generic");
        }
    }

    /** The language we speak to someone whose client reports {@code reported} (e.g. "en-GB"). */
    public static String normalize(String reported) {
        if (reported == null || reported.isBlank()) {
            return "en";
        }
        String language = Locale.forLanguageTag(reported.replace('_', '-')).getLanguage();
        return language.isEmpty() ? "en" : language;
    }

    public static Locale localeOf(String language) {
        return Locale.forLanguageTag(normalize(language));
    }
}
