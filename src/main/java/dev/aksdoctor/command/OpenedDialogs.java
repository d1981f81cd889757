package dev.aksdoctor.command;

import dev.aksdoctor.slack.SlackDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The write dialogs this service showed, and to whom. A submitted dialog is acted on only when the service showed
 * that exact pending action to that same user (within a day): a submission carrying a pending action the service
 * never showed, or submitted by someone else, changes nothing. Shared by every replica through the database.
 */
@ApplicationScoped
public class OpenedDialogs {

    private final SlackDeliveries deliveries;

    public OpenedDialogs(SlackDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Records that {@code user} is being shown a dialog whose private_metadata is {@code metadata}. */
    public String shown(String user, String metadata) {
        deliveries.firstTime(key(user, metadata));
        return metadata;
    }

    public boolean shownTo(String user, String metadata) {
        return user != null && metadata != null && deliveries.seen(key(user, metadata));
    }

    private static String key(String user, String metadata) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((user + "\n" + metadata).getBytes(StandardCharsets.UTF_8));
            return "dialog:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
