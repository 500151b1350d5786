package com.careregistry.web;

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
 */
public record TypedForm(String action, Map<String, List<String>> values) implements Serializable {

    static final TypedForm NONE = new TypedForm("", Map.of());

    private static final Set<String> SECRETS = Set.of("password", "current", "code", "token", "secret", "_csrf");

    public TypedForm {
        values = Map.copyOf(values);
    }

    static TypedForm of(HttpServletRequest request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, sent) -> {
            if (!isSecret(name)) {
                values.put(name, List.of(sent));
            }
        });
        return new TypedForm(request.getRequestURI().substring(request.getContextPath().length()), values);
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
