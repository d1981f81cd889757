package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A diagnosis never writes: ARM's "not registered" answer is reported, never acted on by the SDK. */
class ArmGatewayReadOnlyTest {

    static final String NOT_REGISTERED = FakeArm.error("MissingSubscriptionRegistration",
            "The subscription is not registered to use namespace 'Microsoft.ContainerService'. See "
                    + "https://aka.ms/rps-not-found for how to register subscriptions.");

    @RegisterExtension
    static final FakeArmWorld WORLD = new FakeArmWorld();
    static final FakeArm arm = WORLD.arm();
    static final AzureArmGateway gateway = WORLD.gateway();

    @Test
    void cluster_missingSubscriptionRegistration_noWriteAndSaysWhichProvider() {
        arm.respond("GET", ArmWorld.CLUSTER_ID, 409, NOT_REGISTERED, Map.of());
        // What the SDK's ProviderRegistrationPolicy would call: registered on the spot, so a retry would succeed.
        arm.respond("POST", ArmWorld.SUB_PATH + "/providers/Microsoft.ContainerService/register", 200,
                "{\"namespace\":\"Microsoft.ContainerService\",\"registrationState\":\"Registered\"}", Map.of());
        arm.json("GET", ArmWorld.SUB_PATH + "/providers/Microsoft.ContainerService",
                "{\"namespace\":\"Microsoft.ContainerService\",\"registrationState\":\"Registered\"}");

        ArmException e = assertThrows(ArmException.class,
                () -> gateway.cluster(new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME)));

        List<FakeArm.Recorded> writes = arm.armRequests().stream().filter(r -> !r.method().equals("GET")).toList();
        assertEquals(List.of(), writes, "a diagnosis must not write to ARM");
        assertEquals(1, arm.count("GET", ArmWorld.CLUSTER_ID));
        assertEquals(ArmException.Kind.NOT_REGISTERED, e.kind());
        assertEquals("MissingSubscriptionRegistration", e.errorCode().orElseThrow());
        assertEquals("Microsoft.ContainerService", e.resourceProvider().orElseThrow());
        assertTrue(e.getMessage().contains("not registered for Microsoft.ContainerService"), e.getMessage());
    }
}
