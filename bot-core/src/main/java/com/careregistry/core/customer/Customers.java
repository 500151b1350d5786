package com.careregistry.core.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface Customers extends JpaRepository<Customer, Long> {

    @Query("select c from Customer c where c.email = :email and c.emailVerifiedAt is not null")
    Optional<Customer> findByVerifiedEmail(String email);

    @Modifying(clearAutomatically = true)
    @Query(value = "UPDATE tickets SET customer_id = :into WHERE customer_id = :from", nativeQuery = true)
    int moveTickets(Long from, Long into);

    @Modifying(clearAutomatically = true)
    @Query(value = "UPDATE email_verifications SET customer_id = :into WHERE customer_id = :from", nativeQuery = true)
    int moveVerifications(Long from, Long into);
}
