package com.careregistry.web.security;

import com.careregistry.core.account.StaffAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open what: admins the admin pages, agents their desk; form login with a new session
 * on sign-in, CSRF on every form, strict security headers. A second step (an authenticator
 * app's code) when the account has it on.
 */
@Configuration(proxyBeanMethods = false)
class PanelSecurity {

    static final String TOTP_PENDING = "TOTP_PENDING";
    static final String TOTP_SETUP = "TOTP_SETUP";

    @Bean
    SecurityFilterChain panel(HttpSecurity http, SignInFlow signIn,
                              @Value("${careregistry.telegram.webhook-path:/telegram/webhook}") String telegramWebhook)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/forgot-password", "/reset-password", "/set-password", "/css/**", "/js/**",
                                "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", telegramWebhook).permitAll()
                        .requestMatchers(HttpMethod.GET, "/logout").permitAll()
                        .requestMatchers("/login/totp").hasAuthority(TOTP_PENDING)
                        .requestMatchers("/profile/totp", "/profile/totp/**").hasAnyAuthority("ROLE_ADMIN", "ROLE_AGENT", TOTP_SETUP)
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/agent/**").hasRole("AGENT")
                        .anyRequest().hasAnyRole("ADMIN", "AGENT"))
                .formLogin(form -> form.loginPage("/login").usernameParameter("email").passwordParameter("password")
                        .successHandler(signIn).failureHandler(signIn).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(telegramWebhook))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
                                + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    UserDetailsService panelUsers(StaffAccounts accounts) {
        return email -> accounts.forLogin(email).map(PanelUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @Bean
    PasswordEncoder passwordEncoder(StaffAccounts accounts) {
        return accounts.passwordEncoder();
    }
}
