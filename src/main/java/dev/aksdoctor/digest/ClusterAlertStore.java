package dev.aksdoctor.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The clusters that opted in to alerts, and the last state each was seen in. */
@ApplicationScoped
public class ClusterAlertStore {

    /** One opted-in cluster of one channel, with the state the last check saw. */
    public record Watch(long id, String channel, String clusterId, String lastState) {
    }

    private final Clock clock;

    public ClusterAlertStore(Clock clock) {
        this.clock = clock;
    }

    /** Watches the cluster if needed and turns its alerts on or off; the last state starts unknown. */
    @Transactional
    public void setAlerts(String channel, String clusterId, String user, boolean on) {
        String id = clusterId.toLowerCase(Locale.ROOT);
        WatchedCluster w = WatchedCluster.<WatchedCluster>find("channel = ?1 and clusterId = ?2", channel, id)
                .firstResult();
        if (w == null) {
            if (!on) {
                return;
            }
            w = new WatchedCluster();
            w.channel = channel;
            w.clusterId = id;
            w.addedBy = user;
            w.addedAt = clock.instant();
            w.persist();
        }
        w.alerts = on;
        w.lastState = null;
    }

    @Transactional
    public List<Watch> alerting() {
        return WatchedCluster.<WatchedCluster>list("alerts = true order by id").stream()
                .map(w -> new Watch(w.id, w.channel, w.clusterId, w.lastState)).toList();
    }

    /**
     * Records the new state if the row still holds {@code previous}: true for exactly one caller, so two
     * replicas checking at once never both alert.
     */
    @Transactional
    public boolean claimState(long id, String previous, String current) {
        return previous == null
                ? WatchedCluster.update("lastState = ?1 where id = ?2 and lastState is null", current, id) == 1
                : WatchedCluster.update("lastState = ?1 where id = ?2 and lastState = ?3", current, id, previous) == 1;
    }
}
