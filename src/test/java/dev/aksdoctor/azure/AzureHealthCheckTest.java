package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Issue 13: with no Azure settings, readiness builds no credential and calls nothing (no instance metadata probe). */
class AzureHealthCheckTest {

    @Test
    void readiness_noCredentialConfigured_callsNothingAndSaysWhen() {
        AzureArmGateway gateway = new AzureArmGateway(TestAzureConfig.fake(), () -> {
            throw new AssertionError("readiness must not build an HTTP client when no credential is configured");
        }, FakeArmGateways.environment(Map.of()), Clock.systemUTC());

        HealthCheckResponse response = new AzureHealthCheck(gateway, TestAzureConfig.fake()).call();

        Map<String, Object> data = response.getData().orElseThrow();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(false, data.get("configured"));
        assertTrue(data.get("azure").toString().contains("tried on the first investigation"), data.toString());
        assertTrue(gateway.knownAccess().isEmpty(), "no access check ran");
    }
}
