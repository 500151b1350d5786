package com.careregistry.web.security;

import com.careregistry.core.account.StaffAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open what: admins the admin pages, agents their desk; form login with a new session
 * on sign-in, throttled per email and address ({@link PanelAuthentication}), CSRF on every form,
 * strict security headers. A second step (an authenticator app's code) when the account has it on.
 * A session whose account changed since it signed in ends at its next request ({@link SessionStamps}).
 */
@Configuration(proxyBeanMethods = false)
class PanelSecurity {

    static final String TOTP_PENDING = "TOTP_PENDING";
    static final String TOTP_SETUP = "TOTP_SETUP";

    @Bean
    SecurityFilterChain panel(HttpSecurity http, SignInFlow signIn, PanelAuthentication passwords, StaffAccounts accounts,
                              @Value("${careregistry.telegram.webhook-path:/telegram/webhook}") String telegramWebhook)
            throws Exception {
        http.authenticationManager(signInManager(passwords))
                .addFilterAfter(new SessionStamps(accounts), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/forgot-password", "/reset-password", "/set-password", "/css/**", "/js/**", "/favicon.svg",
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

    /**
     * The one way to sign in, with no fallback: a refusal is not handed on to another manager, which
     * would count the attempt and wait a second time.
     */
    private static AuthenticationManager signInManager(PanelAuthentication passwords) {
        return new ProviderManager(passwords);
    }
}
