package dev.aksdoctor.investigation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the investigation queue. Concurrency is {@code aks-doctor.jobs.threads}. */
@ConfigMapping(prefix = "aks-doctor.investigations")
public interface InvestigationSettings {

    /** A running investigation with no progress for this long is given up, with a notice in its thread. */
    @WithDefault("5m")
    Duration timeout();

    /** A queued investigation that has not started after this long is given up the same way. */
    @WithDefault("30m")
    Duration queuedTimeout();

    /** Investigations one user may start per minute; past it they are refused politely until the minute passes. */
    @WithDefault("6")
    int perUserPerMinute();

    /** Investigations one channel may start per minute. */
    @WithDefault("20")
    int perChannelPerMinute();

    /**
     * Whether the paste path's own code runs once on a sample paste right after start, storing and posting nothing,
     * so the first real paste does not pay for its first use (see {@code answer.PasteWarmUp}).
     */
    @WithDefault("true")
    boolean warmUp();

    /**
     * How long the (redacted) paste of a finished investigation is kept. The findings, the thread and the
     * error code stay; re-running an investigation older than this runs against its cluster only.
     */
    @WithDefault("3d")
    Duration pasteRetention();

    /** When old pastes are removed (a Quarkus cron; {@code off} disables it, as in tests). */
    @WithDefault("0 7 * * * ?")
    String pasteRetentionCron();

    /** How often stuck investigations are looked for (a Quartz cron, so one replica at a time does it). */
    @WithDefault("0/30 * * * * ?")
    String sweepCron();
}
