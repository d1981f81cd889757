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
            throw new IllegalStateException("FakeArmGatewayProducer needs @QuarkusTestResource(FakeArmResource.class)");
        }
        return new AzureArmGateway(config, () -> FakeArmGateways.httpClient(arm), FakeArmGateways.credentialSettings(),
                Clock.systemUTC());
    }
}
