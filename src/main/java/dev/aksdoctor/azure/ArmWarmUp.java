package dev.aksdoctor.azure;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Right after start, and only when the settings name a credential: gets the token, builds the HTTP client
 * and managers and lists the clusters, on a thread of its own so readiness and the first ack never wait.
 * An investigation arriving meanwhile needs the same things and waits for them (one token request, one
 * cluster list: {@link SharedTokenCredential}, the session's lazy holders, {@link ClusterInventory}'s lock).
 */
@ApplicationScoped
public class ArmWarmUp {

    private static final Logger LOG = Logger.getLogger(ArmWarmUp.class);

    private final ArmGateway gateway;
    private final ClusterInventory inventory;
    private final AzureConfig config;
    private volatile CompletableFuture<Void> warmed = CompletableFuture.completedFuture(null);

    @Inject
    public ArmWarmUp(ArmGateway gateway, ClusterInventory inventory, AzureConfig config) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.config = Objects.requireNonNull(config, "config");
    }

    void onStart(@Observes StartupEvent event) {
        if (config.warmUp()) {
            start();
        }
    }

    /** Starts warming when a credential is configured; the future completes when done, failed or not. */
    public CompletableFuture<Void> start() {
        Optional<String> credential = gateway.configuredCredential();
        if (credential.isEmpty()) {
            return warmed;
        }
        CompletableFuture<Void> run = new CompletableFuture<>();
        warmed = run;
        Thread thread = new Thread(() -> {
            try {
                warm(credential.get());
            } finally {
                run.complete(null);
            }
        }, "aks-doctor-arm-warm-up");
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    private void prepare(String subscriptionId) {
        try {
            gateway.prepare(subscriptionId);
        } catch (RuntimeException e) {
            LOG.debugf(e, "Azure clients for subscription %s not prepared; the first investigation builds them", subscriptionId);
        }
    }

    /** The current (or last) warm-up. */
    public CompletableFuture<Void> warmed() {
        return warmed;
    }

    private void warm(String credential) {
        long started = System.nanoTime();
        // The clients first: no call to Azure, and on a cold JVM most of the first investigation's class loading.
        config.subscriptions().ifPresent(subscriptions -> subscriptions.forEach(this::prepare));
        AzureAccess access = gateway.access();
        if (!access.configured()) {
            LOG.warnf("Azure: %s is configured but gives no token: %s", credential, access.detail());
            return;
        }
        try {
            int clusters = inventory.clusters().size();
            LOG.debugf("Azure session warm in %d ms (%s, %d clusters visible)",
                    (Object) ((System.nanoTime() - started) / 1_000_000), credential, clusters);
        } catch (ArmException e) {
            LOG.warnf("Azure: the cluster list could not be read at start (%s); investigations will retry it",
                    e.getMessage());
        }
    }
}
