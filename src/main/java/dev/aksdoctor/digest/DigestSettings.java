package dev.aksdoctor.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    /** Watched clusters per channel. */
    @WithDefault("2000")
    int maxWatched();
}
