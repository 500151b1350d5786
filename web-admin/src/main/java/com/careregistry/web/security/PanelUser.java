package com.careregistry.web.security;

import com.careregistry.core.account.LoginAccount;
import com.careregistry.core.account.Role;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The person signed in to the panel: their account, role, and (for an agent) their agent. */
public record PanelUser(Long accountId, String email, String passwordHash, Role role, Long agentId, boolean enabled,
                        boolean locked) implements UserDetails {

    /** BCrypt of nothing anyone can type: an invited agent without a password cannot sign in. */
    private static final String NO_PASSWORD = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z9Xo5Iu5yZq5d5mZ0Y5n1Z2u";

    static PanelUser of(LoginAccount account) {
        return new PanelUser(account.id(), account.email(), account.passwordHash() == null ? NO_PASSWORD : account.passwordHash(),
                account.role(), account.agentId(), account.enabled(), account.locked());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roleAuthorities();
    }

    List<GrantedAuthority> roleAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "PanelUser[" + accountId + ", " + role + "]";
    }
}
