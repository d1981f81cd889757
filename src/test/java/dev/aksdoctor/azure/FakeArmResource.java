package dev.aksdoctor.azure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeArm} for {@code @QuarkusTest}s and points the application at it:
 * {@code aks-doctor.azure.cloud=CUSTOM} with the fake's https host names, which
 * {@link FakeArmGatewayProducer} routes to the fake's port. The credential is the production
 * DefaultAzureCredential reading AZURE_CLIENT_ID/… from a private test environment (never JVM-wide
 * system properties, which would leak a credential into tests that expect none).
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(FakeArmResource.class)
 * class MyFlowTest {
 *     &#64;InjectFakeArm FakeArm arm;       // then new ArmWorld().install(arm), and assert on arm.requests()
 * }
 * </pre>
 */
public class FakeArmResource implements QuarkusTestResourceLifecycleManager {

    static volatile FakeArm current;
    private FakeArm arm;

    @Override
    public Map<String, String> start() {
        arm = FakeArm.start();
        current = arm;
        return Map.of(
                "aks-doctor.azure.enabled", "true",
                "aks-doctor.azure.cloud", "CUSTOM",
                "aks-doctor.azure.resource-manager-url", TestAzureConfig.ARM_URL,
                "aks-doctor.azure.authority-host", TestAzureConfig.AUTHORITY,
                "aks-doctor.azure.subscriptions", ArmWorld.SUB,
                "fake-arm.port", Integer.toString(arm.port()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(arm, new TestInjector.AnnotatedAndMatchesType(InjectFakeArm.class, FakeArm.class));
    }

    @Override
    public void stop() {
        if (arm != null) {
            arm.close();
        }
        current = null;
        for (String name : new String[] {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TOKEN_CREDENTIALS"}) {
            System.clearProperty(name);
        }
    }
}
