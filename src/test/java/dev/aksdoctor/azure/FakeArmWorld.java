package dev.aksdoctor.azure;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake ARM for one test class, the gateway that reads it, and a fresh {@link ArmWorld} before each test:
 * {@code @RegisterExtension static final FakeArmWorld WORLD = new FakeArmWorld();}. The fake starts with the class
 * (so static fields may take {@link #arm()} and {@link #gateway()}) and stops after its last test.
 */
public final class FakeArmWorld implements BeforeEachCallback, AfterAllCallback {

    private final FakeArm arm = FakeArm.start();
    private final AzureArmGateway gateway = FakeArmGateways.gateway(arm);

    public FakeArm arm() {
        return arm;
    }

    public AzureArmGateway gateway() {
        return gateway;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        arm.reset();
        new ArmWorld().install(arm);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        arm.close();
    }
}
