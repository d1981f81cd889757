package dev.aksdoctor.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirewallRulesTest {

    private static final String IPG = "/subscriptions/5e3c1b2a-0000-4d3e-9f10-aaaaaaaaaaaa/resourcegroups/rg-hub/providers/"
            + "microsoft.network/ipgroups/ipg-aks-nodes";
    private static final Map<String, List<String>> IP_GROUPS = Map.of(IPG, List.of("10.224.0.0/16"));
    private static final List<String> NODE_SUBNET = List.of("10.224.0.0/16");
    private static final String API = "aks-prod-dns-1a2b3c4d.hcp.uksouth.azmk8s.io";

    private static final FirewallRuleSet HUB = ArmFirewallJson.classic("/network/AksHubFirewallGet.json", IP_GROUPS);
    private static final FirewallRuleSet ARM_EXAMPLE = ArmFirewallJson.classic("/network/AzureFirewallGet.json", Map.of());
    private static final FirewallRuleSet POLICY = ArmFirewallJson.policy("/network/FirewallPolicyWithParent.json",
            "fw-hub-premium", IP_GROUPS);

    private static RequiredEndpoint endpoint(String host) {
        return AksEndpoints.requiredOutbound(ClusterOptions.basic(Cloud.PUBLIC, "uksouth", API, false)).stream()
                .filter(e -> e.host().equals(host)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}/{3}")
    @CsvSource({
            "aks-prod-dns-1a2b3c4d.hcp.uksouth.azmk8s.io, NO_RULE,   ,           ",
            "mcr.microsoft.com,                           UNDECIDED, aks-network, mcr-by-tag",
            "*.data.mcr.microsoft.com,                    UNDECIDED, aks-egress,  mcr-westeurope-only",
            "mcr-0001.mcr-msedge.net,                     NO_RULE,   ,           ",
            "management.azure.com,                        ALLOWED,   aks-egress,  azure-apis",
            "login.microsoftonline.com,                   ALLOWED,   aks-egress,  azure-apis",
            "packages.microsoft.com,                      ALLOWED,   aks-egress,  azure-apis",
            "acs-mirror.azureedge.net,                    DENIED,    block-cdn,   deny-azureedge",
            "packages.aks.azure.com,                      NO_RULE,   ,           "
    })
    void evaluate_hubFirewallWithoutTheAksTag_decidesEachRequiredEndpoint(String host, FirewallDecision decision,
            String collection, String rule) {
        FirewallVerdict v = FirewallEvaluator.evaluate(HUB, NODE_SUBNET, endpoint(host), List.of());
        assertEquals(decision, v.decision(), v.explanation());
        assertEquals(collection, v.collection() == null ? null : v.collection().name(), v.explanation());
        assertEquals(rule, v.rule() == null ? null : v.rule().name(), v.explanation());
        assertTrue(v.explanation().contains("fw-hub-uksouth"), v.explanation());
    }

    @Test
    void evaluate_noRuleAllows_namesTheFqdnTagThatWouldAndCountsTheRules() {
        FirewallVerdict v = FirewallEvaluator.evaluate(HUB, NODE_SUBNET, endpoint(API), List.of());
        assertTrue(v.blocked());
        assertEquals("No rule of firewall 'fw-hub-uksouth' allows HTTPS " + API + ":443 from 10.224.0.0/16 (7 rules "
                + "checked), so the firewall denies it by default; it needs an application rule for " + API
                + " (or the FQDN tag AzureKubernetesService) on Https:443", v.explanation());
    }

    @Test
    void evaluate_partialSourceAhead_isUndecidedAndSaysWhy() {
        FirewallVerdict v = FirewallEvaluator.evaluate(HUB, NODE_SUBNET, endpoint("mcr.microsoft.com"), List.of());
        assertFalse(v.blocked());
        assertTrue(v.explanation().contains("source 10.224.0.0/24 covers only part of 10.224.0.0/16"), v.explanation());
    }

    @Test
    void evaluate_aksFqdnTagAdded_allowsTheApiServerButAnEarlierDenyStillWins() {
        List<FirewallRuleCollection> collections = new ArrayList<>(HUB.collections());
        collections.add(new FirewallRuleCollection("aks-tag", "/x/aks-tag", null, false, null, 0, 200,
                FirewallAction.ALLOW, FirewallRuleKind.APPLICATION, List.of(FirewallRule.application("aks",
                        List.of("10.224.0.0/16"), List.of(), List.of("Https:443", "Http:80"), List.of(),
                        List.of("AzureKubernetesService"), false))));
        FirewallRuleSet withTag = new FirewallRuleSet(HUB.firewallId(), HUB.firewallName(), collections,
                HUB.ipGroups(), true, false);

        FirewallVerdict api = FirewallEvaluator.evaluate(withTag, NODE_SUBNET, endpoint(API), List.of());
        assertEquals(FirewallDecision.ALLOWED, api.decision(), api.explanation());
        assertEquals("aks", api.rule().name());
        FirewallVerdict mirror = FirewallEvaluator.evaluate(withTag, NODE_SUBNET, endpoint("acs-mirror.azureedge.net"),
                List.of());
        assertEquals(FirewallDecision.DENIED, mirror.decision(), mirror.explanation());
        FirewallVerdict mcr = FirewallEvaluator.evaluate(withTag, NODE_SUBNET, endpoint("mcr.microsoft.com"), List.of());
        assertEquals(FirewallDecision.ALLOWED, mcr.decision(), mcr.explanation());
        assertTrue(mcr.explanation().contains("not certain"), mcr.explanation());
    }

    @Test
    void evaluate_unknownIpGroup_leavesTheRuleUndecided() {
        FirewallRuleSet noGroups = ArmFirewallJson.classic("/network/AksHubFirewallGet.json", Map.of());
        FirewallVerdict v = FirewallEvaluator.evaluate(noGroups, NODE_SUBNET, endpoint("*.data.mcr.microsoft.com"),
                List.of());
        assertEquals(FirewallDecision.UNDECIDED, v.decision());
        assertTrue(v.explanation().contains("source IP group ipg-aks-nodes is not known"), v.explanation());
    }

    @ParameterizedTest(name = "{0} {1} -> {2} by {3}")
    @CsvSource({
            "10.0.0.0/24, www.test.com,      DENIED,    rule1",
            "10.1.4.20,   www.test.com,      DENIED,    L4-traffic",
            "10.1.4.20,   mcr.microsoft.com, DENIED,    L4-traffic",
            "10.1.4.0/24, mcr.microsoft.com, UNDECIDED, L4-traffic",
            "10.0.0.0/24, mcr.microsoft.com, NO_RULE,   "
    })
    void evaluate_armExample_networkRulesBeforeApplicationRules(String source, String host, FirewallDecision decision,
            String rule) {
        RequiredEndpoint e = new RequiredEndpoint(host, 443, "HTTPS", "test");
        FirewallVerdict v = FirewallEvaluator.evaluate(ARM_EXAMPLE, List.of(source), e, List.of());
        assertEquals(decision, v.decision(), v.explanation());
        assertEquals(rule, v.rule() == null ? null : v.rule().name(), v.explanation());
    }

    @Test
    void evaluate_policyWithParent_parentGroupsComeFirstWhateverTheirPriority() {
        FirewallVerdict v = FirewallEvaluator.evaluate(POLICY, NODE_SUBNET, endpoint("acs-mirror.azureedge.net"),
                List.of());
        assertEquals(FirewallDecision.DENIED, v.decision(), v.explanation());
        assertEquals("azureedge", v.rule().name());
        assertTrue(v.explanation().contains("application rule collection 'deny-unmanaged-cdn' (priority 65000, deny) in "
                + "rule collection group 'platform-baseline' (priority 65000) of parent policy 'fwp-platform-base'"),
                v.explanation());
    }

    @Test
    void evaluate_premiumPolicyTerminatingTlsOnTheAksTag_isTlsInspection() {
        FirewallVerdict v = FirewallEvaluator.evaluate(POLICY, NODE_SUBNET, endpoint(API), List.of());
        assertEquals(FirewallDecision.ALLOWED, v.decision(), v.explanation());
        assertTrue(v.tlsInspected(), v.explanation());
        assertEquals("aks-tag-inspected", v.rule().name());
        assertTrue(v.explanation().contains("terminates TLS"), v.explanation());
    }

    @Test
    void evaluate_networkRuleWithFqdn_needsTheDnsProxy() {
        RequiredEndpoint ntp = new RequiredEndpoint("ntp.ubuntu.com", 123, "UDP", "time");
        assertEquals(FirewallDecision.ALLOWED, FirewallEvaluator.evaluate(POLICY, NODE_SUBNET, ntp, List.of()).decision());
        FirewallRuleSet noProxy = new FirewallRuleSet(POLICY.firewallId(), POLICY.firewallName(), POLICY.collections(),
                POLICY.ipGroups(), false, true);
        FirewallVerdict v = FirewallEvaluator.evaluate(noProxy, NODE_SUBNET, ntp, List.of());
        assertEquals(FirewallDecision.UNDECIDED, v.decision());
        assertTrue(v.explanation().contains("DNS proxy"), v.explanation());
    }

    @Test
    void evaluateAll_privateCluster_skipsThePrivateEndpointAndListsBlockedFirst() {
        List<RequiredEndpoint> endpoints = AksEndpoints.requiredOutbound(ClusterOptions.basic(Cloud.PUBLIC, "uksouth",
                "aks-prod-1a2b.privatelink.uksouth.azmk8s.io", true));
        List<FirewallVerdict> verdicts = FirewallEvaluator.evaluateAll(HUB, NODE_SUBNET, endpoints);
        assertEquals(endpoints.size() - 1, verdicts.size());
        assertTrue(verdicts.get(0).blocked(), verdicts.get(0).explanation());
        assertTrue(verdicts.stream().noneMatch(v -> v.endpoint().host().contains("privatelink")));
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "*,                                 mcr.microsoft.com,          YES",
            "mcr.microsoft.com,                 MCR.microsoft.com,          YES",
            "*.microsoft.com,                   mcr.microsoft.com,          YES",
            "*.microsoft.com,                   microsoft.com,              NO",
            "*microsoft.com,                    mcr.microsoft.com,          YES",
            "*.mcr.microsoft.com,               *.data.mcr.microsoft.com,   YES",
            "*.data.mcr.microsoft.com,          *.data.mcr.microsoft.com,   YES",
            "westeurope.data.mcr.microsoft.com, *.data.mcr.microsoft.com,   UNKNOWN",
            "*.westeurope.data.mcr.microsoft.com, *.data.mcr.microsoft.com, UNKNOWN",
            "mcr.microsoft.com,                 *.data.mcr.microsoft.com,   NO",
            "*.hcp.uksouth.azmk8s.io,           x.hcp.uksouth.azmk8s.io,    YES",
            "*.azmk8s.io,                       x.privatelink.uksouth.azmk8s.io, YES",
            "hcp.uksouth.azmk8s.io.evil.com,    x.hcp.uksouth.azmk8s.io,    NO"
    })
    void hostPatterns_azureFirewallWildcards(String pattern, String host, Tri expected) {
        assertEquals(expected, HostPatterns.covers(pattern, host));
    }

    @ParameterizedTest(name = "{0} holds {1}: {2}")
    @CsvSource({
            "MicrosoftContainerRegistry,            MicrosoftContainerRegistry, YES",
            "AzureCloud,                            MicrosoftContainerRegistry, YES",
            "AzureCloud,                            AzureCloud.uksouth,         YES",
            "AzureCloud.uksouth,                    AzureCloud.uksouth,         YES",
            "AzureCloud.ukwest,                     AzureCloud.uksouth,         NO",
            "MicrosoftContainerRegistry.uksouth,    MicrosoftContainerRegistry, UNKNOWN",
            "Storage,                               MicrosoftContainerRegistry, NO",
            "AzureCloud,                            AzureFrontDoor.FirstParty,  UNKNOWN",
            "AzureFrontDoor.FirstParty,             AzureFrontDoor.FirstParty,  YES",
            "AzureCloud,                            ,                           UNKNOWN",
            "AzureActiveDirectory,                  ,                           NO"
    })
    void tagCovers_serviceTags(String ruleTag, String endpointTag, Tri expected) {
        assertEquals(expected, FirewallEvaluator.tagCovers(ruleTag, endpointTag, "host", new ArrayList<>()));
    }

    @Test
    void verdict_allowed_isNotBlocked() {
        FirewallVerdict v = FirewallEvaluator.evaluate(HUB, NODE_SUBNET, endpoint("management.azure.com"), List.of());
        assertFalse(v.blocked());
        assertFalse(v.tlsInspected());
        assertNull(v.collection().groupName());
    }
}
