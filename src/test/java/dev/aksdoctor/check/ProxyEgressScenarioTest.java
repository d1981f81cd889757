package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.TestAzureConfig;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Exit 50 on a cluster with an HTTP proxy: the required endpoints outside noProxy are reached through the proxy,
 * so the NSG path judged is the one to the proxy's address and port, not to MCR and the internet.
 */
class ProxyEgressScenarioTest {

    private static final PasteParser PARSER = new PasteParser();
    private static final String PROXY_IP = "10.240.8.4";
    private static final String PROXY_URL = "http://" + PROXY_IP + ":3128";

    private static Diagnosis exit50Paste() {
        return PARSER.parse("aks-nodepool1-12345678-vmss000000: VMExtensionError_OutBoundConnFail: Enable failed: "
                + "exit status=50\ncluster: " + ArmWorld.CLUSTER_ID);
    }

    private static ArmWorld withProxy(String url, String... noProxy) {
        ArmWorld w = new ArmWorld();
        ObjectNode proxy = w.clusterProperties().putObject("httpProxyConfig");
        proxy.put("httpProxy", url + "/");
        proxy.put("httpsProxy", url + "/");
        ArrayNode list = proxy.putArray("noProxy");
        list.add("localhost").add("127.0.0.1").add("168.63.129.16").add("10.0.0.0/16");
        for (String n : noProxy) {
            list.add(n);
        }
        return w;
    }

    /** A locked-down subnet: the API server (reached directly, AKS keeps it in noProxy) and NTP, no internet. */
    private static ArmWorld denyInternetButApiServerAndNtp(ArmWorld w) {
        w.rule(w.subnetNsg, "allow-apiserver", "Outbound", "Allow", 110, "Tcp", "AzureCloud.westeurope", "443");
        w.rule(w.subnetNsg, "allow-ntp", "Outbound", "Allow", 120, "Udp", "*", "123");
        return w.rule(w.subnetNsg, "deny-internet-out", "Outbound", "Deny", 200, "*", "Internet", "*");
    }

    private static Answer answer(ArmWorld w, Map<String, String> dns) {
        CheckHarness.ARM.reset();
        w.install(CheckHarness.ARM);
        TestAzureConfig config = TestAzureConfig.fake().withSubscriptions(List.of(ArmWorld.SUB));
        Investigator investigator = new Investigator(CheckHarness.GATEWAY, new ClusterLocator(
                new ClusterInventory(CheckHarness.GATEWAY, config, Clock.systemUTC()), CheckHarness.GATEWAY),
                AllChecks.all(), config, Clock.systemUTC(), host -> Optional.ofNullable(dns.get(host)));
        Diagnosis d = exit50Paste();
        return Answer.of(d, investigator.investigate(d, Optional.empty(), InvestigationOptions.DEFAULT,
                ProgressListener.NONE));
    }

    private static String describe(Answer a) {
        return a.report().findings().stream().map(CheckHarness::text).collect(Collectors.joining("\n"));
    }

    private static Finding nsg(Answer a) {
        return a.report().findings().stream().filter(f -> f.checkId() == CheckId.NSG_OUTBOUND).findFirst()
                .orElseThrow(() -> new AssertionError(describe(a)));
    }

    @Test
    void exit50_nsgDeniesTheProxyPort_likelyCauseNamesTheRuleAndTheProxy() {
        ArmWorld w = withProxy(PROXY_URL);
        w.rule(w.subnetNsg, "deny-proxy-port", "Outbound", "Deny", 100, "Tcp", "*", "3128");
        Answer a = answer(w, Map.of());
        Finding f = a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
        assertEquals(CheckId.NSG_OUTBOUND, f.checkId(), describe(a));
        assertEquals(Outcome.FAIL, f.outcome());
        assertTrue(f.title().startsWith("The proxy " + PROXY_URL + " is not reachable: NSG nsg-nodes rule "
                + "deny-proxy-port (priority 100) denies TCP " + PROXY_IP + ":3128"), f.title());
        assertTrue(f.title().contains("mcr.microsoft.com"), f.title());
    }

    @Test
    void exit50_nsgDeniesInternetButAllowsTheProxy_theNsgIsNotBlamed() {
        ArmWorld w = denyInternetButApiServerAndNtp(withProxy(PROXY_URL));
        w.rule(w.subnetNsg, "allow-proxy", "Outbound", "Allow", 100, "Tcp", PROXY_IP, "3128");
        Answer a = answer(w, Map.of());
        Finding f = nsg(a);
        assertEquals(Outcome.PASS, f.outcome(), describe(a));
        assertTrue(f.title().contains("the proxy " + PROXY_URL + " (" + PROXY_IP + ":3128)"), f.title());
        assertTrue(a.report().likelyCause().map(c -> c.checkId() != CheckId.NSG_OUTBOUND).orElse(true), describe(a));
    }

    @Test
    void exit50_sameNsgWithoutAProxy_theInternetRuleIsBlamed() {
        // The control of the control: the very NSG above does break a cluster that has no proxy.
        ArmWorld w = new ArmWorld();
        w.rule(w.subnetNsg, "deny-internet-out", "Outbound", "Deny", 200, "*", "Internet", "*");
        Finding f = answer(w, Map.of()).report().likelyCause().orElseThrow();
        assertEquals(CheckId.NSG_OUTBOUND, f.checkId());
        assertTrue(f.title().contains("deny-internet-out"), f.title());
    }

