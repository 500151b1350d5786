package com.careregistry.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.Agent;
import com.careregistry.core.outbox.OutboxMessage;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A1, A4, M1, M5, NFR-5: sign-in accounts, lockout, reset and invitation links, two-step sign-in. */
class StaffAccountsTest extends CoreTest {

    @Autowired
    StaffAccounts accounts;

    @Test
    void aNewAgentIsInvitedAndSetsTheirPasswordOnceThroughTheLink() {
        Agent maria = agent("Maria");
        assertThat(accounts.forLogin("maria@example.com")).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.AGENT);
            assertThat(a.enabled()).as("no password yet").isFalse();
        });
        String token = linkToken(lastEmailTo("maria@example.com"), "/set-password?token=");

        assertThatThrownBy(() -> accounts.setPasswordWithToken(token, "short")).hasMessageContaining("account.password.too-short");
        accounts.setPasswordWithToken(token, "a good long password");
        LoginAccount login = accounts.forLogin("MARIA@example.com").orElseThrow();
        assertThat(login.enabled()).isTrue();
        assertThat(login.agentId()).isEqualTo(maria.id());
        assertThat(accounts.passwordEncoder().matches("a good long password", login.passwordHash())).isTrue();
        assertThatThrownBy(() -> accounts.setPasswordWithToken(token, "another long password"))
                .hasMessageContaining("account.link.invalid");
    }

    @Test
    void aResetLinkWorksOnceAndOnlyForThirtyMinutes() {
        accounts.createAdmin("boss@example.com", "first long password");
        accounts.startPasswordReset("nobody@example.com", "en");
        assertThat(outbox()).isEmpty();

        accounts.startPasswordReset("boss@example.com", "en");
        String stale = linkToken(lastEmailTo("boss@example.com"), "/reset-password?token=");
        clock.advance(Duration.ofMinutes(30));
        assertThat(accounts.tokenUsable(stale)).isFalse();
        assertThatThrownBy(() -> accounts.setPasswordWithToken(stale, "second long password"))
                .hasMessageContaining("account.link.invalid");

        accounts.startPasswordReset("boss@example.com", "en");
        String fresh = linkToken(lastEmailTo("boss@example.com"), "/reset-password?token=");
        accounts.setPasswordWithToken(fresh, "second long password");
        assertThat(accounts.passwordEncoder().matches("second long password",
                accounts.forLogin("boss@example.com").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() {
        accounts.createAdmin("boss@example.com", "first long password");
        for (int i = 0; i < 4; i++) {
            accounts.failedSignIn("boss@example.com");
        }
        assertThat(accounts.forLogin("boss@example.com").orElseThrow().locked()).isFalse();
        accounts.failedSignIn("boss@example.com");
        assertThat(accounts.forLogin("boss@example.com").orElseThrow().locked()).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(accounts.forLogin("boss@example.com").orElseThrow().locked()).isFalse();
        assertThat(accounts.failedSignIn("nobody@example.com")).isZero();
    }

    @Test
    void twoStepSignInWithAnAuthenticatorApp() throws Exception {
        Long id = accounts.createAdmin("boss@example.com", "first long password").id();
        String secret = accounts.beginTotp(id);
        assertThat(accounts.totpUri(id)).startsWith("otpauth://totp/").contains("secret=" + secret);
        assertThatThrownBy(() -> accounts.confirmTotp(id, "000000".equals(code(secret, clock.instant())) ? "111111" : "000000"))
                .hasMessageContaining("account.totp.wrong");
        assertThat(accounts.verifyTotp(id, code(secret, clock.instant()))).as("not on before confirmed").isFalse();

        accounts.confirmTotp(id, code(secret, clock.instant()));
        assertThat(accounts.forLogin("boss@example.com").orElseThrow().totpEnabled()).isTrue();
        assertThat(accounts.verifyTotp(id, code(secret, clock.instant()))).as("the confirming code is used up").isFalse();

        clock.advance(Duration.ofSeconds(60));
        assertThat(accounts.verifyTotp(id, code(secret, clock.instant().minusSeconds(30)))).as("the step before").isTrue();
        assertThat(accounts.verifyTotp(id, code(secret, clock.instant().minusSeconds(30)))).as("a code is good once").isFalse();
        assertThat(accounts.verifyTotp(id, code(secret, clock.instant()))).as("a later step").isTrue();
        assertThat(accounts.verifyTotp(id, code(secret, clock.instant()))).as("replayed").isFalse();
        assertThat(accounts.verifyTotp(id, code(secret, clock.instant().minusSeconds(300)))).isFalse();
        assertThat(accounts.verifyTotp(id, "12345")).isFalse();
    }

    /** What an authenticator app shows, computed independently of the service. */
    static String code(String secret, Instant at) throws Exception {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
        return "%06d".formatted(generator.generateOneTimePassword(
                new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm()), at));
    }

    private String lastEmailTo(String address) {
        return outbox().stream().filter(row -> address.equals(row.emailTo())).map(OutboxMessage::body)
                .reduce((first, second) -> second).orElseThrow();
    }

    private static String linkToken(String body, String path) {
        Matcher link = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as("a link in " + body).isTrue();
        return link.group(1);
    }
}
