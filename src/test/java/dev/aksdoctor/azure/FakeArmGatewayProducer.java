package dev.aksdoctor.azure;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * In {@code @QuarkusTest}s with {@link FakeArmResource}: the production gateway and credential chain,
 * with only the HTTP client at the bottom of the pipeline redirected to the fake ARM.
 */
@ApplicationScoped
public class FakeArmGatewayProducer {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    ArmGateway gateway(AzureConfig config) {
        FakeArm arm = FakeArmResource.current;
        if (arm == null) {
            // A test without the fake ARM: Azure is off in the test profile, and nothing may leave the machine.
            return new AzureArmGateway(config, () -> {
                throw new IllegalStateException("this test has no fake ARM: add @WithTestResource(FakeArmResource.class)");
            }, FakeArmGateways.credentialSettings(), Clock.systemUTC());
        }
        return new AzureArmGateway(config, () -> FakeArmGateways.httpClient(arm), FakeArmGateways.credentialSettings(),
                Clock.systemUTC());
    }
}
