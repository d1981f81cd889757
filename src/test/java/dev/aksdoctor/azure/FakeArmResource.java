package dev.aksdoctor.azure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeArm} for {@code @QuarkusTest}s and points the application at it:
 * {@code aks-doctor.azure.cloud=CUSTOM} with the fake's https host names, which
 * {@link FakeArmHttpClientProducer} routes to the fake's port. The credential is the production
 * DefaultAzureCredential reading AZURE_CLIENT_ID/… from system properties set here.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(FakeArmResource.class)
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
        System.setProperty("AZURE_TENANT_ID", FakeArmGateways.TENANT);
        System.setProperty("AZURE_CLIENT_ID", FakeArmGateways.CLIENT_ID);
        System.setProperty("AZURE_CLIENT_SECRET", "not-a-secret");
        System.setProperty("AZURE_TOKEN_CREDENTIALS", "prod");
        return Map.of(
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
    }
}
