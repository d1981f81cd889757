package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The subscription-wide verbs the digest uses, through the production pipeline against the fake ARM. */
class DigestVerbsTest {

    static FakeArm arm;

    @BeforeAll
    static void start() {
        arm = FakeArm.start();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    @Test
    void clusterFacts_oneListCall_givesStateAndPoolsOfEveryCluster() {
        ArmWorld world = new ArmWorld();
        world.clusterProperties().put("provisioningState", "Failed");
        world.pool().put("provisioningState", "Failed");
        world.install(arm);
        arm.clearRequests();

        List<ClusterFacts> clusters = FakeArmGateways.gateway(arm).clusterFacts(ArmWorld.SUB);

        assertEquals(1, clusters.size());
        assertEquals("Failed", clusters.get(0).provisioningState());
        assertEquals(ArmWorld.NAME, clusters.get(0).ref().name());
        assertEquals("Failed", clusters.get(0).agentPools().get(0).provisioningState());
        assertEquals(1, arm.armRequests().size(), "one call, however many clusters");
    }

    @Test
    void auditEvents_subscriptionWide_carriesTheCaller() {
        ArmWorld world = new ArmWorld().failedOperation("Microsoft.ContainerService/managedClusters/write",
                "OperationNotAllowed", "quota");
        world.install(arm);

        List<AuditEventFacts> events = FakeArmGateways.gateway(arm).auditEvents(ArmWorld.SUB,
                OffsetDateTime.now().minusDays(1), OffsetDateTime.now());

        assertEquals(1, events.size());
        assertEquals("admin@contoso.com", events.get(0).caller());
        assertEquals("Microsoft.ContainerService/managedClusters/write", events.get(0).event().operationName());
        assertEquals("OperationNotAllowed", events.get(0).event().errorCode());
    }
}
