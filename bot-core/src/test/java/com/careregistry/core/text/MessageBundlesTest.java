package com.careregistry.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every supported language has a complete bundle: the same keys as English, texts that MessageFormat
 * accepts with the same arguments, and a name for every supported language.
 */
class MessageBundlesTest {

    private static final String ENGLISH = "en";
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everySupportedLanguageHasABundle() {
        assertThat(Texts.SUPPORTED_LANGUAGES).contains(ENGLISH);
        for (String language : Texts.SUPPORTED_LANGUAGES) {
            assertThat(MessageBundlesTest.class.getClassLoader().getResource(fileOf(language)))
                    .as("the bundle %s", fileOf(language)).isNotNull();
        }
    }

    @Test
    void everyBundleHasExactlyTheEnglishKeys() throws IOException {
        Set<String> english = keys(load(ENGLISH));
        SoftAssertions softly = new SoftAssertions();
        for (String language : otherLanguages()) {
            Set<String> keys = keys(load(language));
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            softly.assertThat(missing).as("keys missing in %s", fileOf(language)).isEmpty();
            softly.assertThat(extra).as("keys in %s that English does not have", fileOf(language)).isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void everyTextParsesAndUsesTheSameArgumentsAsEnglish() throws IOException {
        Properties english = load(ENGLISH);
        SoftAssertions softly = new SoftAssertions();
        for (String language : Texts.SUPPORTED_LANGUAGES) {
            Properties bundle = load(language);
            for (String key : keys(bundle)) {
                String value = bundle.getProperty(key);
                softly.assertThat(value).as("%s in %s", key, fileOf(language)).isNotBlank();
                softly.assertThat(value.replace("''", "")).as("%s in %s: an apostrophe must be written ''", key, fileOf(language))
                        .doesNotContain("'");
                Set<Integer> arguments;
                try {
                    arguments = argumentsOf(value);
                } catch (IllegalArgumentException invalid) {
                    softly.fail("%s in %s is not a valid MessageFormat pattern: %s", key, fileOf(language), invalid.getMessage());
                    continue;
                }
                if (!language.equals(ENGLISH) && english.containsKey(key)) {
                    softly.assertThat(arguments).as("arguments of %s in %s", key, fileOf(language))
                            .isEqualTo(argumentsOf(english.getProperty(key)));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void everyBundleNamesEverySupportedLanguage() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (String language : Texts.SUPPORTED_LANGUAGES) {
            Properties bundle = load(language);
            for (String named : Texts.SUPPORTED_LANGUAGES) {
                softly.assertThat(bundle.getProperty("language.name." + named))
                        .as("language.name.%s in %s", named, fileOf(language)).isNotBlank();
            }
        }
        softly.assertAll();
    }

    @Test
    void theMessageSourceSpeaksEachLanguageAndFallsBackToEnglish() {
        ResourceBundleMessageSource messages = Texts.bundles();
        Texts texts = new Texts(messages);

        String english = texts.get(ENGLISH, "tickets.none");
        assertThat(english).isEqualTo("You are yet to raise a ticket");
        for (String language : otherLanguages()) {
            assertThat(texts.get(language, "tickets.none")).as("tickets.none in %s", language)
                    .isNotBlank().isNotEqualTo(english);
        }
        assertThat(messages.getMessage("tickets.none", null, Locale.forLanguageTag("es"))).isNotEqualTo(english);
        assertThat(messages.getMessage("tickets.none", null, Locale.forLanguageTag("de"))).isNotEqualTo(english);
        assertThat(messages.getMessage("tickets.none", null, Locale.forLanguageTag("fr"))).isEqualTo(english);
        assertThat(texts.get("fr", "tickets.none")).isEqualTo(english);
        // arguments and '' still work through the real source
        assertThatCode(() -> texts.get("de", "ticket.details", "#1", "s", "o", "c", "a", "t", "q")).doesNotThrowAnyException();
        assertThat(texts.get(ENGLISH, "email.assigned.agent.body", "A", "#1", "s", "c", "g", "q")).contains("ticket's");
    }

    /** Discord refuses a form whose title or field label is over 45 characters: in every language they fit. */
    @Test
    void formTitlesAndLabelsFitDiscordsLimitInEveryLanguage() {
        ResourceBundleMessageSource messages = Texts.bundles();
        Texts texts = new Texts(messages);
        for (String language : Texts.SUPPORTED_LANGUAGES) {
            for (String key : List.of("bot.menu.new", "bot.discord.describe", "bot.discord.category", "bot.discord.rate-comment")) {
                assertThat(texts.get(language, key)).as("%s in %s", key, language).hasSizeLessThanOrEqualTo(45);
            }
            assertThat(texts.get(language, "bot.discord.rate-title", "#999999999999")).hasSizeLessThanOrEqualTo(45);
        }
    }

    private static List<String> otherLanguages() {
        return Texts.SUPPORTED_LANGUAGES.stream().filter(language -> !language.equals(ENGLISH)).toList();
    }

    private static String fileOf(String language) {
        return language.equals(ENGLISH) ? "messages.properties" : "messages_" + language + ".properties";
    }

    private static Properties load(String language) throws IOException {
        String file = fileOf(language);
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as("the bundle %s", file).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    /**
     * The argument indexes a pattern uses, read from MessageFormat's own rendering of what it parsed (so
     * quoted text such as {@code '{'} does not count); throws IllegalArgumentException when it rejects it.
     */
    private static Set<Integer> argumentsOf(String pattern) {
        String parsed = new MessageFormat(pattern, Locale.ROOT).toPattern();
        return ARGUMENT.matcher(parsed).results().map(match -> Integer.valueOf(match.group(1)))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
