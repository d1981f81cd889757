package dev.aksdoctor.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs request bodies with Slack's real v0 scheme, independently of the production verifier. */
public record SlackSigner(String signingSecret) {

    public record Signed(String timestamp, String signature) {
    }

    public Signed sign(String body, Instant at) {
        String ts = Long.toString(at.getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8));
            return new Signed(ts, "v0=" + HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Signed signNow(String body) {
        return sign(body, Instant.now());
    }
}
