package dev.aksdoctor.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "aks-doctor.digest")
public interface DigestSettings {

    /** A channel's schedule until it sets one: weekdays at 09:00 (Quartz cron). */
    @WithDefault("0 0 9 ? * MON-FRI")
    String defaultCron();

    /** The time zone of a schedule set without one. */
    @WithDefault("UTC")
    String defaultTimeZone();

    /** How far back the first digest of a channel looks in the Activity Log. */
    @WithDefault("24h")
    Duration firstLookBack();

    /** ARM calls in flight at once while collecting a digest (the SDK honours Retry-After on throttling). */
    @WithDefault("8")
    int armConcurrency();

    /**
     * The shortest gap a channel's schedule may leave between two digests (each reads ARM for every watched
     * cluster). Set by the admin here; a channel cannot go below it.
     */
    @WithDefault("1h")
    Duration minInterval();

    /** Least time between two {@code digest now} in one channel. */
    @WithDefault("5m")
    Duration nowCooldown();

    /** Who may change a channel's digest schedule (Slack user ids); unset, anyone in the channel. */
    Optional<List<String>> scheduleEditors();

    /**
     * How long a digest waits for the AKS detectors of its clusters (channels that turned them on): a cluster whose
     * detectors have not answered by then is named as such, and the digest is posted without them.
     */
    @WithDefault("60s")
    Duration detectorsTimeout();

    /** Watched clusters per channel. */
    @WithDefault("2000")
    int maxWatched();
}
