package dev.aksdoctor.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NsgEvaluatorTest {

    private static final List<NsgRule> ARM_EXAMPLE = ArmExampleJson.rules("/network/NetworkSecurityGroupGet.json");
    private static final List<NsgRule> AKS_NSG = ArmExampleJson.rules("/network/AksNodeSubnetNsg.json");
    private static final List<String> VNET = List.of("10.224.0.0/12", "10.50.0.0/24");

    @ParameterizedTest(name = "{0} {1} -> {2}:{3} {4}: {5} by {6}")
    @CsvSource({
            "INBOUND,  203.0.113.10,  10.0.0.4,     80,    Tcp, true,  rule1",
            "INBOUND,  203.0.113.10,  10.0.0.4,     443,   Tcp, false, DenyAllInBound",
            "INBOUND,  10.0.1.9,      10.0.0.4,     22,    Tcp, true,  AllowVnetInBound",
            "INBOUND,  168.63.129.16, 10.0.0.4,     10256, Tcp, true,  AllowAzureLoadBalancerInBound",
            "OUTBOUND, 10.0.0.4,      98.67.228.23, 443,   Tcp, true,  AllowInternetOutBound",
            "OUTBOUND, 10.0.0.4,      10.0.3.7,     5432,  Tcp, true,  AllowVnetOutBound",
            "OUTBOUND, 10.0.0.4,      192.168.7.7,  443,   Tcp, false, DenyAllOutBound",
            "OUTBOUND, 10.0.0.4,      100.64.1.1,   443,   Tcp, false, DenyAllOutBound"
    })
    void evaluate_armExampleNsg_firstMatchingRuleByPriorityDecides(Direction direction, String src, String dst,
            int port, String protocol, boolean allowed, String rule) {
        AddressContext ctx = new AddressContext(List.of("10.0.0.0/16"), "westus", false);
        NsgVerdict verdict = NsgEvaluator.evaluate(ARM_EXAMPLE, direction, new Flow(src, dst, port, protocol), ctx);
        assertEquals(allowed, verdict.allowed(), verdict.explanation());
        assertEquals(rule, verdict.decidingRule().name());
        assertTrue(verdict.certain(), verdict.explanation());
    }

    static Stream<Arguments> aksFlows() {
        return Stream.of(
                // API server public IP in uksouth, reached through the AzureCloud.uksouth allow; Storage rule ahead is undecidable
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "98.67.228.23", 443, "Tcp", "uksouth", true, true,
                        "allow-apiserver-azurecloud", false),
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "98.67.228.23", 443, "Tcp", "eastus", true, false,
                        "deny-internet-outbound", false),
                // not known to be an Azure IP: AzureCloud cannot be decided either
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "98.67.228.23", 443, "Tcp", "uksouth", false, false,
                        "deny-internet-outbound", false),
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "20.50.1.1", 8445, "Tcp", "uksouth", false, false,
                        "deny-partner-range", true),
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "20.50.1.1", 443, "Tcp", "uksouth", false, false,
                        "deny-partner-range", false),
                Arguments.of(Direction.OUTBOUND, "10.225.0.4", "20.50.1.1", 8445, "Tcp", "uksouth", false, false,
                        "deny-internet-outbound", true),
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "10.50.0.5", 53, "Udp", "uksouth", false, true,
                        "allow-custom-dns", true),
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "10.50.0.9", 53, "Udp", "uksouth", false, true,
                        "AllowVnetOutBound", true),
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "10.230.1.1", 5432, "Tcp", "uksouth", false, true,
                        "AllowVnetOutBound", true),
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "8.8.8.8", 53, "Udp", "uksouth", false, false,
                        "deny-internet-outbound", true),
                Arguments.of(Direction.OUTBOUND, "10.224.0.4", "8.8.8.8", 0, "Icmp", "uksouth", false, false,
                        "deny-internet-outbound", true),
                Arguments.of(Direction.INBOUND, "203.0.113.10", "10.224.0.4", 443, "Tcp", "uksouth", false, true,
                        "allow-https-inbound", true),
                Arguments.of(Direction.INBOUND, "203.0.113.10", "10.224.0.4", 22, "Tcp", "uksouth", false, false,
                        "DenyAllInBound", true));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}:{3} {4} ({5}, azure ip {6}): {7} by {8}")
    @MethodSource("aksFlows")
    void evaluate_aksNodeSubnetNsg_decidesLikeAzure(Direction direction, String src, String dst, int port,
            String protocol, String region, boolean azureIp, boolean allowed, String rule, boolean certain) {
        AddressContext ctx = new AddressContext(VNET, region, azureIp);
        NsgVerdict verdict = NsgEvaluator.evaluate(AKS_NSG, direction, new Flow(src, dst, port, protocol), ctx);
        assertEquals(allowed, verdict.allowed(), verdict.explanation());
        assertEquals(rule, verdict.decidingRule().name(), verdict.explanation());
        assertEquals(certain, verdict.certain(), verdict.explanation());
    }

    @Test
    void evaluate_unknownServiceTagAhead_explanationSaysItWasSkipped() {
        AddressContext ctx = new AddressContext(VNET, "uksouth", true);
        NsgVerdict verdict = NsgEvaluator.evaluate(AKS_NSG, Direction.OUTBOUND,
                new Flow("10.224.0.4", "98.67.228.23", 443, "Tcp"), ctx);
        assertEquals(List.of("allow-storage"), verdict.undecidedRules());
        assertTrue(verdict.explanation().contains("service tag 'Storage' is unknown here and was skipped"),
                verdict.explanation());
        assertTrue(verdict.explanation().startsWith("Allowed by rule 'allow-apiserver-azurecloud' (priority 200"),
                verdict.explanation());
    }

    @Test
    void evaluate_noDefaultRulesSupplied_addsAzuresDefaults() {
        NsgRule allowDns = rule("allow-dns", 100, Access.ALLOW, "Udp", List.of("53"), List.of("*"));
        NsgVerdict verdict = NsgEvaluator.evaluate(List.of(allowDns), Direction.OUTBOUND,
                new Flow("10.224.0.4", "192.168.1.1", 443, "Tcp"), new AddressContext(VNET, "uksouth", false));
        assertFalse(verdict.allowed());
        assertEquals("DenyAllOutBound", verdict.decidingRule().name());
        assertTrue(verdict.decidingRule().defaultRule());
        assertTrue(verdict.explanation().contains("default rules were assumed"), verdict.explanation());
    }

    @Test
    void azureDefaults_sixRules_haveAzuresNamesAndPriorities() {
        assertEquals(List.of("AllowVnetInBound:65000", "AllowAzureLoadBalancerInBound:65001", "DenyAllInBound:65500",
                "AllowVnetOutBound:65000", "AllowInternetOutBound:65001", "DenyAllOutBound:65500"),
                NsgRule.azureDefaults().stream().map(r -> r.name() + ":" + r.priority()).toList());
    }

    @Test
    void evaluate_rulesOutOfOrder_lowestPriorityNumberWins() {
        NsgRule allow = rule("allow-443", 400, Access.ALLOW, "Tcp", List.of("443"), List.of("*"));
        NsgRule deny = rule("deny-443", 200, Access.DENY, "Tcp", List.of("443"), List.of("*"));
        NsgVerdict verdict = NsgEvaluator.evaluate(List.of(allow, deny), Direction.OUTBOUND,
                new Flow("10.224.0.4", "98.67.228.23", 443, "Tcp"), new AddressContext(VNET, "uksouth", true));
        assertEquals("deny-443", verdict.decidingRule().name());
    }

    @ParameterizedTest(name = "ports {0} protocol {1} vs {2}/{3}: {4}")
    @CsvSource({
            "443,            Tcp, 443,   Tcp,  true",
            "443,            Tcp, 443,   Udp,  false",
            "443,            TCP, 443,   Tcp,  true",
            "443,            *,   443,   Udp,  true",
            "443,            Any, 443,   Tcp,  true",
            "400-500,        Tcp, 443,   Tcp,  true",
            "400-500,        Tcp, 400,   Tcp,  true",
            "400-500,        Tcp, 500,   Tcp,  true",
            "400-500,        Tcp, 501,   Tcp,  false",
            "*,              Tcp, 65535, Tcp,  true",
            "80;443;9000,    Tcp, 9000,  Tcp,  true",
            "80;443;9000,    Tcp, 8080,  Tcp,  false",
            "'80,443',       Tcp, 443,   Tcp,  true",
            "1-65535,        Tcp, 1,     Tcp,  true",
            "22,             *,   0,     Icmp, true"
    })
    void evaluate_portsAndProtocols_matchLikeAzure(String ports, String ruleProtocol, int port, String protocol,
            boolean matches) {
        NsgRule deny = rule("under-test", 100, Access.DENY, ruleProtocol, List.of(ports.split(";")), List.of("*"));
        NsgVerdict verdict = NsgEvaluator.evaluate(List.of(deny), Direction.OUTBOUND,
                new Flow("10.224.0.4", "98.67.228.23", port, protocol), new AddressContext(VNET, "uksouth", false));
        assertEquals(matches, "under-test".equals(verdict.decidingRule().name()), verdict.explanation());
    }

    @ParameterizedTest(name = "destination {0} vs {1} ({2}, azure ip {3}): {4}")
    @CsvSource({
            "Internet,           98.67.228.23,  uksouth, false, true",
            "INTERNET,           98.67.228.23,  uksouth, false, true",
            "internet,           10.224.0.9,    uksouth, false, false",
            "Internet,           172.16.0.1,    uksouth, false, false",
            "VirtualNetwork,     10.50.0.7,     uksouth, false, true",
            "virtualnetwork,     10.50.1.7,     uksouth, false, false",
            "AzureCloud,         98.67.228.23,  uksouth, true,  true",
            "AzureCloud.UKSouth, 98.67.228.23,  uksouth, true,  true",
            "AzureCloud.eastus,  98.67.228.23,  uksouth, true,  false",
            "AzureCloud,         10.224.0.9,    uksouth, true,  false",
            "AzureLoadBalancer,  168.63.129.16, uksouth, false, true",
            "98.67.228.0/24,     98.67.228.23,  uksouth, false, true",
            "98.67.228.23,       98.67.228.23,  uksouth, false, true",
            "98.67.228.24,       98.67.228.23,  uksouth, false, false",
            "0.0.0.0/0,          2603:1030::1,  uksouth, false, false",
            "::/0,               2603:1030::1,  uksouth, false, true",
            "*,                  2603:1030::1,  uksouth, false, true"
    })
    void evaluate_destinationPrefixesAndTags_matchLikeAzure(String prefix, String destination, String region,
            boolean azureIp, boolean matches) {
        NsgRule deny = rule("under-test", 100, Access.DENY, "*", List.of("*"), List.of(prefix));
        NsgVerdict verdict = NsgEvaluator.evaluate(List.of(deny), Direction.OUTBOUND,
                new Flow("10.224.0.4", destination, 443, "Tcp"), new AddressContext(VNET, region, azureIp));
        assertEquals(matches, "under-test".equals(verdict.decidingRule().name()), verdict.explanation());
        assertTrue(verdict.undecidedRules().isEmpty(), verdict.explanation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "service tag,         Storage,       *,   is unknown here",
            "application group,   ,              *,   application security group",
            "source port limited, *,             1024-2000, ephemeral",
            "invalid prefix,      10.0.0.0/99,   *,   is not valid"
    })
    void evaluate_undecidableDenyRule_isSkippedAndReported(String label, String prefix, String sourcePorts,
            String note) {
        List<String> destinations = prefix == null ? List.of() : List.of(prefix);
        NsgRule deny = new NsgRule("under-test", null, Direction.OUTBOUND, Access.DENY, 100, "Tcp", List.of("*"),
                List.of(sourcePorts), destinations, List.of("443"), false);
        NsgVerdict verdict = NsgEvaluator.evaluate(List.of(deny), Direction.OUTBOUND,
                new Flow("10.224.0.4", "98.67.228.23", 443, "Tcp"), new AddressContext(VNET, "uksouth", false));
        assertEquals("AllowInternetOutBound", verdict.decidingRule().name());
        assertEquals(List.of("under-test"), verdict.undecidedRules());
        assertFalse(verdict.certain());
        assertTrue(verdict.explanation().contains(note), verdict.explanation());
    }

    @Test
    void evaluate_vnetAddressSpaceUnknown_vnetRulesAreUndecided() {
        NsgVerdict verdict = NsgEvaluator.evaluate(List.of(), Direction.OUTBOUND,
                new Flow("10.224.0.4", "10.224.0.5", 443, "Tcp"), new AddressContext(List.of(), "uksouth", false));
        assertEquals("DenyAllOutBound", verdict.decidingRule().name());
        assertEquals(List.of("AllowVnetOutBound"), verdict.undecidedRules());
        assertTrue(verdict.explanation().contains("VNet address space is not known"), verdict.explanation());
    }

    @Test
    void evaluate_badInput_doesNotThrow() {
        NsgVerdict noFlow = NsgEvaluator.evaluate(AKS_NSG, Direction.OUTBOUND, null, null);
        assertFalse(noFlow.allowed());
        assertNull(noFlow.decidingRule());
        NsgVerdict garbage = NsgEvaluator.evaluate(null, Direction.OUTBOUND, new Flow("x", "y; rm -rf /", 443, null), null);
        assertEquals("DenyAllOutBound", garbage.decidingRule().name());
        assertFalse(garbage.certain());
    }

    @Test
    void evaluatePath_outboundNicDenies_subnetNsgNeverReached() {
        NsgLayer nic = new NsgLayer("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nic-nsg",
                List.of(rule("deny-443", 100, Access.DENY, "Tcp", List.of("443"), List.of("*"))));
        NsgLayer subnet = new NsgLayer(ArmExampleJson.id("/network/AksNodeSubnetNsg.json"), AKS_NSG);
        NsgPathVerdict verdict = NsgEvaluator.evaluatePath(subnet, nic, Direction.OUTBOUND,
                new Flow("10.224.0.4", "98.67.228.23", 443, "Tcp"), new AddressContext(VNET, "uksouth", true));
        assertFalse(verdict.allowed());
        assertEquals(nic.nsgId(), verdict.denyingNsgId());
        assertEquals("deny-443", verdict.denyingRule().name());
        assertNull(verdict.subnetVerdict());
        assertTrue(verdict.explanation().startsWith("Denied by NIC NSG 'nic-nsg'"), verdict.explanation());
    }

    @Test
    void evaluatePath_outboundSubnetDeniesAfterNicAllows_namesSubnetNsg() {
        NsgLayer nic = new NsgLayer("nic-nsg", List.of());
        NsgLayer subnet = new NsgLayer(ArmExampleJson.id("/network/AksNodeSubnetNsg.json"), AKS_NSG);
        NsgPathVerdict verdict = NsgEvaluator.evaluatePath(subnet, nic, Direction.OUTBOUND,
                new Flow("10.224.0.4", "20.50.1.1", 8443, "Tcp"), new AddressContext(VNET, "uksouth", false));
        assertFalse(verdict.allowed());
        assertEquals(subnet.nsgId(), verdict.denyingNsgId());
        assertEquals("deny-partner-range", verdict.denyingRule().name());
        assertTrue(verdict.nicVerdict().allowed());
        assertTrue(verdict.certain(), verdict.explanation());
        assertTrue(verdict.explanation().startsWith("Denied by subnet NSG 'aks-agentpool-12345678-nsg'"),
                verdict.explanation());
    }

    @Test
    void evaluatePath_inboundSubnetDenies_nicNsgNeverReached() {
        NsgLayer nic = new NsgLayer("nic-nsg", List.of(rule("allow-all-in", 100, Access.ALLOW, "*", List.of("*"), List.of("*"))));
        NsgLayer subnet = new NsgLayer("subnet-nsg", ARM_EXAMPLE);
        NsgPathVerdict verdict = NsgEvaluator.evaluatePath(subnet, nic, Direction.INBOUND,
                new Flow("203.0.113.10", "10.0.0.4", 22, "Tcp"), new AddressContext(List.of("10.0.0.0/16"), "westus", false));
        assertFalse(verdict.allowed());
        assertEquals("subnet-nsg", verdict.denyingNsgId());
        assertEquals("DenyAllInBound", verdict.denyingRule().name());
        assertNull(verdict.nicVerdict());
    }

    @Test
    void evaluatePath_undecidableRuleInSubnetNsg_isNotCertain() {
        NsgLayer subnet = new NsgLayer(ArmExampleJson.id("/network/AksNodeSubnetNsg.json"), AKS_NSG);
        NsgPathVerdict verdict = NsgEvaluator.evaluatePath(subnet, null, Direction.OUTBOUND,
                new Flow("10.224.0.4", "98.67.228.23", 443, "Tcp"), new AddressContext(VNET, "uksouth", true));
        assertTrue(verdict.allowed());
        assertFalse(verdict.certain());
    }

    @Test
    void evaluatePath_noNsgAnywhere_allowed() {
        NsgPathVerdict verdict = NsgEvaluator.evaluatePath(null, new NsgLayer(null, List.of()), Direction.OUTBOUND,
                new Flow("10.224.0.4", "98.67.228.23", 443, "Tcp"), new AddressContext(VNET, "uksouth", true));
        assertTrue(verdict.allowed());
        assertNull(verdict.denyingNsgId());
        assertEquals("Allowed: no NIC NSG associated; no subnet NSG associated", verdict.explanation());
    }

    private static NsgRule rule(String name, int priority, Access access, String protocol, List<String> ports,
            List<String> destinations) {
        return new NsgRule(name, null, Direction.OUTBOUND, access, priority, protocol, List.of("*"), List.of("*"),
                destinations, ports, false);
    }

    private static final List<NsgRule> EGRESS_NSG = List.of(
            outbound("deny-mcr", 100, Access.DENY, "Tcp", "443", "MicrosoftContainerRegistry"),
            outbound("allow-aad", 110, Access.ALLOW, "Tcp", "443", "AzureActiveDirectory"),
            outbound("allow-azurecloud", 200, Access.ALLOW, "Tcp", "443", "AzureCloud"),
            outbound("deny-internet", 4000, Access.DENY, "*", "*", "Internet"));

    private static NsgRule outbound(String name, int priority, Access access, String protocol, String port,
            String destination) {
        return new NsgRule(name, "/nsg/rules/" + name, Direction.OUTBOUND, access, priority, protocol, List.of("*"),
                List.of("*"), List.of(destination), List.of(port), false);
    }

    @ParameterizedTest(name = "{0}: allowed {1} by {2}, certain {3}")
    @CsvSource({
            "mcr.microsoft.com,             false, deny-mcr,         true",
            "login.microsoftonline.com,     true,  allow-aad,        true",
            "management.azure.com,          true,  allow-azurecloud, true",
            "*.hcp.uksouth.azmk8s.io,       true,  allow-azurecloud, true",
            "*.data.mcr.microsoft.com,      false, deny-internet,    false",
            "packages.microsoft.com,        false, deny-internet,    false"
    })
    void evaluateEndpoint_requiredEndpoints_decidedByTheirServiceTag(String host, boolean allowed, String rule,
            boolean certain) {
        RequiredEndpoint e = AksEndpoints.requiredOutbound(ClusterOptions.basic(Cloud.PUBLIC, "uksouth", null, false))
                .stream().filter(x -> x.host().equals(host)).findFirst().orElseThrow();
        NsgPathVerdict v = NsgEvaluator.evaluateEndpoint(new NsgLayer("/nsg/aks-egress", EGRESS_NSG), null,
                "10.224.0.4", e, new AddressContext(VNET, "uksouth", false));
        assertEquals(allowed, v.allowed(), v.explanation());
        NsgVerdict subnet = v.subnetVerdict();
        assertEquals(rule, subnet.decidingRule().name(), v.explanation());
        assertEquals(certain, v.certain(), v.explanation());
    }

    @Test
    void evaluateEndpoint_nsgDenyingMcr_explanationNamesTheRuleAndTheHost() {
        RequiredEndpoint mcr = AksEndpoints.requiredOutbound("aks-1.privatelink.uksouth.azmk8s.io").stream()
                .filter(x -> x.host().equals("mcr.microsoft.com")).findFirst().orElseThrow();
        NsgPathVerdict v = NsgEvaluator.evaluateEndpoint(new NsgLayer("/subscriptions/s/resourceGroups/rg/providers/"
                + "Microsoft.Network/networkSecurityGroups/nsg-aks", EGRESS_NSG), null, "10.224.0.4", mcr,
                new AddressContext(VNET, "uksouth", false));
        assertFalse(v.allowed());
        assertEquals("/nsg/rules/deny-mcr", v.denyingRule().resourceId());
        assertTrue(v.explanation().startsWith("Denied by subnet NSG 'nsg-aks': Denied by rule 'deny-mcr' (priority 100, "
                + "outbound Tcp from * to MicrosoftContainerRegistry port 443) for TCP 10.224.0.4 -> mcr.microsoft.com:443"),
                v.explanation());
    }

    @Test
    void evaluateEndpoint_defaultRouteInTheVnetTag_allowVnetOutBoundHoldsEveryHost() {
        RequiredEndpoint mcr = new RequiredEndpoint("mcr.microsoft.com", 443, "HTTPS", "mcr", "MicrosoftContainerRegistry",
                List.of(), null, false);
        List<NsgRule> onlyDefaults = List.of(outbound("deny-storage", 4000, Access.DENY, "*", "*", "Storage"));
        NsgPathVerdict v = NsgEvaluator.evaluateEndpoint(new NsgLayer("/nsg/x", onlyDefaults), null, "10.224.0.4",
                mcr, new AddressContext(List.of("10.224.0.0/12", "0.0.0.0/0"), "uksouth", false));
        assertTrue(v.allowed(), v.explanation());
        assertEquals("AllowVnetOutBound", v.subnetVerdict().decidingRule().name());
    }

    @Test
    void evaluate_serviceTagPrefixesKnown_decidesTagsByAddress() {
        AddressContext ctx = new AddressContext(VNET, "uksouth", false).withServiceTagPrefixes(Map.of(
                "Storage", List.of("20.38.0.0/16"), "AzureCloud.uksouth", List.of("98.67.128.0/17")));
        NsgVerdict verdict = NsgEvaluator.evaluate(AKS_NSG, Direction.OUTBOUND,
                new Flow("10.224.0.4", "98.67.228.23", 443, "Tcp"), ctx);
        assertTrue(verdict.allowed(), verdict.explanation());
        assertEquals("allow-apiserver-azurecloud", verdict.decidingRule().name());
        assertTrue(verdict.certain(), verdict.explanation());
    }
}
