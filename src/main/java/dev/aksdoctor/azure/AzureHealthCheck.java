package dev.aksdoctor.azure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Azure access as data, always UP: readiness depends on the database only, and a missing Azure
 * credential must not take the Slack bot out of service (it answers with what to configure instead).
 */
@Readiness
@ApplicationScoped
public class AzureHealthCheck implements HealthCheck {

    private final ArmGateway gateway;
    private final AzureConfig config;

    @Inject
    public AzureHealthCheck(ArmGateway gateway, AzureConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        // A readiness probe must not wait for a token: report what is known and check in the background, and
        // with no credential configured call nothing at all (no instance metadata probe from a laptop).
        AzureAccess access = gateway.knownAccess().orElseGet(() -> {
            if (!config.enabled()) {
                return gateway.access();
            }
            if (gateway.configuredCredential().isEmpty()) {
                return new AzureAccess(false, "no credential configured; the credential chain (managed identity, "
                        + "Azure CLI …) is tried on the first investigation");
            }
            CompletableFuture.runAsync(gateway::access);
            return new AzureAccess(false, "checking the Azure credential…");
        });
        return HealthCheckResponse.named("azure").up()
                .withData("cloud", config.cloud().name())
                .withData("azure", access.detail())
                .withData("configured", access.configured())
                .build();
    }
}
