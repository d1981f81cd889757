package dev.aksdoctor.check;

import static dev.aksdoctor.check.EgressPathChecksTest.FW_IP;
import static dev.aksdoctor.check.EgressPathChecksTest.appCollection;
import static dev.aksdoctor.check.EgressPathChecksTest.appRule;
import static dev.aksdoctor.check.EgressPathChecksTest.firewall;
import static dev.aksdoctor.check.EgressPathChecksTest.hubAndSpoke;
import static dev.aksdoctor.check.EgressPathChecksTest.hubFirewalls;
import static dev.aksdoctor.check.EgressPathChecksTest.loadBalancers;
import static dev.aksdoctor.check.EgressPathChecksTest.nic;
import static dev.aksdoctor.check.EgressPathChecksTest.nics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 ("your custom DNS server might be configured incorrectly") and exit 52: a VNet DNS server that Azure
 * proves cannot answer is the likely cause; Azure resolvers that answer (a DNS Private Resolver inbound endpoint, an
 * Azure Firewall with its DNS proxy on) are healthy and blamed for nothing.
 */
class CustomDnsServerScenarioTest {

    private static final PasteParser PARSER = new PasteParser();
    private static final String DNS_IP = "10.240.4.53";
    private static final String DNS_LOOKUP_FAIL = "vmssCSE failed with exit status=52 "
            + "(VMExtensionError_K8SAPIServerDNSLookupFail)";
    private static final String PROVISIONING_TIMEOUT = "Failed to reconcile agent pool nodepool1: err: "
            + "VMSSAgentPoolReconciler retry failed: Category: InternalError; SubCode: VMExtensionProvisioningTimeout; "
            + "Code=\"VMExtensionProvisioningTimeout\" Message=\"Provisioning of VM extension vmssCSE has timed out.\"";
    private static final String ALLOW_AKS = appCollection("aks", 100, "Allow",
            appRule("aks", "", "\"AzureKubernetesService\""));
    private static final String DNS_VM_ID = ArmWorld.SUB_PATH
            + "/resourceGroups/rg-net/providers/Microsoft.Compute/virtualMachines/dns1";

    private static Diagnosis paste(String text) {
        return PARSER.parse(text + "\ncluster: " + ArmWorld.CLUSTER_ID);
    }

    private static Answer answer(ArmWorld w, String text) {
        return PlaybookScenarioTest.answer(w, paste(text), InvestigationOptions.DEFAULT);
    }

    private static String describe(Answer a) {
        return a.report().findings().stream().map(CheckHarness::text).collect(Collectors.joining("\n"));
    }

    private static Finding likely(Answer a) {
        return a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
    }

    private static Finding dnsFinding(Answer a) {
        return a.report().findings().stream().filter(f -> f.checkId() == CheckId.VNET_DNS_SERVERS).findFirst()
                .orElseThrow(() -> new AssertionError(describe(a)));
    }

    /** The node VNet's DNS servers, with the subscription's NICs, load balancers and resolvers listed (none). */
    private static ArmWorld customDns(ArmWorld w, String... servers) {
        ArrayNode dns = ((ObjectNode) w.vnet.get("properties")).putObject("dhcpOptions").putArray("dnsServers");
        for (String s : servers) {
            dns.add(s);
        }
        if (!w.extra.containsKey(ArmWorld.SUB_PATH + "/providers/Microsoft.Network/networkInterfaces")) {
            nics(w, ArmWorld.SUB_PATH, "");
            loadBalancers(w, ArmWorld.SUB_PATH, "");
        }
        return w;
    }

    private static void dnsVm(ArmWorld w, String powerState) {
        nics(w, ArmWorld.SUB_PATH, nic("dns1-nic", DNS_IP, false, DNS_VM_ID));
        w.extra.put(DNS_VM_ID + "/instanceView", ArmWorld.json("{\"computerName\":\"dns1\",\"statuses\":[{\"code\":"
                + "\"ProvisioningState/succeeded\",\"level\":\"Info\",\"displayStatus\":\"Provisioning succeeded\"},"
                + "{\"code\":\"" + powerState + "\",\"level\":\"Info\",\"displayStatus\":\"VM\"}]}"));
    }

    /** The hub firewall (classic rules allowing AKS) as the node VNet's DNS server, its DNS proxy on or off. */
    private static ArmWorld hubFirewallAsDns(boolean dnsProxy) {
        ArmWorld w = customDns(hubAndSpoke(), FW_IP);
        String fw = firewall(ALLOW_AKS, null);
        hubFirewalls(w, dnsProxy ? fw.replace("\"threatIntelMode\":\"Alert\"", "\"threatIntelMode\":\"Alert\","
                + "\"additionalProperties\":{\"Network.DNS.EnableProxy\":\"true\"}") : fw);
        return w;
    }

    @Test
    void exit52_dnsServerNobodyHolds_likelyCauseNamesTheServer() {
        Answer a = answer(customDns(new ArmWorld(), DNS_IP), DNS_LOOKUP_FAIL);
        Finding f = likely(a);
        assertEquals(CheckId.VNET_DNS_SERVERS, f.checkId(), describe(a));
        assertEquals(Outcome.FAIL, f.outcome(), describe(a));
        assertTrue(f.title().contains(DNS_IP + " in VNet vnet-aks is held by no VM, Azure Firewall, load balancer, "
                + "DNS Private Resolver or Entra Domain Services in " + ArmWorld.SUB), f.title());
        assertTrue(f.remedy().contains("restart the nodes"), f.remedy());
    }

