package dev.aksdoctor.check;

import static dev.aksdoctor.check.CheckHarness.run;
import static dev.aksdoctor.check.CheckHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Subcategory;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPathChecksTest {

    @Test
    void nodeSubnet_byoVnet_reportsCidr() {
        Finding f = run(new NodeSubnetCheck(), new ArmWorld(), Diagnoses.single(CheckId.NODE_SUBNET));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(f.title().contains("10.240.0.0/22"), text(f));
        assertEquals(ArmWorld.SUBNET_ID, f.evidence().get(0).resourceId());
    }

    @Test
    void nodeSubnet_subnetMissingFromVnet_isError() {
        ArmWorld w = new ArmWorld();
        w.subnet().put("id", ArmWorld.VNET_ID + "/subnets/other");
        Finding f = run(new NodeSubnetCheck(), w, Diagnoses.single(CheckId.NODE_SUBNET));
        assertEquals(Outcome.ERROR, f.outcome(), text(f));
    }

    @Test
    void subnetCapacity_freeAddresses_passes() {
        Finding f = run(new SubnetCapacityCheck(), new ArmWorld(), Diagnoses.single(CheckId.SUBNET_CAPACITY));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(text(f).contains("1019 usable, 3 used, 1016 free"), text(f));
    }

    @Test
    void subnetCapacity_flatCniSmallSubnet_fails() {
        ArmWorld w = new ArmWorld();
        ((ObjectNode) w.clusterProperties().get("networkProfile")).remove("networkPluginMode");
        ((ObjectNode) w.subnet().get("properties")).put("addressPrefix", "10.240.0.0/26");
        Finding f = run(new SubnetCapacityCheck(), w, Diagnoses.single(CheckId.SUBNET_CAPACITY));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(text(f).contains("one more node needs 111"), text(f));
    }

    @Test
    void authorizedRanges_allInside_passes() {
        Finding f = run(new AuthorizedIpRangesCheck(), new ArmWorld(), Diagnoses.single(CheckId.AUTHORIZED_IP_RANGES));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(text(f).contains("egress IP 20.50.60.70 (load balancer outbound IP) is inside 20.50.60.70/32"), text(f));
    }

    @Test
    void authorizedRanges_egressIpMissing_failsWithRangeToAdd() {
        ArmWorld w = new ArmWorld().authorizedRanges(ArmWorld.VNET_CIDR, "203.0.113.0/24");
        Finding f = run(new AuthorizedIpRangesCheck(), w, Diagnoses.single(CheckId.AUTHORIZED_IP_RANGES));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals(List.of(SuggestedAction.addRange("20.50.60.70/32")), f.actions());
    }

    @Test
    void authorizedRanges_ipv6Egress_usesRealContainment() {
        ArmWorld w = new ArmWorld().authorizedRanges(ArmWorld.VNET_CIDR, "2001:db8::/32");
        w.publicIps.put(ArmWorld.EGRESS_PIP_ID, "2001:db8:1::5");
        Finding f = run(new AuthorizedIpRangesCheck(), w, Diagnoses.single(CheckId.AUTHORIZED_IP_RANGES));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void authorizedRanges_disabled_passes() {
        ArmWorld w = new ArmWorld().authorizedRanges();
        Finding f = run(new AuthorizedIpRangesCheck(), w, Diagnoses.single(CheckId.AUTHORIZED_IP_RANGES));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(f.title().contains("not enabled"));
    }

    @Test
    void nsg_defaultRules_allow443() {
        Finding f = run(new NsgOutboundCheck(), new ArmWorld(), Diagnoses.single(CheckId.NSG_OUTBOUND));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(text(f).contains("AllowInternetOutBound"), text(f));
    }

    @Test
    void nsg_nicDenyRule_failsNamingRule() {
        ArmWorld w = new ArmWorld();
        w.rule(w.nicNsg, "deny-internet-443", "Outbound", "Deny", 200, "Tcp", "Internet", "443");
        Finding f = run(new NsgOutboundCheck(), w, Diagnoses.single(CheckId.NSG_OUTBOUND));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().contains("deny-internet-443"), text(f));
        assertEquals(ArmWorld.NIC_NSG_ID + "/securityRules/deny-internet-443", f.evidence().get(0).resourceId());
        assertEquals(SuggestedAction.of(NextAction.SHOW_NSG_RULES, SuggestedAction.RESOURCE_ID, ArmWorld.NIC_NSG_ID),
                f.actions().get(0), "the button shows the NSG that denies, not every NSG of the node subnets");
    }

    @Test
    void nsg_denyOnOtherPortRange_passes() {
        ArmWorld w = new ArmWorld();
        w.rule(w.subnetNsg, "deny-high-ports", "Outbound", "Deny", 100, "Tcp", "*", "1024-65535");
        Finding f = run(new NsgOutboundCheck(), w, Diagnoses.single(CheckId.NSG_OUTBOUND));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void nsg_forbidden_namesPermissionAndScope() {
        ArmWorld w = new ArmWorld();
        w.extra.clear();
        Finding f = run(new NsgOutboundCheck(), w, Diagnoses.single(CheckId.NSG_OUTBOUND));
        CheckHarness.ARM.forbid("GET", ArmWorld.SUBNET_NSG_ID, "Microsoft.Network/networkSecurityGroups/read");
        InvestigationFacts facts = new InvestigationFacts(CheckHarness.GATEWAY, CheckHarness.CLUSTER,
                Diagnoses.single(CheckId.NSG_OUTBOUND), java.time.Clock.systemUTC(), java.time.Duration.ofHours(1));
        Finding denied = new CheckRunner(List.of(new NsgOutboundCheck()), Runnable::run, java.time.Duration.ofSeconds(20))
                .run(List.of(CheckId.NSG_OUTBOUND), new CheckContext(Diagnoses.single(CheckId.NSG_OUTBOUND),
                        CheckHarness.CLUSTER, facts, false), ProgressListener.NONE).get(0);
        assertEquals(Outcome.PASS, f.outcome());
        assertEquals(Outcome.ERROR, denied.outcome(), text(denied));
        assertEquals("Missing permission Microsoft.Network/networkSecurityGroups/read", denied.title());
        assertEquals(ArmWorld.SUBNET_NSG_ID, denied.evidence().get(0).resourceId());
    }

    @Test
    void nsg_denyRuleOnApplicationSecurityGroup_warnsInsteadOfGuessing() {
        ArmWorld w = new ArmWorld();
        w.rule(w.subnetNsg, "deny-to-asg", "Outbound", "Deny", 100, "Tcp", "*", "443");
        ObjectNode p = (ObjectNode) w.subnetNsg.get("properties").get("securityRules").get(1).get("properties");
        p.remove("destinationAddressPrefix");
        p.putArray("destinationApplicationSecurityGroups").addObject().put("id", ArmWorld.NET_RG
                + "/applicationSecurityGroups/asg-api");
        Finding f = run(new NsgOutboundCheck(), w, Diagnoses.single(CheckId.NSG_OUTBOUND));
        assertEquals(Outcome.WARN, f.outcome(), text(f));
    }

    @Test
    void routeTable_unrelatedRoutes_passes() {
        Finding f = run(new RouteTableCheck(), new ArmWorld(), Diagnoses.single(CheckId.ROUTE_TABLE));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void routeTable_blackHole_fails() {
        ArmWorld w = new ArmWorld().route("drop-all", "0.0.0.0/0", "None", null);
        Finding f = run(new RouteTableCheck(), w, Diagnoses.single(CheckId.ROUTE_TABLE));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals(ArmWorld.ROUTE_TABLE_ID + "/routes/drop-all", f.evidence().get(0).resourceId());
        assertEquals(SuggestedAction.of(NextAction.SHOW_ROUTES, SuggestedAction.RESOURCE_ID, ArmWorld.ROUTE_TABLE_ID),
                f.actions().get(0));
    }

    @Test
    void routeTable_longerPrefixWins_overBlackHole() {
        ArmWorld w = new ArmWorld().route("drop-all", "0.0.0.0/0", "None", null)
                .route("api", "20.61.1.0/24", "Internet", null);
        Finding f = run(new RouteTableCheck(), w, Diagnoses.single(CheckId.ROUTE_TABLE));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void egressAppliance_healthyFirewallAllowingAks_passes() {
        // A healthy firewall whose rules let the nodes through is no finding against the cluster (healthy control).
        ArmWorld w = new ArmWorld().route("to-fw", "0.0.0.0/0", "VirtualAppliance", "10.0.1.4");
        w.firewalls.add(ArmWorld.json("{\"id\":\"" + ArmWorld.NET_RG + "/azureFirewalls/fw\",\"name\":\"fw\","
                + "\"properties\":{\"provisioningState\":\"Succeeded\",\"ipConfigurations\":[{\"name\":\"c\","
                + "\"properties\":{\"privateIPAddress\":\"10.0.1.4\",\"publicIPAddress\":{\"id\":\""
                + ArmWorld.NAT_PIP_ID + "\"}}}],\"applicationRuleCollections\":[{\"name\":\"aks\",\"properties\":{"
                + "\"priority\":100,\"action\":{\"type\":\"Allow\"},\"rules\":[{\"name\":\"aks\",\"sourceAddresses\":"
                + "[\"10.240.0.0/16\"],\"protocols\":[{\"protocolType\":\"Https\",\"port\":443}],\"fqdnTags\":"
                + "[\"AzureKubernetesService\"]}]}}]}}"));
        Finding route = run(new RouteTableCheck(), w, Diagnoses.single(CheckId.ROUTE_TABLE));
        Finding f = run(new EgressApplianceCheck(), w, Diagnoses.single(CheckId.EGRESS_APPLIANCE));
        assertEquals(Outcome.WARN, route.outcome(), text(route));
        assertTrue(route.title().contains("10.0.1.4"));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(text(f).contains("Azure Firewall fw (10.0.1.4) is Succeeded"), text(f));
    }

    @Test
    void egressAppliance_failedFirewall_fails() {
        ArmWorld w = new ArmWorld().route("to-fw", "0.0.0.0/0", "VirtualAppliance", "10.0.1.4");
        w.firewalls.add(ArmWorld.json("{\"id\":\"" + ArmWorld.NET_RG + "/azureFirewalls/fw\",\"name\":\"fw\","
                + "\"properties\":{\"provisioningState\":\"Failed\",\"ipConfigurations\":[{\"name\":\"c\","
                + "\"properties\":{\"privateIPAddress\":\"10.0.1.4\"}}]}}"));
        Finding f = run(new EgressApplianceCheck(), w, Diagnoses.single(CheckId.EGRESS_APPLIANCE));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
    }

    @Test
    void privateEndpoint_approved_passes() {
        Finding f = run(new PrivateEndpointCheck(), new ArmWorld().privateCluster(), Diagnoses.privateTimedOut());
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void privateEndpoint_pending_fails() {
        ArmWorld w = new ArmWorld().privateCluster();
        ((ObjectNode) w.privateEndpoint.get("properties").get("privateLinkServiceConnections").get(0).get("properties")
                .get("privateLinkServiceConnectionState")).put("status", "Pending");
        Finding f = run(new PrivateEndpointCheck(), w, Diagnoses.privateTimedOut());
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().contains("Pending"), text(f));
    }

    @Test
    void privateDnsLink_linked_passes() {
        Finding f = run(new PrivateDnsZoneLinkCheck(), new ArmWorld().privateCluster(), Diagnoses.dns(52));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void privateDnsLink_otherVnetOnly_fails() {
        ArmWorld w = new ArmWorld().privateCluster();
        ((ObjectNode) w.dnsZoneLink.get("properties").get("virtualNetwork")).put("id", ArmWorld.NET_RG
                + "/virtualNetworks/vnet-hub");
        Finding f = run(new PrivateDnsZoneLinkCheck(), w, Diagnoses.dns(52));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals(ArmWorld.DNS_ZONE_ID, f.evidence().get(0).resourceId());
    }

    @Test
    void vnetDns_azureDns_passes() {
        Finding f = run(new VnetDnsServersCheck(), new ArmWorld(), Diagnoses.dns(52));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void vnetDns_customServers_warns() {
        ArmWorld w = new ArmWorld().privateCluster();
        ((ObjectNode) w.vnet.get("properties")).putObject("dhcpOptions").putArray("dnsServers").add("10.1.0.4");
        Finding f = run(new VnetDnsServersCheck(), w, Diagnoses.dns(52));
        assertEquals(Outcome.WARN, f.outcome(), text(f));
        assertTrue(f.remedy().contains("168.63.129.16"), text(f));
    }

    @Test
    void httpProxy_none_passes() {
        Finding f = run(new HttpProxyCheck(), new ArmWorld(), Diagnoses.single(CheckId.HTTP_PROXY));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void httpProxy_tlsFailureThroughProxyWithoutCa_failsAndRedactsCredentials() {
        ArmWorld w = new ArmWorld();
        ObjectNode proxy = w.clusterProperties().putObject("httpProxyConfig");
        proxy.put("httpsProxy", "http://user:s3cret@proxy.corp:3128");
        proxy.putArray("noProxy").add("localhost").add("10.0.0.0/8");
        Finding f = run(new HttpProxyCheck(), w, Diagnoses.connection(Subcategory.TLS_HANDSHAKE_FAILED,
                List.of(CheckId.HTTP_PROXY)));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(!text(f).contains("s3cret"), text(f));
    }

    @Test
    void httpProxy_noProxyCoversApiServer_passes() {
        ArmWorld w = new ArmWorld();
        ObjectNode proxy = w.clusterProperties().putObject("httpProxyConfig");
        proxy.put("httpsProxy", "http://proxy.corp:3128");
        proxy.putArray("noProxy").add(".azmk8s.io");
        Finding f = run(new HttpProxyCheck(), w, Diagnoses.connection(Subcategory.TLS_HANDSHAKE_FAILED,
                List.of(CheckId.HTTP_PROXY)));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }
}
