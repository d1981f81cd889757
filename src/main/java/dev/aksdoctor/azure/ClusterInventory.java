package dev.aksdoctor.azure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The clusters the identity can see in {@code AKS_DOCTOR_AZURE_SUBSCRIPTIONS} (else in every visible
 * subscription), kept for {@code aks-doctor.azure.inventory-ttl} so that locating a cluster from an FQDN
 * does not list every subscription on each paste.
 */
@ApplicationScoped
public class ClusterInventory {

    private record Snapshot(List<ClusterSummary> clusters, Instant takenAt) {
    }

    private final ArmGateway gateway;
    private final AzureConfig config;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Inject
    public ClusterInventory(ArmGateway gateway, AzureConfig config, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Throws {@link ArmException} when a subscription cannot be listed. */
    public List<ClusterSummary> clusters() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && now.isBefore(s.takenAt().plus(config.inventoryTtl()))) {
            return s.clusters();
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && now.isBefore(s.takenAt().plus(config.inventoryTtl()))) {
                return s.clusters();
            }
            List<String> subscriptions = config.subscriptions().filter(l -> !l.isEmpty())
                    .orElseGet(gateway::subscriptions);
            List<ClusterSummary> all = new ArrayList<>();
            for (String sub : subscriptions) {
                all.addAll(gateway.clusters(sub.trim()));
            }
            snapshot = new Snapshot(List.copyOf(all), now);
            return snapshot.clusters();
        }
    }

    /** The next lookup reads ARM again (a cluster created since, or a test that needs a cold list). */
    public void forget() {
        snapshot = null;
    }

    public List<String> searchedSubscriptions() {
        return config.subscriptions().filter(l -> !l.isEmpty()).orElse(List.of());
    }
}
