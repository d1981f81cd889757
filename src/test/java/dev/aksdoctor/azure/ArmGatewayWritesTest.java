package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The write verbs the Slack buttons call, against the fake ARM: method, path and body are what ARM expects. */
class ArmGatewayWritesTest {

    @RegisterExtension
    static final FakeArmWorld WORLD = new FakeArmWorld();
    static final FakeArm arm = WORLD.arm();
    static final AzureArmGateway gateway = WORLD.gateway();
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);

    private FakeArm.Recorded last(String method) {
        List<FakeArm.Recorded> matching = arm.armRequests().stream().filter(r -> r.method().equals(method)).toList();
        return matching.get(matching.size() - 1);
    }

    @Test
    void startCluster_postsStart() {
        arm.respond("POST", ArmWorld.CLUSTER_ID + "/start", 204, "", Map.of());
        gateway.startCluster(CLUSTER);
        assertEquals(ArmWorld.CLUSTER_ID + "/start", last("POST").path());
    }

    @Test
    void startCluster_ok200EmptyObject_succeeds() {
        arm.respond("POST", ArmWorld.CLUSTER_ID + "/start", 200, "{}", Map.of());
        gateway.startCluster(CLUSTER);
        assertEquals(1, arm.count("POST", ArmWorld.CLUSTER_ID + "/start"));
    }

    @Test
    void startCluster_acceptedThenSucceeded_succeeds() {
        String status = "https://management.azure.com/subscriptions/" + ArmWorld.SUB
                + "/providers/Microsoft.ContainerService/locations/westeurope/operations/op1";
        arm.respond("POST", ArmWorld.CLUSTER_ID + "/start", 202, "", Map.of("Location", status, "Retry-After", "0"));
        arm.json("GET", "/subscriptions/" + ArmWorld.SUB
                + "/providers/Microsoft.ContainerService/locations/westeurope/operations/op1", "{\"status\":\"Succeeded\"}");
        gateway.startCluster(CLUSTER);
        assertEquals(1, arm.count("POST", ArmWorld.CLUSTER_ID + "/start"));
    }

    @Test
    void startCluster_acceptedThenFailed_saysWhatArmSaid() {
        String operation = "https://management.azure.com/subscriptions/" + ArmWorld.SUB
                + "/providers/Microsoft.ContainerService/locations/westeurope/operations/op2";
        arm.respond("POST", ArmWorld.CLUSTER_ID + "/start", 202, "", Map.of("Azure-AsyncOperation", operation));
        arm.json("GET", "/subscriptions/" + ArmWorld.SUB
                + "/providers/Microsoft.ContainerService/locations/westeurope/operations/op2",
                "{\"status\":\"Failed\",\"error\":{\"code\":\"VMExtensionProvisioningError\","
                        + "\"message\":\"The nodes could not start.\"}}");
        ArmException e = assertThrows(ArmException.class, () -> gateway.startCluster(CLUSTER));
        assertTrue(e.getMessage().contains("The nodes could not start."), e.getMessage());
    }

    @Test
    void reconcileCluster_putsTheSameModel() {
        arm.respond("PUT", ArmWorld.CLUSTER_ID, 200, ArmFixtures.write(new ArmWorld().cluster), Map.of());
        gateway.reconcileCluster(CLUSTER);
        FakeArm.Recorded put = last("PUT");
        assertEquals(ArmWorld.CLUSTER_ID, put.path());
        assertTrue(put.body().contains("\"vnetSubnetID\":\"" + ArmWorld.SUBNET_ID + "\""), put.body());
        assertTrue(!put.body().contains("\"provisioningState\""), "read-only fields are not sent back");
    }

    @Test
    void updateAuthorizedRanges_putsNewRanges() {
        arm.respond("PUT", ArmWorld.CLUSTER_ID, 200, ArmFixtures.write(new ArmWorld().cluster), Map.of());
        gateway.updateAuthorizedRanges(CLUSTER, List.of(ArmWorld.VNET_CIDR, "51.105.7.8/32"));
        assertTrue(last("PUT").body().contains("\"authorizedIPRanges\":[\"10.240.0.0/16\",\"51.105.7.8/32\"]"),
                last("PUT").body());
    }

    @Test
    void reconcileAgentPool_putsThePool() {
        String pool = ArmWorld.CLUSTER_ID + "/agentPools/nodepool1";
        String body = "{\"id\":\"" + pool + "\",\"name\":\"nodepool1\",\"properties\":{\"count\":3,\"vmSize\":"
                + "\"Standard_DS2_v2\",\"osType\":\"Linux\",\"mode\":\"System\",\"provisioningState\":\"Failed\"}}";
        arm.json("GET", pool, body);
        arm.respond("PUT", pool, 200, body.replace("Failed", "Succeeded"), Map.of());
        gateway.reconcileAgentPool(CLUSTER, "nodepool1");
        assertEquals(pool, last("PUT").path());
    }

    @Test
    void rotateCertificates_acceptedThenDone() {
        arm.respond("POST", ArmWorld.CLUSTER_ID + "/rotateClusterCertificates", 204, "", Map.of());
        gateway.rotateCertificates(CLUSTER);
        assertEquals(ArmWorld.CLUSTER_ID + "/rotateClusterCertificates", last("POST").path());
    }

    @Test
    void reimageInstance_postsReimage() {
        String path = ArmWorld.VMSS_ID + "/virtualMachines/0/reimage";
        arm.respond("POST", path, 200, "", Map.of());
        gateway.reimageInstance(ArmWorld.SUB, ArmWorld.NODE_RG, ArmWorld.VMSS, "0");
        assertEquals(path, last("POST").path());
    }

    @Test
    void startCluster_forbidden_namesTheAction() {
        arm.forbid("POST", ArmWorld.CLUSTER_ID + "/start", "Microsoft.ContainerService/managedClusters/start/action");
        ArmException e = assertThrows(ArmException.class, () -> gateway.startCluster(CLUSTER));
        assertEquals("Microsoft.ContainerService/managedClusters/start/action", e.permission().orElseThrow());
    }
}
