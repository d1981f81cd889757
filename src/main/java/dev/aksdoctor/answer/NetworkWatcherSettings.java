package dev.aksdoctor.answer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The platform's verdict beside ours: Network Watcher asked after the offline answer is posted. */
@ConfigMapping(prefix = "aks-doctor.network-watcher")
public interface NetworkWatcherSettings {

    /** Off: the offline answer is final, Network Watcher is never called. */
    @WithDefault("true")
    boolean enabled();

    /** How long Network Watcher's long-running operations may take together; later answers are not waited for. */
    @WithDefault("60s")
    Duration timeout();
}
