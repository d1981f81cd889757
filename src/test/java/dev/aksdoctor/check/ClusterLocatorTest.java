package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmFixtures;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.AzureArmGateway;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmWorld;
import dev.aksdoctor.azure.TestAzureConfig;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.DiagnosisBuilder;
import dev.aksdoctor.diagnosis.PasteParser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClusterLocatorTest {

    @RegisterExtension
    static final FakeArmWorld WORLD = new FakeArmWorld();
    static final FakeArm arm = WORLD.arm();
    static final AzureArmGateway gateway = WORLD.gateway();
    static final ClusterRef AKS1 = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    static final String CLUSTERS = ArmWorld.SUB_PATH + "/providers/Microsoft.ContainerService/managedClusters";

    private static ClusterLocator locator(TestAzureConfig config) {
        return new ClusterLocator(new ClusterInventory(gateway, config, Clock.systemUTC()), gateway);
    }

    private static Diagnosis diagnosis(ClusterRef cluster, String fqdn, String nodeIp) {
        return DiagnosisBuilder.diagnosis().errorCode("E").exitCode(51).nodeIp(nodeIp).apiServerFqdn(fqdn).cluster(cluster)
                .summary("s").build();
    }

    @Test
    void locate_resourceId_needsNoArmCall() {
        ClusterLocation l = locator(TestAzureConfig.fake()).locate(diagnosis(AKS1, null, null), Optional.empty());
        assertEquals(AKS1, l.cluster());
        assertEquals(0, arm.armRequests().size());
    }

    @Test
    void locate_mcGroup_findsClusterInVisibleSubscriptions() {
        ClusterLocation l = locator(TestAzureConfig.fake()).locate(
                diagnosis(new ClusterRef(null, "rg-aks", "aks1"), null, null), Optional.empty());
        assertEquals(ClusterLocation.Status.FOUND, l.status(), l.how());
        assertEquals(AKS1, l.cluster());
        assertEquals(1, arm.count("GET", "/subscriptions"), "no configured subscriptions: all visible ones");
    }

    @Test
    void locate_clusterNamedByAzFlagsInThePaste_findsItByResourceGroupAndName() {
        Diagnosis parsed = new PasteParser().parse("PS> az aks nodepool add --resource-group rg-aks `\n"
                + "  --cluster-name aks1 --name np2 `\n  --node-vm-size Standard_D4s_v5\n"
                + "(QuotaExceeded) Operation could not be completed as it results in exceeding approved Total Regional"
                + " Cores quota.");

        ClusterLocation l = locator(TestAzureConfig.fake()).locate(parsed, Optional.empty());

        assertEquals(ClusterLocation.Status.FOUND, l.status(), l.how());
        assertEquals(AKS1, l.cluster());
    }

    @Test
    void locate_resourceIdWithRedactedSubscription_findsItInTheInventory() {
        Diagnosis parsed = new PasteParser().parse("\"id\": \"/subscriptions/**OBFUSCATED**/resourceGroups/rg-aks"
                + "/providers/Microsoft.ContainerService/managedClusters/aks1\"\nprovisioningState: Failed");

        ClusterLocation l = locator(TestAzureConfig.fake()).locate(parsed, Optional.empty());

        assertEquals(null, parsed.cluster().subscriptionId());
        assertEquals(AKS1, l.cluster(), l.how());
    }

    @Test
    void locate_privateFqdn_matchesInventoryOnceWithinTtl() {
        ArmWorld w = new ArmWorld().privateCluster();
        w.install(arm);
        ClusterLocator locator = locator(TestAzureConfig.fake().withSubscriptions(List.of(ArmWorld.SUB)));
        ClusterLocation first = locator.locate(diagnosis(null, ArmWorld.PRIVATE_FQDN.toUpperCase(), null), Optional.empty());
        locator.locate(diagnosis(null, ArmWorld.PRIVATE_FQDN, null), Optional.empty());
        assertEquals(AKS1, first.cluster());
        assertEquals(1, arm.count("GET", CLUSTERS), "the inventory is cached");
        assertEquals(0, arm.count("GET", "/subscriptions"));
    }

    @Test
    void locate_nodeIp_matchesNodeSubnet() {
        ClusterLocation l = locator(TestAzureConfig.fake()).locate(diagnosis(null, null, "10.240.1.17"), Optional.empty());
        assertEquals(AKS1, l.cluster(), l.how());
        assertTrue(l.how().contains("node IP"));
    }

    @Test
    void locate_nodeIpOutsideEverySubnet_fallsBackToChannelDefault() {
        ClusterRef other = new ClusterRef(ArmWorld.SUB, "rg-other", "aks2");
        ClusterLocation l = locator(TestAzureConfig.fake()).locate(diagnosis(null, null, "192.168.7.7"), Optional.of(other));
        assertEquals(other, l.cluster());
        assertEquals("the channel's default cluster", l.how());
    }

    @Test
    void locate_twoClustersSameName_isAmbiguous() {
        ObjectNode second = new ArmWorld().cluster.deepCopy();
        second.put("id", ArmWorld.SUB_PATH.replace("5555", "6666")
                + "/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks1");
        arm.json("GET", CLUSTERS, "{\"value\":[" + ArmFixtures.write(new ArmWorld().cluster) + ","
                + ArmFixtures.write(second) + "]}");
        ClusterLocation l = locator(TestAzureConfig.fake().withSubscriptions(List.of(ArmWorld.SUB))).locate(
                diagnosis(new ClusterRef(null, "rg-aks", "aks1"), null, null), Optional.empty());
        assertEquals(ClusterLocation.Status.AMBIGUOUS, l.status());
        assertEquals(2, l.candidates().size());
    }

    @Test
    void locate_nothingInPaste_asksWhichCluster() {
        ClusterLocation l = locator(TestAzureConfig.fake()).locate(diagnosis(null, null, null), Optional.empty());
        assertEquals(ClusterLocation.Status.NOT_FOUND, l.status());
        assertTrue(l.how().contains("which cluster"), l.how());
    }

    @Test
    void locate_listForbidden_saysWhichPermission() {
        arm.forbid("GET", CLUSTERS, "Microsoft.ContainerService/managedClusters/read");
        ClusterLocation l = locator(TestAzureConfig.fake().withSubscriptions(List.of(ArmWorld.SUB)))
                .locate(diagnosis(null, ArmWorld.FQDN, null), Optional.empty());
        assertEquals(ClusterLocation.Status.NOT_FOUND, l.status());
        assertTrue(l.how().contains("Microsoft.ContainerService/managedClusters/read"), l.how());
    }
}
