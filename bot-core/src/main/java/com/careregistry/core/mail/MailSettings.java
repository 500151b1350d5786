package com.careregistry.core.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param from the sender of every email we send */
@ConfigurationProperties("careregistry.mail")
public record MailSettings(@DefaultValue("Customer Care Registry <no-reply@careregistry.local>") String from) {
}
