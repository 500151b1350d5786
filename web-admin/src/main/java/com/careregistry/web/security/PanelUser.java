package com.careregistry.web.security;

import com.careregistry.core.account.LoginAccount;
import com.careregistry.core.account.Role;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person signed in to the panel: their account, role, (for an agent) their agent, and the
 * account's session stamp at sign-in: once the account's stamp moves on, this session ends. No
 * password hash is kept in the session.
 */
public record PanelUser(Long accountId, String email, Role role, Long agentId, boolean enabled, long sessionStamp)
        implements UserDetails {

    public static PanelUser of(LoginAccount account) {
        return new PanelUser(account.id(), account.email(), account.role(), account.agentId(), account.enabled(),
                account.sessionStamp());
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
        return null;
    }

    @Override
    public String getUsername() {
        return email;
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
