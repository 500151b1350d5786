package com.careregistry.core.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Admins extends JpaRepository<Admin, Long> {

    Optional<Admin> findByEmailIgnoreCase(String email);
}
