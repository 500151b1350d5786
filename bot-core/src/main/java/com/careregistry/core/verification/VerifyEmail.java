package com.careregistry.core.verification;

import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.customer.Customers;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C1: a customer adds an email and proves it is theirs with a one-time code: 6 digits, kept only
 * as a hash, valid 10 minutes, at most 5 tries. A newer code replaces an older one. C6: proving
 * an email that an earlier account verified links this chat to that account.
 */
@Service
public class VerifyEmail {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_TRIES = 5;

    /** How a try with a code went; each has the text the customer reads. */
    public enum Result {
        CONFIRMED("email.verify.confirmed"),
        /** C6: the email was already verified by an earlier account, which this chat now signs in as */
        RELINKED("email.verify.relinked"),
        WRONG_CODE("email.verify.wrong"),
        EXPIRED("email.verify.expired"),
        TOO_MANY_TRIES("email.verify.too-many"),
        NOTHING_PENDING("email.verify.nothing-pending");

        private final String textKey;

        Result(String textKey) {
            this.textKey = textKey;
        }

        public String textKey() {
            return textKey;
        }
    }

    private final EmailVerifications verifications;
    private final Customers customers;
    private final CustomerDirectory directory;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final BCryptPasswordEncoder hasher = new BCryptPasswordEncoder(8);

    public VerifyEmail(EmailVerifications verifications, Customers customers, CustomerDirectory directory, Outbox outbox,
                       Texts texts, Clock clock) {
        this.verifications = verifications;
        this.customers = customers;
        this.directory = directory;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** Sends a new code to {@code email}; returns the address it went to (normalized). */
    @Transactional
    public String start(Long customerId, String email) {
        String address = CreateAgentCommand.normalizeEmail(email);
        Customer customer = customers.findById(customerId).orElseThrow(() -> new DomainException("customer.not-found"));
        verifications.findFirstByCustomerIdAndStatusOrderByIdDesc(customerId, VerificationStatus.PENDING)
                .ifPresent(EmailVerification::cancel);
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant now = clock.instant();
        verifications.save(new EmailVerification(customerId, address, hasher.encode(code), now, now.plus(VALIDITY)));
        outbox.toEmail(address,
                texts.get(customer.language(), "email.verify.subject"),
                texts.get(customer.language(), "email.verify.body", customer.displayName(), code, VALIDITY.toMinutes()),
                null);
        return address;
    }

    /** Checks a code the customer typed. A wrong try counts even though nothing else changes. */
    @Transactional(noRollbackFor = DomainException.class)
    public Result confirm(Long customerId, String typedCode) {
        Optional<EmailVerification> pending =
                verifications.findFirstByCustomerIdAndStatusOrderByIdDesc(customerId, VerificationStatus.PENDING);
        if (pending.isEmpty()) {
            return Result.NOTHING_PENDING;
        }
        EmailVerification verification = pending.get();
        Instant now = clock.instant();
        if (verification.expiredAt(now)) {
            verification.cancel();
            return Result.EXPIRED;
        }
        if (verification.attempts() >= MAX_TRIES) {
            verification.cancel();
            return Result.TOO_MANY_TRIES;
        }
        verification.countAttempt();
        String code = typedCode == null ? "" : typedCode.replaceAll("\\s", "");
        if (!code.matches("\\d{6}") || !hasher.matches(code, verification.codeHash())) {
            if (verification.attempts() >= MAX_TRIES) {
                verification.cancel();
                return Result.TOO_MANY_TRIES;
            }
            return Result.WRONG_CODE;
        }
        verification.confirm(now);
        Optional<Customer> earlier = customers.findByVerifiedEmail(verification.email())
                .filter(other -> !other.id().equals(customerId));
        if (earlier.isPresent()) {
            directory.mergeInto(customerId, earlier.get().id());
            return Result.RELINKED;
        }
        Customer customer = customers.findById(customerId).orElseThrow();
        customer.verifyEmail(verification.email(), now);
        return Result.CONFIRMED;
    }
}
