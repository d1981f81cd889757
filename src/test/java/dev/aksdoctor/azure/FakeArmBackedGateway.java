package dev.aksdoctor.azure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

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
        this(TestAzureConfig.fake().withReadTimeout(ConfigProvider.getConfig()
                .getOptionalValue("aks-doctor.azure.read-timeout", Duration.class).orElse(Duration.ofSeconds(60))));
    }

    /** With the profile's ARM read timeout, as production would have it (FaultInjectionTest hangs a call). */
    private FakeArmBackedGateway(TestAzureConfig config) {
        super(config, () -> FakeArmGateways.httpClient(ARM, config.readTimeout()), FakeArmGateways.credentialSettings(),
                Clock.systemUTC());
    }
}
