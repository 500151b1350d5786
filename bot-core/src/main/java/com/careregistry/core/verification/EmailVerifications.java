package com.careregistry.core.verification;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmailVerifications extends JpaRepository<EmailVerification, Long> {

    Optional<EmailVerification> findFirstByCustomerIdAndStatusOrderByIdDesc(Long customerId, VerificationStatus status);
}
