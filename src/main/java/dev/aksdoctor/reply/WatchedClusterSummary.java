package dev.aksdoctor.reply;

import java.time.Instant;
import java.util.Objects;

/**
 * One cluster a channel watches, as App Home shows it.
 *
 * @param displayName    {@code rg/name}
 * @param channel        the channel whose digest covers it
 * @param healthy        whether the last digest found it healthy; null before the first digest
 * @param state          one line, e.g. "Succeeded · Running" or the first reason it is unhealthy
 * @param lastDigestAt   when the last digest was posted, or null
 */
public record WatchedClusterSummary(String displayName, String channel, Boolean healthy, String state, Instant lastDigestAt) {
    public WatchedClusterSummary {
        Objects.requireNonNull(displayName, "displayName");
    }
}
