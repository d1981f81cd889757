package dev.aksdoctor.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Network Watcher's long-running POSTs through the production pipeline: 202, Azure-AsyncOperation, then the body. */
class NetworkWatcherVerbsTest {

    static final String WATCHER = ArmWorld.SUB_PATH
            + "/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_westeurope";
    static final String VM = ArmWorld.SUB_PATH + "/resourceGroups/" + ArmWorld.NODE_RG
            + "/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/4";
    static final String NIC = ArmWorld.SUB_PATH + "/resourceGroups/" + ArmWorld.NODE_RG
            + "/providers/Microsoft.Network/networkInterfaces/aks-nic-4";
    static final String OPERATION = ArmWorld.SUB_PATH + "/providers/Microsoft.Network/locations/westeurope/operations/op-1";
    static final String RESULT = ArmWorld.SUB_PATH
            + "/providers/Microsoft.Network/locations/westeurope/operationResults/op-1";

    /** What the SDK sees (the test HTTP client sends every https host to the fake ARM). */
    static final String ARM = TestAzureConfig.ARM_URL.replaceAll("/$", "");

    @RegisterExtension
    static final FakeArmWorld WORLD = new FakeArmWorld();
    static final FakeArm arm = WORLD.arm();
    static final AzureArmGateway gateway = WORLD.gateway();

    /** The real shape of a Network Watcher POST: 202 with both headers, the operation's status, the final body. */
    private void longRunning(String path, String finalBody) {
        arm.respond("POST", path, 202, "", Map.of(
                "Azure-AsyncOperation", ARM + OPERATION + "?api-version=2024-05-01",
                "Location", ARM + RESULT + "?api-version=2024-05-01",
                "Retry-After", "0"));
        arm.json("GET", OPERATION, "{\"status\":\"Succeeded\"}");
        arm.json("GET", RESULT, finalBody);
    }

    @Test
    void nextHop_longRunning_pollsThenMapsTheResult() {
        longRunning(WATCHER + "/nextHop", "{\"nextHopType\":\"VirtualNetworkGateway\",\"nextHopIpAddress\":\"10.100.0.4\","
                + "\"routeTableId\":\"System Route\"}");

        NetworkWatcherFacts.NextHop hop = gateway.nextHop(WATCHER, VM, "10.224.0.5", "20.61.1.10");

        assertEquals(new NetworkWatcherFacts.NextHop("VirtualNetworkGateway", "10.100.0.4", "System Route"), hop);
        FakeArm.Recorded post = arm.armRequests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertTrue(post.body().contains("\"targetResourceId\":\"" + VM + "\""), post.body());
        assertTrue(post.body().contains("\"sourceIPAddress\":\"10.224.0.5\""), post.body());
        assertTrue(post.body().contains("\"destinationIPAddress\":\"20.61.1.10\""), post.body());
        assertEquals(1, arm.count("GET", OPERATION));
    }

    @Test
    void ipFlowVerify_adminRule_namesTheRuleNetworkWatcherApplied() {
        longRunning(WATCHER + "/ipFlowVerify", "{\"access\":\"Deny\",\"ruleName\":\"securityAdminRules/deny-hub-egress\"}");

        NetworkWatcherFacts.IpFlow flow = gateway.ipFlowVerify(WATCHER, VM, "10.224.0.5", "20.61.1.10", 443);

        assertEquals(new NetworkWatcherFacts.IpFlow("Deny", "securityAdminRules/deny-hub-egress"), flow);
        FakeArm.Recorded post = arm.armRequests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertTrue(post.body().contains("\"direction\":\"Outbound\""), post.body());
        assertTrue(post.body().contains("\"protocol\":\"TCP\""), post.body());
        assertTrue(post.body().contains("\"remotePort\":\"443\""), post.body());
    }

    @Test
    void effectiveRoutes_bgpRoute_mapsSourceAndNextHop() {
        longRunning(NIC + "/effectiveRouteTable", "{\"value\":[{\"name\":null,\"source\":\"Default\",\"state\":\"Active\","
                + "\"addressPrefix\":[\"10.224.0.0/16\"],\"nextHopIpAddress\":[],\"nextHopType\":\"VnetLocal\"},"
                + "{\"name\":null,\"source\":\"VirtualNetworkGateway\",\"state\":\"Active\",\"addressPrefix\":[\"20.61.1.0/24\"],"
                + "\"nextHopIpAddress\":[\"10.100.0.4\"],\"nextHopType\":\"VirtualNetworkGateway\"}]}");

        List<NetworkWatcherFacts.EffectiveRoute> routes = gateway.effectiveRoutes(NIC);

        assertEquals(2, routes.size());
        assertEquals(new NetworkWatcherFacts.EffectiveRoute(null, "VirtualNetworkGateway", "Active",
                List.of("20.61.1.0/24"), "VirtualNetworkGateway", List.of("10.100.0.4")), routes.get(1));
    }

