package dev.aksdoctor.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Alerts between digests for watched clusters that opted in ({@code /aks-doctor alerts on <cluster>}). */
@ConfigMapping(prefix = "aks-doctor.alerts")
public interface AlertSettings {

    /** Minutes between two looks at the opted-in clusters (one cluster list per subscription); 0 turns alerts off. */
    @WithDefault("5")
    int everyMinutes();
}
