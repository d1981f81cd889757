package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureArmGatewayTest {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String CLUSTER_PATH = "/subscriptions/" + SUB
            + "/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1";
    static FakeArm arm;

    @BeforeAll
    static void start() {
        arm = FakeArm.start();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    @BeforeEach
    void reset() {
        arm.reset();
    }

    @Test
    void cluster_fixture_mapsStateAndEgressThroughRealCredentialFlow() {
        arm.json("GET", CLUSTER_PATH, ArmFixtures.write(ArmFixtures.body("ManagedClustersGet.json")));

        ClusterFacts c = FakeArmGateways.gateway(arm).cluster(new ClusterRef(SUB, "rg1", "clustername1"));

        assertEquals("Succeeded", c.provisioningState());
        assertEquals("loadBalancer", c.outboundType());
        assertEquals("MC_rg1_clustername1_location1", c.nodeResourceGroup());
        assertEquals(2, c.egressIpIds().size());
        assertEquals("nodepool1", c.agentPools().get(0).name());
        assertFalse(c.authorizedRangesEnabled());
        assertTrue(arm.requests().stream().anyMatch(r -> r.path().endsWith("/oauth2/v2.0/token")),
                "the token came from the fake's token endpoint");
        assertEquals("Bearer " + FakeArm.TOKEN, arm.armRequests().get(0).authorization());
    }

    @Test
    void cluster_throttledOnce_retriesAfterRetryAfter() {
        arm.json("GET", CLUSTER_PATH, ArmFixtures.write(ArmFixtures.body("ManagedClustersGet.json")));
        arm.throttleOnce("GET", CLUSTER_PATH, 1);

        ClusterFacts c = FakeArmGateways.gateway(arm).cluster(new ClusterRef(SUB, "rg1", "clustername1"));

        assertEquals("clustername1", c.ref().name());
        assertEquals(2, arm.count("GET", CLUSTER_PATH));
    }

    @Test
    void nsg_forbidden_namesPermissionAndScope() {
        String nsg = "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/n1";
        arm.forbid("GET", nsg, "Microsoft.Network/networkSecurityGroups/read");

        ArmException e = assertThrows(ArmException.class, () -> FakeArmGateways.gateway(arm).nsg(nsg));

        assertEquals(ArmException.Kind.FORBIDDEN, e.kind());
        assertEquals("Microsoft.Network/networkSecurityGroups/read", e.permission().orElseThrow());
        assertEquals(nsg, e.scope().orElseThrow());
    }

    @Test
    void nsg_fixture_mapsCustomAndDefaultRules() {
        ObjectNode body = ArmFixtures.body("NetworkSecurityGroupGet.json");
        String id = body.get("id").asText();
        arm.json("GET", id, ArmFixtures.write(body));

        NsgFacts nsg = FakeArmGateways.gateway(arm).nsg(id);

        assertEquals(7, nsg.rules().size());
        assertEquals("rule1", nsg.rules().get(0).name());
        assertEquals(130, nsg.rules().get(0).priority());
        assertTrue(nsg.rules().get(6).defaultRule());
    }

    @Test
    void access_withoutCredential_saysWhatIsMissing() {
        AzureArmGateway gateway = FakeArmGateways.gateway(arm,
                TestAzureConfig.fake().withCredentialTimeout(Duration.ofSeconds(2)), false);

        AzureAccess access = gateway.access();

        assertFalse(access.configured(), access.detail() + " " + arm.requests());
        assertTrue(access.detail().contains("AZURE_CLIENT_ID"), access.detail());
    }

    @Test
    void cluster_missing_isNotFound() {
        ArmException e = assertThrows(ArmException.class,
                () -> FakeArmGateways.gateway(arm).cluster(new ClusterRef(SUB, "rg1", "nope")));
        assertEquals(ArmException.Kind.NOT_FOUND, e.kind());
        assertTrue(Map.of().isEmpty());
    }
}
