package com.careregistry.web;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** What an authenticator app shows for a secret, computed independently of the service. */
public final class TotpCodes {

    private TotpCodes() {
    }

    public static String at(String secret, Instant at) throws Exception {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
        return "%06d".formatted(totp.generateOneTimePassword(new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm()), at));
    }

    public static String now(String secret) throws Exception {
        return at(secret, Instant.now());
    }
}
