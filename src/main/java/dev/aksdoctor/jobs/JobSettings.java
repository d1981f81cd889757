package dev.aksdoctor.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The durable job scheduler (Quartz JDBC store in the application's database, clustered), shared by
 * investigations and digests.
 */
@ConfigMapping(prefix = "aks-doctor.jobs")
public interface JobSettings {

    /** Jobs run at most this many at a time per replica: the bound that keeps ARM and Slack under their limits. */
    @WithDefault("4")
    int threads();

    /** How often an idle replica looks for jobs queued by another replica (Quartz refuses less than 1 s). */
    @WithDefault("2s")
    Duration pollInterval();

    /** A replica that has not checked in for about this long is presumed dead and its running jobs are re-run. */
    @WithDefault("7500ms")
    Duration clusterCheckinInterval();

    /** Quartz instance id; AUTO gives each process its own. */
    @WithDefault("AUTO")
    String instanceId();

    /**
     * How long a stopping replica waits for the jobs it is running (a sweep, a digest, most investigations) before
     * it stops anyway; a job still running then is re-run elsewhere, as after a crash.
     */
    @WithDefault("5s")
    Duration shutdownGrace();

    /** Off: nothing runs (queued jobs stay in the database until a replica with jobs on starts). */
    @WithDefault("true")
    boolean enabled();
}
