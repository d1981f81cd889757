package dev.aksdoctor.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One reason a cluster is not healthy. The fingerprint (cluster + code + evidence) is stable across digests,
 * so a problem already reported is "still", not reported again as new.
 *
 * @param evidence what identifies this occurrence (a pool name, an instance, a correlation id)
 * @param failing true when it makes the cluster failed rather than degraded
 */
public record DigestFinding(String clusterId, String code, String evidence, String text, boolean failing) {

    public DigestFinding {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(code, "code");
        evidence = evidence == null ? "" : evidence;
        Objects.requireNonNull(text, "text");
    }

    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((clusterId.toLowerCase(Locale.ROOT) + "\n" + code
                    + "\n" + evidence.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
