package dev.aksdoctor.check;

import static dev.aksdoctor.check.CheckHarness.run;
import static dev.aksdoctor.check.CheckHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.Subcategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole egress path against the fake ARM, with ARM JSON shaped like the REST API examples (AzureFirewallGet,
 * FirewallPolicyGet, FirewallPolicyRuleCollectionGroupList, NetworkInterfaceListAll, VirtualMachineGetInstanceView,
 * PublicIpPrefixGet, ServiceTagsList): a hub firewall in another subscription reached through a peering.
 */
class EgressPathChecksTest {

    static final String HUB_SUB = "99999999-8888-7777-6666-555555555555";
    static final String HUB = "/subscriptions/" + HUB_SUB + "/resourceGroups/rg-hub/providers/Microsoft.Network";
    static final String HUB_VNET = HUB + "/virtualNetworks/vnet-hub";
    static final String FW_ID = HUB + "/azureFirewalls/fw-hub";
    static final String FW_PIP_ID = HUB + "/publicIPAddresses/pip-fw-hub";
    static final String FW_PIP = "52.174.9.9";
    static final String POLICY_ID = HUB + "/firewallPolicies/fwp-aks";
    static final String PARENT_POLICY_ID = HUB + "/firewallPolicies/fwp-platform";
    static final String FW_IP = "10.0.1.4";

    // ---------------------------------------------------------------- worlds

    /** The node VNet peered with a hub VNet in another subscription; 0.0.0.0/0 goes to the hub firewall. */
    static ArmWorld hubAndSpoke() {
        ArmWorld w = new ArmWorld().route("to-hub-fw", "0.0.0.0/0", "VirtualAppliance", FW_IP);
        ArrayNode peerings = ((ObjectNode) w.vnet.get("properties")).putArray("virtualNetworkPeerings");
        peerings.add(ArmWorld.json("{\"name\":\"spoke-to-hub\",\"id\":\"" + ArmWorld.VNET_ID
                + "/virtualNetworkPeerings/spoke-to-hub\",\"properties\":{\"provisioningState\":\"Succeeded\","
                + "\"peeringState\":\"Connected\",\"remoteVirtualNetwork\":{\"id\":\"" + HUB_VNET + "\"},"
                + "\"remoteAddressSpace\":{\"addressPrefixes\":[\"10.0.0.0/16\"]},\"allowForwardedTraffic\":true}}"));
        ((ObjectNode) w.clusterProperties().get("networkProfile")).put("outboundType", "userDefinedRouting");
        ((ObjectNode) w.clusterProperties().get("networkProfile")).remove("loadBalancerProfile");
        w.publicIps.put(FW_PIP_ID, FW_PIP);
        nics(w, ArmWorld.SUB_PATH, "");
        nics(w, "/subscriptions/" + HUB_SUB, "");
        loadBalancers(w, ArmWorld.SUB_PATH, "");
        loadBalancers(w, "/subscriptions/" + HUB_SUB, "");
        return w;
    }

    static void hubFirewalls(ArmWorld w, String... firewalls) {
        w.extra.put("/subscriptions/" + HUB_SUB + "/providers/Microsoft.Network/azureFirewalls",
                ArmWorld.json("{\"value\":[" + String.join(",", firewalls) + "]}"));
    }

    static void loadBalancers(ArmWorld w, String subscriptionPath, String loadBalancers) {
        w.extra.put(subscriptionPath + "/providers/Microsoft.Network/loadBalancers",
                ArmWorld.json("{\"value\":[" + loadBalancers + "]}"));
    }

    static void nics(ArmWorld w, String subscriptionPath, String nics) {
        w.extra.put(subscriptionPath + "/providers/Microsoft.Network/networkInterfaces",
                ArmWorld.json("{\"value\":[" + nics + "]}"));
    }

    /** An azureFirewalls body (AzureFirewallGet.json's shape) with classic collections or a policy. */
    static String firewall(String applicationRuleCollections, String policyId) {
        return "{\"id\":\"" + FW_ID + "\",\"name\":\"fw-hub\",\"type\":\"Microsoft.Network/azureFirewalls\","
                + "\"location\":\"westeurope\",\"properties\":{\"provisioningState\":\"Succeeded\",\"sku\":{\"name\":"
                + "\"AZFW_VNet\",\"tier\":\"" + (policyId == null ? "Standard" : "Premium") + "\"},"
                + "\"threatIntelMode\":\"Alert\",\"ipConfigurations\":[{\"name\":\"fw-ipconfig\",\"id\":\"" + FW_ID
                + "/ipConfigurations/fw-ipconfig\",\"properties\":{\"provisioningState\":\"Succeeded\","
                + "\"privateIPAddress\":\"" + FW_IP + "\",\"subnet\":{\"id\":\"" + HUB_VNET
                + "/subnets/AzureFirewallSubnet\"},\"publicIPAddress\":{\"id\":\"" + FW_PIP_ID + "\"}}}],"
                + "\"applicationRuleCollections\":[" + applicationRuleCollections + "],\"natRuleCollections\":[],"
                + "\"networkRuleCollections\":[]" + (policyId == null ? "" : ",\"firewallPolicy\":{\"id\":\""
                        + policyId + "\"}") + "}}";
    }

