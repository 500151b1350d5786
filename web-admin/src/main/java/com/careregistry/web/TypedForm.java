package com.careregistry.web;

import com.careregistry.core.common.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What was typed into a form the core refused, so the page that shows the reason shows the form
 * again as it was sent: only for the form sent to {@code action} (a page may hold several forms
 * with the same field names), and never a secret (passwords, codes, tokens), which are typed again.
 * It also names the {@code field} the refusal is about, when one is (a name that is taken, a target
 * that does not read): every page marks that field as wrong, with the reason beside it
 * ({@link FieldErrors}); null when the refusal is about the whole form.
 */
public record TypedForm(String action, Map<String, List<String>> values, String field) implements Serializable {

    static final TypedForm NONE = new TypedForm("", Map.of(), null);

    /**
     * The fields a refusal (by its text key) can be about, in the names the panel's forms give them;
     * the refused form holds one of them. A key not here is about the form as a whole.
     */
    private static final Map<String, List<String>> REFUSED_FIELDS = Map.ofEntries(
            Map.entry("category.name.taken", List.of("name")),
            Map.entry("category.name.empty", List.of("name")),
            Map.entry("category.name.too-long", List.of("name")),
            Map.entry("category.target.invalid", List.of("firstResponse", "resolution")),
            Map.entry("canned.name.invalid", List.of("name")),
            Map.entry("message.empty", List.of("text", "body")),
            Map.entry("message.too-long", List.of("text", "body")),
            Map.entry("article.title.empty", List.of("title")),
            Map.entry("article.title.too-long", List.of("title")),
            Map.entry("article.body.empty", List.of("body")),
            Map.entry("article.body.too-long", List.of("body")),
            Map.entry("article.keywords.empty", List.of("keywords")),
            Map.entry("article.keywords.too-long", List.of("keywords")),
            Map.entry("agent.first-name.empty", List.of("firstName")),
            Map.entry("agent.name.too-long", List.of("firstName", "lastName")),
            Map.entry("agent.email.taken", List.of("email")),
            Map.entry("account.email.taken", List.of("email")),
            Map.entry("email.invalid", List.of("email")),
            Map.entry("agent.limit.invalid", List.of("limit")),
            Map.entry("account.password.wrong", List.of("current")),
            Map.entry("account.password.too-short", List.of("password")),
            Map.entry("account.password.too-long", List.of("password")),
            Map.entry("account.totp.wrong", List.of("code")));

    private static final Set<String> SECRETS = Set.of("password", "current", "code", "token", "secret", "_csrf");

    public TypedForm {
        values = Map.copyOf(values);
    }

    /** The form {@code request} sent, refused by {@code refusal}. */
    public static TypedForm of(HttpServletRequest request, DomainException refusal) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, sent) -> {
            if (!isSecret(name)) {
                values.put(name, List.of(sent));
            }
        });
        return new TypedForm(request.getRequestURI().substring(request.getContextPath().length()), values,
                refusedField(refusal, request.getParameterMap()));
    }

    /**
     * The field of the sent form that {@code refusal} is about: of the fields it can be about, the one
     * whose value the reason quotes ("two hours is not a target"), else for a value too long the
     * longest, else the first the form has; null when none.
     */
    static String refusedField(DomainException refusal, Map<String, String[]> sent) {
        List<String> present = REFUSED_FIELDS.getOrDefault(refusal.textKey(), List.of()).stream().filter(sent::containsKey).toList();
        if (present.size() <= 1) {
            return present.isEmpty() ? null : present.get(0);
        }
        Set<String> quoted = new java.util.HashSet<>();
        for (Object arg : refusal.args()) {
            quoted.add(String.valueOf(arg).strip());
        }
        for (String name : present) {
            if (quoted.contains(first(sent, name).strip())) {
                return name;
            }
        }
        if (refusal.textKey().endsWith("too-long")) {
            return present.stream().max(java.util.Comparator.comparingInt(name -> first(sent, name).length())).orElseThrow();
        }
        return present.get(0);
    }

    private static String first(Map<String, String[]> sent, String name) {
        String[] values = sent.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }

    /** Whether the refusal was about {@code name} in the form sent to {@code formAction}. */
    public boolean refused(String formAction, String name) {
        return field != null && field.equals(name) && action.equals(formAction);
    }

    private static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRETS.stream().anyMatch(lower::contains);
    }

    /** What was typed in this field of the form sent to {@code formAction}; else {@code otherwise}. */
    public String value(String formAction, String name, String otherwise) {
        List<String> sent = action.equals(formAction) ? values.get(name) : null;
        return sent == null || sent.isEmpty() ? otherwise : sent.get(0);
    }

    /** Whether this box (or option) was ticked in the form sent to {@code formAction}; else {@code otherwise}. */
    public boolean chose(String formAction, String name, Object value, boolean otherwise) {
        if (!action.equals(formAction)) {
            return otherwise;
        }
        return values.getOrDefault(name, List.of()).contains(String.valueOf(value));
    }
}
