package com.careregistry.core.customer;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatIdentity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's account on one chat platform ({@link ChatIdentity}). */
@Entity
@Table(name = "customer_identities")
public class CustomerIdentity extends ChatIdentity {

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    protected CustomerIdentity() {
    }

    CustomerIdentity(Long customerId, Channel channel, String externalUserId, String chatId, Instant now) {
        super(channel, externalUserId, chatId, now);
        this.customerId = customerId;
    }

    public Long customerId() {
        return customerId;
    }

    @Override
    protected void reachAt(String chatId) {
        super.reachAt(chatId);
    }

    @Override
    protected String chatId() {
        return super.chatId();
    }
}
