package com.careregistry.core.common;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when a setting has a value that is not blank. Unlike {@code @ConditionalOnProperty}, an
 * empty value (as {@code ${TELEGRAM_BOT_TOKEN:}} gives without the variable) counts as not set.
 * The chat adapters switch themselves on with it when their token is given.
 */
public abstract class PropertySetCondition extends SpringBootCondition {

    private final String property;

    protected PropertySetCondition(String property) {
        this.property = property;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(property);
        return value != null && !value.isBlank() ? ConditionOutcome.match(property + " is set")
                : ConditionOutcome.noMatch(property + " is not set");
    }
}