    @Test
    void effectiveSecurityRules_restExampleShape_mapsRulesExpandedPrefixesAndAssociation() {
        String nsg = ArmWorld.SUB_PATH + "/resourceGroups/" + ArmWorld.NODE_RG
                + "/providers/Microsoft.Network/networkSecurityGroups/aks-agentpool-nsg";
        longRunning(NIC + "/effectiveNetworkSecurityGroups", "{\"value\":[{\"networkSecurityGroup\":{\"id\":\"" + nsg
                + "\"},\"association\":{\"networkInterface\":{\"id\":\"" + NIC + "\"}},\"effectiveSecurityRules\":[{"
                + "\"name\":\"securityRules/deny-api\",\"protocol\":\"Tcp\",\"sourcePortRange\":\"0-65535\","
                + "\"destinationPortRange\":\"443-443\",\"sourcePortRanges\":[\"0-65535\"],"
                + "\"destinationPortRanges\":[\"443-443\"],\"sourceAddressPrefix\":\"0.0.0.0/0\","
                + "\"sourceAddressPrefixes\":[\"0.0.0.0/0\"],\"destinationAddressPrefix\":\"AzureCloud\","
                + "\"destinationAddressPrefixes\":[\"AzureCloud\"],\"expandedSourceAddressPrefix\":null,"
                + "\"expandedDestinationAddressPrefix\":[\"20.61.0.0/16\",\"52.0.0.0/8\"],\"access\":\"Deny\","
                + "\"priority\":100,\"direction\":\"Outbound\"}],\"tagMap\":\"{}\"}]}");

        List<NetworkWatcherFacts.EffectiveSecurityGroup> groups = gateway.effectiveSecurityRules(NIC);

        assertEquals(1, groups.size());
        assertEquals(nsg, groups.get(0).nsgId());
        assertEquals(NIC, groups.get(0).nicId());
        assertEquals(null, groups.get(0).subnetId());
        assertEquals(new NetworkWatcherFacts.EffectiveSecurityRule("securityRules/deny-api", "Deny", 100, "Outbound",
                "Tcp", List.of("0.0.0.0/0"), List.of(), List.of("0-65535"), List.of("AzureCloud"),
                List.of("20.61.0.0/16", "52.0.0.0/8"), List.of("443-443")), groups.get(0).rules().get(0));
        assertEquals(1, arm.count("POST", NIC + "/effectiveNetworkSecurityGroups"));
        assertEquals(1, arm.count("GET", OPERATION));
    }

    @Test
    void effectiveSecurityRules_missingPermission_namesTheAction() {
        arm.forbid("POST", NIC + "/effectiveNetworkSecurityGroups",
                "Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action");

        ArmException e = assertThrows(ArmException.class, () -> gateway.effectiveSecurityRules(NIC));

        assertEquals(ArmException.Kind.FORBIDDEN, e.kind());
        assertEquals("Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action",
                e.permission().orElseThrow());
    }

    @Test
    void nextHop_missingPermission_namesTheAction() {
        arm.forbid("POST", WATCHER + "/nextHop", "Microsoft.Network/networkWatchers/nextHop/action");

        ArmException e = assertThrows(ArmException.class,
                () -> gateway.nextHop(WATCHER, VM, "10.224.0.5", "20.61.1.10"));

        assertEquals(ArmException.Kind.FORBIDDEN, e.kind());
        assertEquals("Microsoft.Network/networkWatchers/nextHop/action", e.permission().orElseThrow());
    }

    @Test
    void instanceNetworkInterfaces_vmssVmList_nicIdAndPrivateIp() {
        new NetworkWatcherWorld().install(arm, TestAzureConfig.ARM_URL);

        List<NicFacts> nics = gateway.instanceNetworkInterfaces(ArmWorld.SUB, ArmWorld.NODE_RG, ArmWorld.VMSS, "0");

        assertEquals(1, nics.size());
        assertEquals(NetworkWatcherWorld.NIC_ID, nics.get(0).id());
        assertEquals(List.of(NetworkWatcherWorld.NODE_IP), nics.get(0).privateIps());
        assertEquals(NetworkWatcherWorld.VM_ID, nics.get(0).vmId());
    }

    @Test
    void networkWatchers_noneInTheRegion_emptyList() {
        arm.json("GET", ArmWorld.SUB_PATH + "/providers/Microsoft.Network/networkWatchers", "{\"value\":[]}");

        assertEquals(List.of(), gateway.networkWatchers(ArmWorld.SUB));
    }
}