    @Test
    void provisioningTimeout_dnsServerVmDeallocated_likelyCauseIsTheStoppedVm() {
        ArmWorld w = customDns(new ArmWorld(), DNS_IP);
        dnsVm(w, "PowerState/deallocated");
        Answer a = answer(w, PROVISIONING_TIMEOUT);
        Finding f = likely(a);
        assertEquals(CheckId.VNET_DNS_SERVERS, f.checkId(), describe(a));
        assertEquals(Outcome.FAIL, f.outcome(), describe(a));
        assertTrue(f.title().contains(DNS_IP + " is VM dns1, which is deallocated"), f.title());
        assertTrue(f.evidence().stream().anyMatch(e -> DNS_VM_ID.equals(e.resourceId())), CheckHarness.text(f));
    }

    @Test
    void exit52_hubFirewallWithoutDnsProxy_likelyCauseIsTheProxySetting() {
        Answer a = answer(hubFirewallAsDns(false), DNS_LOOKUP_FAIL);
        Finding f = likely(a);
        assertEquals(CheckId.VNET_DNS_SERVERS, f.checkId(), describe(a));
        assertTrue(f.title().contains(FW_IP + " is Azure Firewall fw-hub, whose DNS proxy is off"), f.title());
        assertTrue(f.remedy().contains("enable it on fw-hub"), f.remedy());
    }

    @Test
    void exit52_hubFirewallWithDnsProxy_isHealthy() {
        Answer a = answer(hubFirewallAsDns(true), DNS_LOOKUP_FAIL);
        assertEquals(Outcome.PASS, dnsFinding(a).outcome(), describe(a));
        assertTrue(a.report().likelyCause().isEmpty(), describe(a));
    }

    @Test
    void provisioningTimeout_dnsPrivateResolverInboundEndpoint_isHealthy() {
        ArmWorld w = customDns(new ArmWorld(), DNS_IP);
        String resolver = ArmWorld.NET_RG + "/dnsResolvers/dnspr-hub";
        w.extra.put(ArmWorld.SUB_PATH + "/providers/Microsoft.Network/dnsResolvers", ArmWorld.json("{\"value\":[{"
                + "\"id\":\"" + resolver + "\",\"name\":\"dnspr-hub\",\"type\":\"Microsoft.Network/dnsResolvers\","
                + "\"location\":\"westeurope\",\"properties\":{\"virtualNetwork\":{\"id\":\"" + ArmWorld.VNET_ID
                + "\"},\"dnsResolverState\":\"Connected\",\"provisioningState\":\"Succeeded\"}}]}"));
        w.extra.put(resolver + "/inboundEndpoints", ArmWorld.json("{\"value\":[{\"id\":\"" + resolver
                + "/inboundEndpoints/inbound\",\"name\":\"inbound\",\"type\":\"Microsoft.Network/dnsResolvers/"
                + "inboundEndpoints\",\"location\":\"westeurope\",\"properties\":{\"ipConfigurations\":[{\"subnet\":{"
                + "\"id\":\"" + ArmWorld.VNET_ID + "/subnets/snet-dns-in\"},\"privateIpAddress\":\"" + DNS_IP
                + "\",\"privateIpAllocationMethod\":\"Static\"}],\"provisioningState\":\"Succeeded\"}}]}"));
        Answer a = answer(w, PROVISIONING_TIMEOUT);
        assertEquals(Outcome.PASS, dnsFinding(a).outcome(), describe(a));
        assertTrue(a.report().likelyCause().isEmpty(), describe(a));
    }

    @Test
    void exit52_entraDomainServicesDomainControllers_areHealthy() {
        ArmWorld w = customDns(new ArmWorld(), DNS_IP, "10.240.4.54");
        String domain = ArmWorld.SUB_PATH + "/resourceGroups/rg-identity/providers/Microsoft.AAD/domainServices/contoso.com";
        w.extra.put(ArmWorld.SUB_PATH + "/providers/Microsoft.AAD/domainServices", ArmWorld.json("{\"value\":[{"
                + "\"id\":\"" + domain + "\",\"name\":\"contoso.com\",\"type\":\"Microsoft.AAD/DomainServices\","
                + "\"properties\":{\"domainName\":\"contoso.com\",\"replicaSets\":[{\"location\":\"West Europe\","
                + "\"subnetId\":\"" + ArmWorld.VNET_ID + "/subnets/snet-aadds\",\"domainControllerIpAddress\":[\""
                + DNS_IP + "\",\"10.240.4.54\"],\"serviceStatus\":\"Running\"}]}}]}"));
        Answer a = answer(w, DNS_LOOKUP_FAIL);
        Finding f = dnsFinding(a);
        assertEquals(Outcome.PASS, f.outcome(), describe(a));
        assertTrue(CheckHarness.text(f).contains(DNS_IP + " is a domain controller of Entra Domain Services contoso.com"),
                CheckHarness.text(f));
        assertTrue(a.report().likelyCause().isEmpty(), describe(a));
    }

    @Test
    void exit52_runningDnsVm_staysAWarningThatNamesWhatAzureCannotSee() {
        ArmWorld w = customDns(new ArmWorld(), DNS_IP);
        dnsVm(w, "PowerState/running");
        Finding f = dnsFinding(answer(w, DNS_LOOKUP_FAIL));
        assertEquals(Outcome.WARN, f.outcome(), CheckHarness.text(f));
        assertTrue(CheckHarness.text(f).contains(DNS_IP + " is VM dns1 (running): its forwarders are not visible"),
                CheckHarness.text(f));
    }

    @Test
    void exit52_oneDeadServerBesideAResolverThatAnswers_warnsInsteadOfFailing() {
        ArmWorld w = customDns(new ArmWorld(), DNS_IP, "168.63.129.16");
        Finding f = dnsFinding(answer(w, DNS_LOOKUP_FAIL));
        assertEquals(Outcome.WARN, f.outcome(), CheckHarness.text(f));
        assertTrue(f.title().contains(DNS_IP), f.title());
    }
}
