package dev.aksdoctor.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Slack's v0 request signature over the raw body bytes.
 *
 * <p>Bolt's own verifier hashes {@code String.getBytes()} in the platform charset and accepts timestamps
 * from the future, so non-ASCII payloads can fail on some hosts and a replayed request with a future
 * timestamp would pass. This one hashes the exact bytes received, refuses drift in both directions and
 * compares in constant time.
 */
public final class SlackRequestVerifier {

    public enum Result {
        VALID,
        MISSING_HEADERS,
        STALE_TIMESTAMP,
        BAD_SIGNATURE
    }

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

    private final byte[] signingSecret;
    private final Duration tolerance;

    public SlackRequestVerifier(String signingSecret, Duration tolerance) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("signing secret is required");
        }
        this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    public Result verify(String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (timestampHeader == null || signatureHeader == null || !TIMESTAMP.matcher(timestampHeader).matches()) {
            return Result.MISSING_HEADERS;
        }
        long timestamp = Long.parseLong(timestampHeader);
        long drift = Math.abs(now.getEpochSecond() - timestamp);
        if (drift > tolerance.toSeconds()) {
            return Result.STALE_TIMESTAMP;
        }
        byte[] expected = ("v0=" + sign(timestampHeader, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signatureHeader.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Result.VALID : Result.BAD_SIGNATURE;
    }

    /** Hex HMAC-SHA256 of {@code v0:<timestamp>:<body>}. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