    static String appCollection(String name, int priority, String action, String rule) {
        return "{\"name\":\"" + name + "\",\"id\":\"" + FW_ID + "/applicationRuleCollections/" + name + "\","
                + "\"properties\":{\"priority\":" + priority + ",\"action\":{\"type\":\"" + action + "\"},\"rules\":["
                + rule + "]}}";
    }

    static String appRule(String name, String targets, String tags) {
        return "{\"name\":\"" + name + "\",\"protocols\":[{\"protocolType\":\"Https\",\"port\":443},{\"protocolType\":"
                + "\"Http\",\"port\":80}],\"targetFqdns\":[" + targets + "],\"fqdnTags\":[" + tags + "],"
                + "\"sourceAddresses\":[\"10.240.0.0/16\"]}";
    }

    static Diagnosis exit50() {
        return new Diagnosis("VMExtensionError_OutboundConnFail", 50, OsType.LINUX, Subcategory.CONNECTION_TIMED_OUT,
                "10.240.0.4", null, null, ArmWorld.LOCATION, null, CheckHarness.CLUSTER, null, null, null, null, null,
                "Nodes cannot reach mcr.microsoft.com.", null, List.of(CheckId.NSG_OUTBOUND, CheckId.ROUTE_TABLE,
                        CheckId.EGRESS_APPLIANCE));
    }

    static Diagnosis exit51(Subcategory sub) {
        return Diagnoses.connection(sub, List.of(CheckId.AUTHORIZED_IP_RANGES, CheckId.EGRESS_APPLIANCE));
    }

    // ---------------------------------------------------------------- firewall rules

