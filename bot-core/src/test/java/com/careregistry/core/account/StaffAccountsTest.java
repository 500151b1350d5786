package com.careregistry.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.outbox.OutboxMessage;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A1, A4, M1, M5, NFR-5: sign-in accounts, throttled attempts, session stamps, reset and invitation links, two-step sign-in. */
class StaffAccountsTest extends CoreTest {

    @Autowired
    StaffAccounts accounts;
    @Autowired
    Passwords passwords;
    @Autowired
    TwoStepSignIn twoStep;

    @Test
    void aNewAgentIsInvitedAndSetsTheirPasswordOnceThroughTheLink() {
        AgentView maria = agent("Maria");
        assertThat(accounts.forLogin("maria@example.com")).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.AGENT);
            assertThat(a.enabled()).as("no password yet").isFalse();
        });
        String token = linkToken(lastEmailTo("maria@example.com"), "/set-password?token=");

        assertThatThrownBy(() -> passwords.setPasswordWithToken(token, "short")).hasMessageContaining("account.password.too-short");
        passwords.setPasswordWithToken(token, "a good long password");
        LoginAccount login = accounts.forLogin("MARIA@example.com").orElseThrow();
        assertThat(login.enabled()).isTrue();
        assertThat(login.agentId()).isEqualTo(maria.id());
        assertThat(passwords.encoder().matches("a good long password", login.passwordHash())).isTrue();
        assertThatThrownBy(() -> passwords.setPasswordWithToken(token, "another long password"))
                .hasMessageContaining("account.link.invalid");
    }

    @Test
    void aResetLinkWorksOnceAndOnlyForThirtyMinutes() {
        accounts.createAdmin("boss@example.com", "first long password");
        passwords.startPasswordReset("nobody@example.com", "en");
        assertThat(outbox()).isEmpty();

        passwords.startPasswordReset("boss@example.com", "en");
        String stale = linkToken(lastEmailTo("boss@example.com"), "/reset-password?token=");
        clock.advance(Duration.ofMinutes(30));
        assertThat(passwords.tokenUsable(stale)).isFalse();
        assertThatThrownBy(() -> passwords.setPasswordWithToken(stale, "second long password"))
                .hasMessageContaining("account.link.invalid");

        passwords.startPasswordReset("boss@example.com", "en");
        String fresh = linkToken(lastEmailTo("boss@example.com"), "/reset-password?token=");
        passwords.setPasswordWithToken(fresh, "second long password");
        assertThat(passwords.encoder().matches("second long password",
                accounts.forLogin("boss@example.com").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void triesWithOneEmailAreSlowedThenThrottledAndTheResetLinkStillWorksAndLiftsIt() {
        accounts.createAdmin("boss@example.com", "first long password");
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SignInAttempt wrong = accounts.checkPassword("boss@example.com", "wrong password", "10.0.0." + i);
            assertThat(wrong.account()).isEmpty();
            waits.add(wrong.waitBeforeAnswer());
        }
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3));
        SignInAttempt owner = accounts.checkPassword("Boss@Example.com", "first long password", "192.168.1.7");
        assertThat(owner.account()).as("throttled: refused whatever the password, from any address").isEmpty();
        assertThat(owner.waitBeforeAnswer()).isEqualTo(Duration.ofSeconds(3));

        passwords.startPasswordReset("boss@example.com", "en");
        String token = linkToken(lastEmailTo("boss@example.com"), "/reset-password?token=");
        assertThat(passwords.tokenUsable(token)).as("the reset link works while the email is throttled").isTrue();
        passwords.setPasswordWithToken(token, "second long password");
        SignInAttempt afterReset = accounts.checkPassword("boss@example.com", "second long password", "192.168.1.7");
        assertThat(afterReset.account()).as("the reset lifted the throttle").isPresent();
        assertThat(afterReset.waitBeforeAnswer()).isZero();
    }

    @Test
    void aThrottledEmailIsFreeAgainOnceQuietForFifteenMinutesAndASignInStartsItsCountAgain() {
        accounts.createAdmin("boss@example.com", "first long password");
        for (int i = 0; i < 5; i++) {
            accounts.checkPassword("boss@example.com", "wrong password", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(accounts.checkPassword("boss@example.com", "first long password", "10.0.0.2").account()).isEmpty();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        SignInAttempt later = accounts.checkPassword("boss@example.com", "first long password", "10.0.0.2");
        assertThat(later.account()).isPresent();
        assertThat(later.waitBeforeAnswer()).isZero();
        accounts.signedIn(later.account().orElseThrow().id());

        accounts.checkPassword("boss@example.com", "wrong password", "10.0.0.1");
        accounts.checkPassword("boss@example.com", "wrong password", "10.0.0.1");
        assertThat(accounts.checkPassword("boss@example.com", "wrong password", "10.0.0.1").waitBeforeAnswer())
                .isEqualTo(Duration.ofSeconds(1));
        accounts.signedIn(later.account().orElseThrow().id());
        assertThat(accounts.checkPassword("boss@example.com", "wrong password", "10.0.0.1").waitBeforeAnswer())
                .as("a complete sign-in starts the email's count again").isZero();
    }

    @Test
    void anUnknownEmailIsCountedAndSlowedExactlyLikeAKnownOne() {
        accounts.createAdmin("boss@example.com", "first long password");
        for (int i = 0; i < 7; i++) {
            SignInAttempt known = accounts.checkPassword("boss@example.com", "wrong password", "10.0.0.1");
            SignInAttempt unknown = accounts.checkPassword("ghost@example.com", "wrong password", "10.0.0.2");
            assertThat(unknown).isEqualTo(known);
        }
    }

    @Test
    void oneAddressTryingManyEmailsIsThrottledWhileOthersSignIn() {
        accounts.createAdmin("boss@example.com", "first long password");
        SignInAttempt last = null;
        for (int i = 0; i < 50; i++) {
            last = accounts.checkPassword("guess" + i + "@example.com", "wrong password", "10.6.6.6");
        }
        assertThat(last.waitBeforeAnswer()).as("the last tries before the throttle are slowed").isEqualTo(Duration.ofSeconds(3));
        assertThat(accounts.checkPassword("boss@example.com", "first long password", "10.6.6.6").account()).isEmpty();
        assertThat(accounts.checkPassword("boss@example.com", "first long password", "10.0.0.1").account()).isPresent();
    }

    @Test
    void rightPasswordsFromOneSharedAddressNeverThrottleIt() {
        accounts.createAdmin("boss@example.com", "first long password");
        for (int i = 0; i < 55; i++) {
            SignInAttempt attempt = accounts.checkPassword("boss@example.com", "first long password", "10.0.0.1");
            assertThat(attempt.account()).as("sign-in " + i).isPresent();
            assertThat(attempt.waitBeforeAnswer()).isZero();
            accounts.signedIn(attempt.account().get().id());
        }
    }

    @Test
    void noPasswordSomeoneWithoutOneOrADeactivatedAgentSignsIn() {
        AgentView maria = agent("Maria");
        assertThat(accounts.checkPassword("maria@example.com", "", "10.0.0.1").account()).as("invited, no password yet").isEmpty();
        passwords.setPasswordWithToken(linkToken(lastEmailTo("maria@example.com"), "/set-password?token="), "a good long password");
        assertThat(accounts.checkPassword("maria@example.com", "a good long password", "10.0.0.1").account()).isPresent();
        assertThat(accounts.checkPassword("maria@example.com", "ä".repeat(40), "10.0.0.1").account())
                .as("longer than BCrypt reads: refused, not a failure").isEmpty();
        manageAgents.deactivate(maria.id());
        assertThat(accounts.checkPassword("maria@example.com", "a good long password", "10.0.0.1").account()).isEmpty();
    }

    @Test
    void theSessionStampMovesOnForDeactivationANewPasswordAndTwoStepSignIn() throws Exception {
        AgentView maria = agent("Maria");
        passwords.setPasswordWithToken(linkToken(lastEmailTo("maria@example.com"), "/set-password?token="), "a good long password");
        Long id = accounts.forLogin("maria@example.com").orElseThrow().id();
        long stamp = accounts.sessionStamp(id).orElseThrow();

        accounts.signedIn(id);
        twoStep.beginTotp(id);
        assertThat(accounts.sessionStamp(id)).as("signing in or starting the app changes nothing").contains(stamp);
        String secret = twoStep.beginTotp(id);
        twoStep.confirmTotp(id, code(secret, clock.instant()));
        assertThat(accounts.sessionStamp(id).orElseThrow()).isGreaterThan(stamp);

        stamp = accounts.sessionStamp(id).orElseThrow();
        passwords.changePassword(id, "a good long password", "another long password");
        assertThat(accounts.sessionStamp(id).orElseThrow()).isGreaterThan(stamp);

        stamp = accounts.sessionStamp(id).orElseThrow();
        manageAgents.deactivate(maria.id());
        assertThat(accounts.sessionStamp(id).orElseThrow()).isGreaterThan(stamp);
        assertThat(accounts.forLogin("maria@example.com").orElseThrow().sessionStamp()).isEqualTo(accounts.sessionStamp(id).get());
    }

    @Test
    void twoStepSignInWithAnAuthenticatorApp() throws Exception {
        Long id = accounts.createAdmin("boss@example.com", "first long password").id();
        String secret = twoStep.beginTotp(id);
        assertThat(twoStep.totpUri(id)).startsWith("otpauth://totp/").contains("secret=" + secret);
        assertThatThrownBy(() -> twoStep.confirmTotp(id, "000000".equals(code(secret, clock.instant())) ? "111111" : "000000"))
                .hasMessageContaining("account.totp.wrong");
        assertThat(twoStep.verifyTotp(id, code(secret, clock.instant()))).as("not on before confirmed").isFalse();

        twoStep.confirmTotp(id, code(secret, clock.instant()));
        assertThat(accounts.forLogin("boss@example.com").orElseThrow().totpEnabled()).isTrue();
        assertThat(twoStep.verifyTotp(id, code(secret, clock.instant()))).as("the confirming code is used up").isFalse();

        clock.advance(Duration.ofSeconds(60));
        assertThat(twoStep.verifyTotp(id, code(secret, clock.instant().minusSeconds(30)))).as("the step before").isTrue();
        assertThat(twoStep.verifyTotp(id, code(secret, clock.instant().minusSeconds(30)))).as("a code is good once").isFalse();
        assertThat(twoStep.verifyTotp(id, code(secret, clock.instant()))).as("a later step").isTrue();
        assertThat(twoStep.verifyTotp(id, code(secret, clock.instant()))).as("replayed").isFalse();
        assertThat(twoStep.verifyTotp(id, code(secret, clock.instant().minusSeconds(300)))).isFalse();
        assertThat(twoStep.verifyTotp(id, "12345")).isFalse();
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
