package dev.aksdoctor.digest;

import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ClusterAlertRenderer;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Looks at every opted-in cluster, one ARM cluster list per subscription however many clusters or channels,
 * and posts one alert in the channel when a cluster has turned Failed or Stopped since the last look.
 */
@ApplicationScoped
public class CheckClusterStates {

    private static final Logger LOG = Logger.getLogger(CheckClusterStates.class);

    private final ClusterAlertStore store;
    private final ArmGateway arm;
    private final SlackGateway slack;
    private final ChannelScopes scopes;

    public CheckClusterStates(ClusterAlertStore store, ArmGateway arm, SlackGateway slack, ChannelScopes scopes) {
        this.scopes = scopes;
        this.store = store;
        this.arm = arm;
        this.slack = slack;
    }

    /** Returns the number of alerts posted. */
    public int run() {
        Map<String, List<ClusterAlertStore.Watch>> bySubscription = new LinkedHashMap<>();
        for (ClusterAlertStore.Watch w : store.alerting()) {
            Optional<ClusterRef> ref = ClusterRef.findResourceId(w.clusterId());
            // An alert outside the channel's access limit is never read nor posted.
            ref.filter(r -> scopes.permits(w.channel(), r)).ifPresent(r -> bySubscription.computeIfAbsent(r.subscriptionId().toLowerCase(Locale.ROOT),
                    s -> new ArrayList<>()).add(w));
        }
        int posted = 0;
        for (Map.Entry<String, List<ClusterAlertStore.Watch>> e : bySubscription.entrySet()) {
            Map<String, ClusterFacts> clusters;
            try {
                clusters = arm.clusterFacts(e.getKey()).stream().collect(Collectors.toMap(
                        c -> c.id().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
            } catch (RuntimeException ex) {
                // No state is recorded, so the next look compares with the last state actually seen.
                LOG.warnf("Cluster alerts: subscription %s not readable: %s", e.getKey(), ex.getMessage());
                continue;
            }
            for (ClusterAlertStore.Watch w : e.getValue()) {
                ClusterFacts cluster = clusters.get(w.clusterId().toLowerCase(Locale.ROOT));
                if (cluster != null && check(w, cluster)) {
                    posted++;
                }
            }
        }
        return posted;
    }

    private boolean check(ClusterAlertStore.Watch w, ClusterFacts cluster) {
        String state = ClusterAlertState.of(cluster);
        if (state.equals(w.lastState()) || !store.claimState(w.id(), w.lastState(), state)) {
            return false;
        }
        if (!ClusterAlertState.alerts(w.lastState(), state)) {
            return false;
        }
        try {
            slack.postMessage(w.channel(), null, ClusterAlertRenderer.text(cluster, state),
                    ClusterAlertRenderer.blocks(cluster, state));
            return true;
        } catch (RuntimeException ex) {
            LOG.warnf("Cluster alert for %s in %s not posted: %s", cluster.ref().displayName(), w.channel(), ex.getMessage());
            return false;
        }
    }
}
