package com.careregistry.core.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Customers extends JpaRepository<Customer, Long> {

    @Query("select c from Customer c where c.email = :email and c.emailVerifiedAt is not null")
    Optional<Customer> findByVerifiedEmail(String email);
}