    @Test
    void egressAppliance_exit50PrivateClusterFirewallWithoutAksTag_failsNamingTheFirewallAndTheMissingRule() {
        ArmWorld w = hubAndSpoke().privateCluster();
        hubFirewalls(w, firewall(appCollection("ubuntu-updates", 200, "Allow",
                appRule("ubuntu", "\"*.ubuntu.com\"", "")), null));
        Finding f = run(new EgressApplianceCheck(), w, exit50());
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().startsWith("Azure Firewall fw-hub (subscription " + HUB_SUB + ") has no rule for HTTPS "
                + "mcr.microsoft.com:443"), f.title());
        assertTrue(f.remedy().startsWith("Add an application rule allowing the FQDN tag AzureKubernetesService on "
                + "Https:443 and Http:80 from 10.240.0.0/22 to firewall fw-hub."), f.remedy());
        assertTrue(f.evidence().get(0).text().contains("No rule of firewall 'fw-hub' allows HTTPS mcr.microsoft.com:443 "
                + "from 10.240.0.0/22"), text(f));
        assertEquals(FW_ID, f.evidence().get(0).resourceId());
        assertEquals(Docs.OUTBOUND_RULES, f.docLink());
        assertTrue(f.title().contains("packages.microsoft.com"), f.title());
        assertTrue(!text(f).contains("privatelink"), "the private API server goes through its private endpoint");
    }

    @Test
    void egressAppliance_exit50FirewallWithAksTag_passes() {
        ArmWorld w = hubAndSpoke().privateCluster();
        hubFirewalls(w, firewall(appCollection("aks", 200, "Allow", appRule("aks-tag", "", "\"AzureKubernetesService\"")),
                null));
        Finding f = run(new EgressApplianceCheck(), w, exit50());
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(f.title().contains("allows every required AKS endpoint"), f.title());
    }

    @Test
    void egressAppliance_denyCollectionAheadOfTheTag_failsNamingTheDenyRule() {
        ArmWorld w = hubAndSpoke();
        hubFirewalls(w, firewall(appCollection("no-cdn", 100, "Deny", appRule("deny-azureedge", "\"*.azureedge.net\"", ""))
                + "," + appCollection("aks", 200, "Allow", appRule("aks-tag", "", "\"AzureKubernetesService\"")), null));
        Finding f = run(new EgressApplianceCheck(), w, exit50());
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().contains("denies HTTPS acs-mirror.azureedge.net:443"), f.title());
        assertTrue(f.remedy().contains("Rule 'deny-azureedge' in collection 'no-cdn' denies acs-mirror.azureedge.net"),
                f.remedy());
        assertEquals(FW_ID + "/applicationRuleCollections/no-cdn", f.evidence().get(0).resourceId());
    }

    @Test
    void egressAppliance_tlsHandshakeBehindPremiumPolicyWithTlsInspection_isTheTlsCause() {
        ArmWorld w = hubAndSpoke();
        hubFirewalls(w, firewall("", POLICY_ID));
        w.extra.put(POLICY_ID, ArmWorld.json("{\"id\":\"" + POLICY_ID + "\",\"name\":\"fwp-aks\",\"location\":"
                + "\"westeurope\",\"properties\":{\"provisioningState\":\"Succeeded\",\"sku\":{\"tier\":\"Premium\"},"
                + "\"basePolicy\":{\"id\":\"" + PARENT_POLICY_ID + "\"},\"ruleCollectionGroups\":[{\"id\":\""
                + POLICY_ID + "/ruleCollectionGroups/aks\"}]}}"));
        w.extra.put(POLICY_ID + "/ruleCollectionGroups", ArmWorld.json("{\"value\":[{\"id\":\"" + POLICY_ID
                + "/ruleCollectionGroups/aks\",\"name\":\"aks\",\"properties\":{\"provisioningState\":\"Succeeded\","
                + "\"priority\":200,\"ruleCollections\":[{\"ruleCollectionType\":\"FirewallPolicyFilterRuleCollection\","
                + "\"name\":\"aks-inspected\",\"priority\":100,\"action\":{\"type\":\"Allow\"},\"rules\":[{\"ruleType\":"
                + "\"ApplicationRule\",\"name\":\"aks-tag-tls\",\"protocols\":[{\"protocolType\":\"Https\",\"port\":443}],"
                + "\"sourceAddresses\":[\"10.240.0.0/16\"],\"fqdnTags\":[\"AzureKubernetesService\"],\"targetFqdns\":[],"
                + "\"terminateTLS\":true}]}]}}]}"));
        w.extra.put(PARENT_POLICY_ID, ArmWorld.json("{\"id\":\"" + PARENT_POLICY_ID + "\",\"name\":\"fwp-platform\","
                + "\"location\":\"westeurope\",\"properties\":{\"provisioningState\":\"Succeeded\",\"sku\":{\"tier\":"
                + "\"Premium\"},\"dnsSettings\":{\"enableProxy\":true},\"transportSecurity\":{\"certificateAuthority\":{"
                + "\"name\":\"fw-ca\",\"keyVaultSecretId\":\"https://kv-hub.vault.azure.net/secrets/fw-ca/\"}}}}"));
        w.extra.put(PARENT_POLICY_ID + "/ruleCollectionGroups", ArmWorld.json("{\"value\":[]}"));
        Finding f = run(new EgressApplianceCheck(), w, exit51(Subcategory.TLS_HANDSHAKE_FAILED));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("Azure Firewall fw-hub inspects TLS to " + ArmWorld.FQDN + " (rule 'aks-tag-tls' has terminateTLS)",
                f.title());
        assertEquals(Docs.FIREWALL_TLS, f.docLink());
        assertTrue(f.remedy().contains("*.hcp.westeurope.azmk8s.io"), f.remedy());
        assertEquals(POLICY_ID + "/ruleCollectionGroups/aks", f.evidence().get(0).resourceId());
    }

    // ---------------------------------------------------------------- appliances

    static String nic(String name, String ip, boolean forwarding, String vmId) {
        String id = HUB + "/networkInterfaces/" + name;
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"location\":\"westeurope\",\"properties\":{"
                + "\"provisioningState\":\"Succeeded\",\"ipConfigurations\":[{\"name\":\"ipconfig1\",\"id\":\"" + id
                + "/ipConfigurations/ipconfig1\",\"properties\":{\"privateIPAddress\":\"" + ip + "\","
                + "\"privateIPAllocationMethod\":\"Static\",\"subnet\":{\"id\":\"" + HUB_VNET + "/subnets/nva\"}}}],"
                + "\"enableIPForwarding\":" + forwarding + (vmId == null ? "" : ",\"virtualMachine\":{\"id\":\"" + vmId
                        + "\"}") + "}}";
    }

    static ArmWorld nva(boolean forwarding, String powerState) {
        ArmWorld w = hubAndSpoke();
        hubFirewalls(w);
        String vmId = "/subscriptions/" + HUB_SUB + "/resourceGroups/rg-hub/providers/Microsoft.Compute/virtualMachines/nva1";
        nics(w, "/subscriptions/" + HUB_SUB, nic("nva1-nic", FW_IP, forwarding, vmId));
        w.extra.put(vmId + "/instanceView", ArmWorld.json("{\"computerName\":\"nva1\",\"statuses\":[{\"code\":"
                + "\"ProvisioningState/succeeded\",\"level\":\"Info\",\"displayStatus\":\"Provisioning succeeded\"},"
                + "{\"code\":\"" + powerState + "\",\"level\":\"Info\",\"displayStatus\":\"VM\"}]}"));
        return w;
    }

    @Test
    void egressAppliance_nvaWithIpForwardingOff_fails() {
        Finding f = run(new EgressApplianceCheck(), nva(false, "PowerState/running"), exit50());
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("IP forwarding is off on nva1-nic, the appliance at " + FW_IP, f.title());
        assertTrue(text(f).contains("10.0.1.4 is held by NIC nva1-nic, IP forwarding off, VM nva1 PowerState/running"),
                text(f));
    }

    @Test
    void egressAppliance_nvaDeallocated_fails() {
        Finding f = run(new EgressApplianceCheck(), nva(true, "PowerState/deallocated"), exit50());
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("The appliance VM nva1 at " + FW_IP + " is deallocated", f.title());
    }

    @Test
    void egressAppliance_runningNva_warnsThatItsRulesAreNotVisible() {
        Finding f = run(new EgressApplianceCheck(), nva(true, "PowerState/running"), exit50());
        assertEquals(Outcome.WARN, f.outcome(), text(f));
    }

    @Test
    void egressAppliance_nextHopIsAnInternalLoadBalancer_warnsNotABlackHole() {
        ArmWorld w = hubAndSpoke();
        hubFirewalls(w);
        String lb = HUB + "/loadBalancers/ilb-nva";
        loadBalancers(w, "/subscriptions/" + HUB_SUB, "{\"id\":\"" + lb + "\",\"name\":\"ilb-nva\",\"location\":"
                + "\"westeurope\",\"sku\":{\"name\":\"Standard\"},\"properties\":{\"frontendIPConfigurations\":[{"
                + "\"name\":\"fe\",\"id\":\"" + lb + "/frontendIPConfigurations/fe\",\"properties\":{"
                + "\"privateIPAddress\":\"" + FW_IP + "\",\"privateIPAllocationMethod\":\"Static\",\"subnet\":{"
                + "\"id\":\"" + HUB_VNET + "/subnets/nva\"}}}]}}");
        Finding f = run(new EgressApplianceCheck(), w, exit50());
        assertEquals(Outcome.WARN, f.outcome(), text(f));
        assertTrue(f.title().contains("load-balanced appliances at " + FW_IP + " (ilb-nva)"), f.title());
    }

    @Test
    void egressAppliance_nextHopNobodyHolds_isABlackHole() {
        ArmWorld w = hubAndSpoke();
        hubFirewalls(w);
        Finding f = run(new EgressApplianceCheck(), w, exit50());
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("Next hop " + FW_IP + " is not assigned to anything (black hole)", f.title());
        assertTrue(text(f).contains("held by no NIC, Azure Firewall or internal load balancer in " + ArmWorld.SUB + ", "
                + HUB_SUB), text(f));
    }

    // ---------------------------------------------------------------- egress IPs and authorized ranges

    @Test
    void authorizedRanges_firewallInAnotherSubscriptionNotAuthorized_failsNamingItsPublicIp() {
        ArmWorld w = hubAndSpoke().authorizedRanges("10.240.0.0/16", "203.0.113.0/24");
        hubFirewalls(w, firewall("", null));
        Finding f = run(new AuthorizedIpRangesCheck(), w, exit51(Subcategory.CONNECTION_TIMED_OUT));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("Authorized IP ranges block Azure Firewall fw-hub (subscription " + HUB_SUB + ") " + FW_PIP,
                f.title());
        assertEquals(FW_PIP + "/32", f.actions().get(0).parameters().get(SuggestedAction.CIDR), f.actions().toString());
    }

    static void serviceTags(ArmWorld w) {
        w.extra.put(ArmWorld.SUB_PATH + "/providers/Microsoft.Network/locations/" + ArmWorld.LOCATION + "/serviceTags",
                ArmWorld.json("{\"name\":\"Public\",\"id\":\"" + ArmWorld.SUB_PATH + "/providers/Microsoft.Network/"
                        + "serviceTags/Public\",\"type\":\"Microsoft.Network/serviceTags\",\"changeNumber\":\"63\","
                        + "\"cloud\":\"Public\",\"values\":[{\"name\":\"AzureCloud.westeurope\",\"id\":"
                        + "\"AzureCloud.westeurope\",\"properties\":{\"changeNumber\":\"27\",\"region\":\"westeurope\","
                        + "\"systemService\":\"\",\"addressPrefixes\":[\"52.174.0.0/16\",\"20.50.0.0/16\"]}},"
                        + "{\"name\":\"AzureDevOps\",\"id\":\"AzureDevOps\",\"properties\":{\"changeNumber\":\"2\","
                        + "\"region\":\"\",\"systemService\":\"AzureDevOps\",\"addressPrefixes\":[\"20.37.158.0/23\"]}}]}"));
    }

    @Test
    void authorizedRanges_serviceTagHoldsTheEgressIp_passesAndNamesTheTagPrefix() {
        ArmWorld w = hubAndSpoke().authorizedRanges("10.240.0.0/16", "AzureCloud.westeurope");
        hubFirewalls(w, firewall("", null));
        serviceTags(w);
        Finding f = run(new AuthorizedIpRangesCheck(), w, exit51(Subcategory.CONNECTION_TIMED_OUT));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(text(f).contains("is inside service tag AzureCloud.westeurope (its prefix 52.174.0.0/16)"),
                text(f));
    }

    @Test
    void authorizedRanges_serviceTagWithoutTheEgressIp_fails() {
        ArmWorld w = hubAndSpoke().authorizedRanges("10.240.0.0/16", "AzureDevOps");
        hubFirewalls(w, firewall("", null));
        serviceTags(w);
        Finding f = run(new AuthorizedIpRangesCheck(), w, exit51(Subcategory.CONNECTION_TIMED_OUT));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(text(f).contains("nor in the prefixes of its service tags"), text(f));
    }

    @Test
    void authorizedRanges_natGatewayWithPublicIpPrefix_checksThePrefix() {
        ArmWorld w = new ArmWorld().natGateway().authorizedRanges("10.240.0.0/16", "51.105.7.8/32");
        String prefixId = ArmWorld.NET_RG + "/publicIPPrefixes/ippre-nat";
        ((ObjectNode) w.extra.get(ArmWorld.NAT_ID).get("properties")).putArray("publicIpPrefixes").addObject()
                .put("id", prefixId);
        w.extra.put(prefixId, ArmWorld.json("{\"id\":\"" + prefixId + "\",\"name\":\"ippre-nat\",\"location\":"
                + "\"westeurope\",\"sku\":{\"name\":\"Standard\"},\"properties\":{\"provisioningState\":\"Succeeded\","
                + "\"publicIPAddressVersion\":\"IPv4\",\"prefixLength\":30,\"ipPrefix\":\"20.61.8.0/30\"}}"));
        Finding f = run(new AuthorizedIpRangesCheck(), w, exit51(Subcategory.CONNECTION_TIMED_OUT));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("Authorized IP ranges block NAT gateway nat-aks prefix 20.61.8.0/30", f.title());
        assertEquals("20.61.8.0/30", f.actions().get(0).parameters().get(SuggestedAction.CIDR));
    }

    @Test
    void authorizedRanges_egressThroughAnNva_warnsSayingWhyTheEgressIpIsUnknown() {
        ArmWorld w = nva(true, "PowerState/running").authorizedRanges("10.240.0.0/16");
        Finding f = run(new AuthorizedIpRangesCheck(), w, exit51(Subcategory.CONNECTION_TIMED_OUT));
        assertEquals(Outcome.WARN, f.outcome(), text(f));
        assertTrue(f.title().contains("network virtual appliance nva1-nic, whose public address"), f.title());
    }

    // ---------------------------------------------------------------- NSG and required endpoints

    @Test
    void nsgOutbound_exit50NsgDenyingMicrosoftContainerRegistry_failsNamingTheRule() {
        ArmWorld w = new ArmWorld();
        w.rule(w.subnetNsg, "deny-mcr", "Outbound", "Deny", 200, "Tcp", "MicrosoftContainerRegistry", "443");
        Finding f = run(new NsgOutboundCheck(), w, exit50());
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("NSG nsg-nodes rule deny-mcr (priority 200) denies outbound HTTPS mcr.microsoft.com:443 (service "
                + "tag MicrosoftContainerRegistry), which nodes need", f.title());
        assertEquals(ArmWorld.SUBNET_NSG_ID + "/securityRules/deny-mcr", f.evidence().get(0).resourceId());
        assertEquals(Docs.OUTBOUND_RULES, f.docLink());
    }

    @Test
    void nsgOutbound_exit50DefaultRules_passesForEveryRequiredEndpoint() {
        Finding f = run(new NsgOutboundCheck(), new ArmWorld(), exit50());
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(f.title().startsWith("NSGs allow the "), f.title());
    }

    // ---------------------------------------------------------------- hub-and-spoke DNS

    static final String RULESET_ID = "/subscriptions/" + HUB_SUB + "/resourceGroups/rg-hub/providers/Microsoft.Network/"
            + "dnsForwardingRulesets/rs-hub";

    /** A private cluster whose zone is linked only to the hub VNet (10.0.0.0/16). */
    static ArmWorld zoneInHub() {
        ArmWorld w = hubAndSpoke().privateCluster();
        ((ObjectNode) w.dnsZoneLink.get("properties").get("virtualNetwork")).put("id", HUB_VNET);
        w.extra.put(HUB_VNET, ArmWorld.json("{\"id\":\"" + HUB_VNET + "\",\"name\":\"vnet-hub\",\"location\":"
                + "\"westeurope\",\"properties\":{\"provisioningState\":\"Succeeded\",\"addressSpace\":{"
                + "\"addressPrefixes\":[\"10.0.0.0/16\"]},\"subnets\":[]}}"));
        aRecord(w, "10.240.0.200");
        return w;
    }

    static void aRecord(ArmWorld w, String ip) {
        w.extra.put(ArmWorld.DNS_ZONE_ID + "/A", ArmWorld.json("{\"value\":[{\"id\":\"" + ArmWorld.DNS_ZONE_ID
                + "/A/aks1-dns-1a2b3c4d\",\"name\":\"aks1-dns-1a2b3c4d\",\"type\":\"Microsoft.Network/"
                + "privateDnsZones/A\",\"properties\":{\"ttl\":300,\"fqdn\":\"" + ArmWorld.PRIVATE_FQDN
                + ".\",\"isAutoRegistered\":false,\"aRecords\":[{\"ipv4Address\":\"" + ip + "\"}]}}]}"));
    }

    /** A ruleset (DnsForwardingRuleset_ListBySubscription shape) linked to the spoke, forwarding {@code domain}. */
    static void ruleset(ArmWorld w, String domain, String target) {
        w.extra.put("/subscriptions/" + HUB_SUB + "/providers/Microsoft.Network/dnsForwardingRulesets",
                ArmWorld.json("{\"value\":[{\"id\":\"" + RULESET_ID + "\",\"name\":\"rs-hub\",\"type\":"
                        + "\"Microsoft.Network/dnsForwardingRulesets\",\"location\":\"westeurope\",\"properties\":{"
                        + "\"dnsResolverOutboundEndpoints\":[{\"id\":\"" + HUB + "/dnsResolvers/dnsr-hub/outboundEndpoints/"
                        + "out\"}],\"provisioningState\":\"Succeeded\"}}]}"));
        w.extra.put(RULESET_ID + "/virtualNetworkLinks", ArmWorld.json("{\"value\":[{\"id\":\"" + RULESET_ID
                + "/virtualNetworkLinks/spoke\",\"name\":\"spoke\",\"properties\":{\"virtualNetwork\":{\"id\":\""
                + ArmWorld.VNET_ID + "\"},\"provisioningState\":\"Succeeded\"}}]}"));
        w.extra.put(RULESET_ID + "/forwardingRules", ArmWorld.json("{\"value\":[{\"id\":\"" + RULESET_ID
                + "/forwardingRules/aks-privatelink\",\"name\":\"aks-privatelink\",\"properties\":{\"domainName\":\""
                + domain + "\",\"targetDnsServers\":[{\"ipAddress\":\"" + target + "\",\"port\":53}],"
                + "\"forwardingRuleState\":\"Enabled\",\"provisioningState\":\"Succeeded\"}}]}"));
    }

    @Test
    void privateDnsLink_zoneLinkedOnlyToHubWithAForwardingRuleset_passes() {
        ArmWorld w = zoneInHub();
        ruleset(w, "privatelink.westeurope.azmk8s.io.", "10.0.4.4");
        Finding f = run(new PrivateDnsZoneLinkCheck(), w, Diagnoses.dns(52));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(text(f).contains("forwarding ruleset rs-hub (linked to vnet-aks) rule aks-privatelink forwards "
                + "privatelink.westeurope.azmk8s.io. to 10.0.4.4 in VNet vnet-hub, which is linked to the zone"), text(f));
        assertTrue(text(f).contains("A record aks1-dns-1a2b3c4d → 10.240.0.200 matches private endpoint kube-apiserver"),
                text(f));
    }

    @Test
    void privateDnsLink_zoneLinkedOnlyToHubWithoutForwarding_fails() {
        ArmWorld w = zoneInHub();
        ruleset(w, "contoso.internal.", "10.0.4.4");
        Finding f = run(new PrivateDnsZoneLinkCheck(), w, Diagnoses.dns(52));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().startsWith("Private DNS zone not linked to the node VNet, and no forwarding path reaches it"),
                f.title());
        assertTrue(text(f).contains("no DNS forwarding ruleset linked to vnet-aks forwards " + ArmWorld.DNS_ZONE),
                text(f));
    }

    @Test
    void privateDnsLink_customDnsServerOutsideLinkedVnets_failsWithTheForwardingRemedy() {
        ArmWorld w = zoneInHub();
        ((ObjectNode) w.vnet.get("properties")).putObject("dhcpOptions").putArray("dnsServers").add("192.168.10.4");
        Finding f = run(new PrivateDnsZoneLinkCheck(), w, Diagnoses.dns(52));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.remedy().contains("forward " + ArmWorld.DNS_ZONE + " to 168.63.129.16"), f.remedy());
    }

    @Test
    void privateDnsLink_customDnsServerInTheLinkedHub_passes() {
        ArmWorld w = zoneInHub();
        ((ObjectNode) w.vnet.get("properties")).putObject("dhcpOptions").putArray("dnsServers").add("10.0.5.4");
        Finding f = run(new PrivateDnsZoneLinkCheck(), w, Diagnoses.dns(52));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void privateDnsLink_aRecordNotThePrivateEndpoint_fails() {
        ArmWorld w = new ArmWorld().privateCluster();
        aRecord(w, "10.240.0.99");
        Finding f = run(new PrivateDnsZoneLinkCheck(), w, Diagnoses.dns(52));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("The zone's A record for the API server points at 10.240.0.99, not the private endpoint's "
                + "10.240.0.200", f.title());
    }

    // ---------------------------------------------------------------- LinkedAuthorizationFailed

    static final String PRINCIPAL = "8b1a4d2c-0000-4c5e-9f00-00000000c0de";
    static final String NETWORK_CONTRIBUTOR = ArmWorld.SUB_PATH
            + "/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7";
    static final String READER = ArmWorld.SUB_PATH
            + "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7";

    static String assignment(String name, String scope, String roleDefinitionId) {
        return "{\"properties\":{\"roleDefinitionId\":\"" + roleDefinitionId + "\",\"principalId\":\"" + PRINCIPAL
                + "\",\"principalType\":\"ServicePrincipal\",\"scope\":\"" + scope + "\"},\"id\":\"" + scope
                + "/providers/Microsoft.Authorization/roleAssignments/" + name + "\",\"type\":"
                + "\"Microsoft.Authorization/roleAssignments\",\"name\":\"" + name + "\"}";
    }

    static String roleDefinition(String id, String name, String actions) {
        return "{\"properties\":{\"roleName\":\"" + name + "\",\"type\":\"BuiltInRole\",\"description\":\"\","
                + "\"assignableScopes\":[\"/\"],\"permissions\":[{\"actions\":[" + actions + "],\"notActions\":[],"
                + "\"dataActions\":[],\"notDataActions\":[]}]},\"id\":\"" + id + "\",\"type\":"
                + "\"Microsoft.Authorization/roleDefinitions\",\"name\":\"" + id.substring(id.lastIndexOf('/') + 1)
                + "\"}";
    }

    static ArmWorld withIdentityRoles(String routeTableAssignments) {
        ArmWorld w = new ArmWorld();
        w.cluster.putObject("identity").put("type", "SystemAssigned").put("principalId", PRINCIPAL)
                .put("tenantId", "72f988bf-0000-0000-0000-000000000000");
        w.extra.put(ArmWorld.SUBNET_ID + "/providers/Microsoft.Authorization/roleAssignments", ArmWorld.json(
                "{\"value\":[" + assignment("ra-vnet", ArmWorld.VNET_ID, NETWORK_CONTRIBUTOR) + "]}"));
        w.extra.put(ArmWorld.ROUTE_TABLE_ID + "/providers/Microsoft.Authorization/roleAssignments", ArmWorld.json(
                "{\"value\":[" + routeTableAssignments + "]}"));
        w.extra.put(NETWORK_CONTRIBUTOR, ArmWorld.json(roleDefinition(NETWORK_CONTRIBUTOR, "Network Contributor",
                "\"Microsoft.Authorization/*/read\",\"Microsoft.Network/*\",\"Microsoft.Resources/deployments/*\"")));
        w.extra.put(READER, ArmWorld.json(roleDefinition(READER, "Reader", "\"*/read\"")));
        return w;
    }

    @Test
    void identityRoles_linkedAuthorizationFailedWithoutRouteTableJoin_failsNamingTheMissingAction() {
        ArmWorld w = withIdentityRoles(assignment("ra-sub-reader", ArmWorld.SUB_PATH, READER));
        Finding f = run(new IdentityNetworkRolesCheck(), w, Diagnoses.failedState("LinkedAuthorizationFailed"));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("The cluster identity lacks Microsoft.Network/routeTables/join/action on route table rt-nodes "
                + "(LinkedAuthorizationFailed)", f.title());
        assertEquals(ArmWorld.ROUTE_TABLE_ID, f.evidence().get(0).resourceId());
        assertTrue(f.remedy().contains("--role \"Network Contributor\" --scope " + ArmWorld.ROUTE_TABLE_ID), f.remedy());
        assertTrue(text(f).contains("has role Reader at " + ArmWorld.SUB_PATH), text(f));
    }

    @Test
    void identityRoles_networkContributorOnBoth_passes() {
        ArmWorld w = withIdentityRoles(assignment("ra-rt", ArmWorld.ROUTE_TABLE_ID, NETWORK_CONTRIBUTOR));
        Finding f = run(new IdentityNetworkRolesCheck(), w, Diagnoses.failedState("LinkedAuthorizationFailed"));
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    // ---------------------------------------------------------------- locks beyond the node resource group

    @Test
    void resourceLocks_readOnlyLockOnTheVnetGroup_failsNamingIt() {
        ArmWorld w = new ArmWorld();
        String lockId = ArmWorld.SUB_PATH + "/resourceGroups/rg-net/providers/Microsoft.Authorization/locks/net-freeze";
        w.extra.put(ArmWorld.SUB_PATH + "/resourceGroups/rg-net/providers/Microsoft.Authorization/locks",
                ArmWorld.json("{\"value\":[{\"properties\":{\"level\":\"ReadOnly\",\"notes\":\"network change "
                        + "freeze\"},\"id\":\"" + lockId + "\",\"type\":\"Microsoft.Authorization/locks\",\"name\":"
                        + "\"net-freeze\"}]}"));
        w.extra.put(ArmWorld.SUB_PATH + "/providers/Microsoft.Authorization/locks", ArmWorld.json("{\"value\":[]}"));
        Finding f = run(new ResourceLocksCheck(), w, Diagnoses.failedState("ScopeLocked"));
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("Lock net-freeze (ReadOnly) on resource group rg-net blocks AKS", f.title());
        assertEquals(lockId, f.evidence().get(0).resourceId());
    }

    @Test
    void outboundProbe_exit50_testsTheEndpointTheFirewallBlocksNotTheApiServer() {
        ArmWorld w = hubAndSpoke();
        hubFirewalls(w, firewall(appCollection("no-cdn", 100, "Deny", appRule("deny-azureedge", "\"*.azureedge.net\"", ""))
                + "," + appCollection("aks", 200, "Allow", appRule("aks-tag", "", "\"AzureKubernetesService\"")), null));
        Finding f = run(new NodeOutboundProbeCheck(), w, exit50(), true);
        String script = CheckHarness.ARM.requests().stream().filter(r -> r.path().endsWith("/runCommand"))
                .map(FakeArm.Recorded::body).findFirst().orElseThrow();
        assertTrue(script.contains("H='acs-mirror.azureedge.net'"), script);
        assertTrue(text(f).contains("to acs-mirror.azureedge.net: DNS"), text(f));
    }

    // ---------------------------------------------------------------- end to end

    @Test
    void investigate_exit50PrivateClusterBehindHubFirewallWithoutAksTag_likelyCauseNamesTheFirewall() {
        ArmWorld w = hubAndSpoke().privateCluster();
        hubFirewalls(w, firewall(appCollection("ubuntu-updates", 200, "Allow",
                appRule("ubuntu", "\"*.ubuntu.com\"", "")), null));
        InvestigationReport r = PlaybookScenarioTest.answer(w, exit50(), InvestigationOptions.DEFAULT).report();
        Finding f = r.likelyCause().orElseThrow(() -> new AssertionError(r.findings().stream()
                .map(CheckHarness::text).collect(java.util.stream.Collectors.joining("\n"))));
        assertEquals(CheckId.EGRESS_APPLIANCE, f.checkId(), CheckHarness.text(f));
        assertTrue(f.title().startsWith("Azure Firewall fw-hub (subscription " + HUB_SUB + ") has no rule for"),
                f.title());
    }
}
