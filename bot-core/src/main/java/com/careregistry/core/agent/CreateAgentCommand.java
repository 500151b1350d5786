package com.careregistry.core.agent;

import com.careregistry.core.common.DomainException;
import java.util.Set;
import java.util.regex.Pattern;

/** M3: an admin creates an agent with their name, email and the categories they serve. */
public record CreateAgentCommand(String firstName, String lastName, String email, String language, Set<Long> categoryIds) {

    /** The same agent, spoken to in {@code language} (emails, their private chat with the bot). */
    public CreateAgentCommand inLanguage(String language) {
        return new CreateAgentCommand(firstName, lastName, email, language, categoryIds);
    }

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public CreateAgentCommand {
        firstName = firstName == null ? "" : firstName.strip();
        lastName = lastName == null || lastName.isBlank() ? null : lastName.strip();
        email = normalizeEmail(email);
        language = language == null || language.isBlank() ? "en" : language;
        categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
        if (firstName.isEmpty()) {
            throw new DomainException("agent.first-name.empty");
        }
        if (firstName.length() > 100 || (lastName != null && lastName.length() > 100)) {
            throw new DomainException("agent.name.too-long", 100);
        }
    }

    /** A lower-cased, checked email address, or a refusal that says it is not one. */
    public static String normalizeEmail(String email) {
        String clean = email == null ? "" : email.strip().toLowerCase();
        if (clean.length() > 254 || !EMAIL.matcher(clean).matches()) {
            throw new DomainException("email.invalid");
        }
        return clean;
    }
}