    @Test
    void exit50_mcrInNoProxyAndNsgDeniesMcr_mcrIsJudgedDirectlyAndTheRuleBlamed() {
        ArmWorld w = withProxy(PROXY_URL, ".mcr.microsoft.com", "mcr.microsoft.com");
        w.rule(w.subnetNsg, "deny-mcr", "Outbound", "Deny", 100, "Tcp", "MicrosoftContainerRegistry", "443");
        Answer a = answer(w, Map.of());
        Finding f = a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
        assertEquals(CheckId.NSG_OUTBOUND, f.checkId(), describe(a));
        assertTrue(f.title().contains("deny-mcr") && f.title().contains("mcr.microsoft.com"), f.title());
        assertFalse(f.title().contains("proxy"), f.title());
    }

    @Test
    void exit50_mcrThroughTheProxyAndNsgDeniesMcr_theRuleIsNotOnThePath() {
        ArmWorld w = withProxy(PROXY_URL);
        w.rule(w.subnetNsg, "deny-mcr", "Outbound", "Deny", 100, "Tcp", "MicrosoftContainerRegistry", "443");
        Answer a = answer(w, Map.of());
        assertEquals(Outcome.PASS, nsg(a).outcome(), describe(a));
    }

    @Test
    void exit50_proxyNameResolvesHere_thePathToItsAddressIsJudged() {
        ArmWorld w = withProxy("http://proxy.corp.example:8080");
        w.rule(w.subnetNsg, "deny-proxy-port", "Outbound", "Deny", 100, "Tcp", PROXY_IP, "8080");
        Finding f = answer(w, Map.of("proxy.corp.example", PROXY_IP)).report().likelyCause().orElseThrow();
        assertEquals(CheckId.NSG_OUTBOUND, f.checkId());
        assertTrue(f.title().startsWith("The proxy http://proxy.corp.example:8080 is not reachable: NSG nsg-nodes "
                + "rule deny-proxy-port"), f.title());
    }

    @Test
    void exit50_proxyNameDoesNotResolve_thePathIsNotJudgedAndTheDirectPathNotBlamed() {
        ArmWorld w = denyInternetButApiServerAndNtp(withProxy("http://proxy.corp.example:8080"));
        Answer a = answer(w, Map.of());
        Finding f = nsg(a);
        assertEquals(Outcome.WARN, f.outcome(), describe(a));
        assertEquals("The path to the proxy http://proxy.corp.example:8080 could not be judged: its address is not "
                + "known here", f.title());
        // Shown as what could not be checked, never as a rule that denies the direct path.
        a.report().likelyCause().ifPresent(c -> assertFalse(c.outcome() == Outcome.FAIL
                && c.checkId() == CheckId.NSG_OUTBOUND, describe(a)));
        assertFalse(a.text().contains("deny-internet-out"), a.text());
    }

    @Test
    void exit50_routeToTheProxyIsABlackHole_likelyCauseNamesTheRouteAndTheProxy() {
        ArmWorld w = withProxy(PROXY_URL).route("drop-proxy", "10.240.8.0/24", "None", null);
        Answer a = answer(w, Map.of());
        Finding f = a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
        assertEquals(CheckId.ROUTE_TABLE, f.checkId(), describe(a));
        assertEquals("The proxy " + PROXY_URL + " is not reachable: route drop-proxy in rt-nodes sends traffic to "
                + PROXY_IP + " to None (black hole)", f.title());
    }

    @Test
    void exit50_defaultRouteToTheInternetAndProxyInTheVnet_noRouteIsBlamed() {
        ArmWorld w = withProxy(PROXY_URL).route("default-internet", "0.0.0.0/0", "Internet", null);
        Answer a = answer(w, Map.of());
        Finding route = a.report().findings().stream().filter(f -> f.checkId() == CheckId.ROUTE_TABLE).findFirst()
                .orElseThrow();
        assertEquals(Outcome.PASS, route.outcome(), describe(a));
        assertTrue(route.evidence().stream().anyMatch(e -> e.text().contains("matches the proxy " + PROXY_URL)),
                describe(a));
    }

    @Test
    void exit50_hubFirewallAllowsOnlyTheApiServerAndNtp_proxyInTheSpoke_theFirewallIsNotBlamedForMcr() {
        ArmWorld w = EgressPathChecksTest.hubAndSpoke();
        ObjectNode proxy = w.clusterProperties().putObject("httpProxyConfig");
        proxy.put("httpsProxy", PROXY_URL + "/");
        proxy.put("httpProxy", PROXY_URL + "/");
        String ntp = "{\"name\":\"ntp\",\"id\":\"ntp\",\"properties\":{\"priority\":200,\"action\":{\"type\":"
                + "\"Allow\"},\"rules\":[{\"name\":\"ntp\",\"protocols\":[\"UDP\"],\"sourceAddresses\":[\"10.240.0.0/16\"],"
                + "\"destinationFqdns\":[\"ntp.ubuntu.com\"],\"destinationAddresses\":[],\"destinationPorts\":[\"123\"]}]}}";
        EgressPathChecksTest.hubFirewalls(w, EgressPathChecksTest.firewall(EgressPathChecksTest.appCollection("aks", 100,
                "Allow", EgressPathChecksTest.appRule("api", "\"*.hcp.westeurope.azmk8s.io\"", "")), null)
                .replace("\"networkRuleCollections\":[]", "\"networkRuleCollections\":[" + ntp + "]"));
        Answer a = answer(w, Map.of());
        Finding fw = a.report().findings().stream().filter(f -> f.checkId() == CheckId.EGRESS_APPLIANCE).findFirst()
                .orElseThrow();
        assertEquals(Outcome.PASS, fw.outcome(), describe(a));
        assertTrue(fw.title().contains("required AKS endpoints that bypass the proxy"), fw.title());
    }
}
