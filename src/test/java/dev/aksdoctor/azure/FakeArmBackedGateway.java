package dev.aksdoctor.azure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;

/**
 * The production {@link AzureArmGateway} wired to one shared {@link FakeArm}, for @QuarkusTests. Not active
 * by default: a test profile enables it with {@code getEnabledAlternatives()} (see
 * {@code dev.aksdoctor.command.SlackFlowProfile}).
 */
@Alternative
@ApplicationScoped
public class FakeArmBackedGateway extends AzureArmGateway {

    public static final FakeArm ARM = FakeArm.start();

    public FakeArmBackedGateway() {
        super(TestAzureConfig.fake(), () -> FakeArmGateways.httpClient(ARM), FakeArmGateways.credentialSettings(),
                Clock.systemUTC());
    }
}
