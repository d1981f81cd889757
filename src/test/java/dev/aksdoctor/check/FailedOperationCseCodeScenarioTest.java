package dev.aksdoctor.check;

import static dev.aksdoctor.check.EgressPathChecksTest.appCollection;
import static dev.aksdoctor.check.EgressPathChecksTest.appRule;
import static dev.aksdoctor.check.EgressPathChecksTest.firewall;
import static dev.aksdoctor.check.EgressPathChecksTest.hubAndSpoke;
import static dev.aksdoctor.check.EgressPathChecksTest.hubFirewalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seed 004: a cluster Failed by a CSE error (OutboundConnFailVMExtensionError, K8SAPIServerConnFailVMExtensionError)
 * is explained by the configuration that error's own playbook checks, not by the failed operation that only names it.
 */
class FailedOperationCseCodeScenarioTest {

    private static final PasteParser PARSER = new PasteParser();

    private static Diagnosis failedStatePaste() {
        return PARSER.parse("our cluster is in a failed state after scaling\ncluster: " + ArmWorld.CLUSTER_ID);
    }

    private static ArmWorld failedBy(String innerCode, String message) {
        ArmWorld w = new ArmWorld();
        w.clusterProperties().put("provisioningState", "Failed");
        return w.failedAsyncOperation("Microsoft.ContainerService/managedClusters/agentPools/write",
                ArmWorld.CLUSTER_ID + "/agentPools/nodepool1", innerCode, message, 2);
    }

    private static Answer answer(ArmWorld w) {
        return PlaybookScenarioTest.answer(w, failedStatePaste(), InvestigationOptions.DEFAULT);
    }

    private static String describe(Answer a) {
        return a.report().findings().stream().map(CheckHarness::text).collect(Collectors.joining("\n"));
    }

    private static Finding likely(Answer a) {
        return a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
    }

    @Test
    void failedCluster_legacyOutboundConnFailCodeAndNsgDeniesInternet_likelyCauseIsTheRule() {
        ArmWorld w = failedBy("OutboundConnFailVMExtensionError", "VM has reported a failure when processing extension "
                + "'vmssCSE'. Error message: Enable failed: exit status=50");
        w.rule(w.subnetNsg, "deny-internet-out", "Outbound", "Deny", 200, "*", "Internet", "*");
        Answer a = answer(w);
        Finding f = likely(a);
        assertEquals(CheckId.NSG_OUTBOUND, f.checkId(), describe(a));
        assertTrue(f.title().contains("deny-internet-out"), f.title());
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, a.report().why().get(0).checkId(), describe(a));
    }

    @Test
    void failedCluster_apiServerConnFailCodeAndEgressIpNotAuthorized_likelyCauseIsTheRanges() {
        ArmWorld w = failedBy("K8SAPIServerConnFailVMExtensionError", "Enable failed: exit status=51");
        w.authorizedRanges("203.0.113.0/24");
        Answer a = answer(w);
        Finding f = likely(a);
        assertEquals(CheckId.AUTHORIZED_IP_RANGES, f.checkId(), describe(a));
        assertTrue(f.title().contains(ArmWorld.EGRESS_IP), f.title());
    }

    @Test
    void failedCluster_outboundConnFailCodeWithHealthyNetwork_likelyCauseStaysTheFailedOperation() {
        Answer a = answer(failedBy("VMExtensionError_OutBoundConnFail", "Enable failed: exit status=50"));
        Finding f = likely(a);
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, f.checkId(), describe(a));
        // The outbound checks did run (and passed): nothing in the network is blamed.
        assertTrue(a.report().findings().stream().anyMatch(x -> x.checkId() == CheckId.NSG_OUTBOUND
                && x.outcome() == Outcome.PASS), describe(a));
        assertTrue(a.report().findings().stream().filter(x -> x.checkId() == CheckId.ROUTE_TABLE
                || x.checkId() == CheckId.EGRESS_APPLIANCE).allMatch(x -> x.outcome() == Outcome.PASS), describe(a));
    }

    // ------------------------------------------------------------- the code read decides what the follow-ups judge

    /** A hub firewall on the nodes' default route that allows the API server's name but none of MCR & co. */
    private static ArmWorld behindFirewallAllowing(String rule) {
        ArmWorld w = hubAndSpoke();
        hubFirewalls(w, firewall(appCollection("aks", 100, "Allow", rule), null));
        return w;
    }

    private static final String API_SERVER_ONLY = appRule("api", "\"*.hcp.westeurope.azmk8s.io\"", "");
    private static final String AKS_TAG = appRule("aks", "", "\"AzureKubernetesService\"");

    private static ArmWorld failedByTimeout(ArmWorld w) {
        w.clusterProperties().put("provisioningState", "Failed");
        return w.failedAsyncOperation("Microsoft.ContainerService/managedClusters/write", ArmWorld.CLUSTER_ID,
                "VMExtensionProvisioningTimeout", "Provisioning of VM extension vmssCSE has timed out.", 2);
    }

    private static ArmWorld failedByExit50OnANode(ArmWorld w) {
        w.cseStatus("ProvisioningState/failed/50", "Enable failed: exit status=50 (VMExtensionError_OutBoundConnFail)");
        w.pool().put("provisioningState", "Failed");
        ((ObjectNode) w.instance.get("properties")).put("provisioningState", "Failed");
        return w;
    }

    @Test
    void failedCluster_provisioningTimeoutReadInAzureAndFirewallWithoutMcr_likelyCauseIsTheFirewall() {
        Answer a = answer(failedByTimeout(behindFirewallAllowing(API_SERVER_ONLY)));
        Finding f = likely(a);
        assertEquals(CheckId.EGRESS_APPLIANCE, f.checkId(), describe(a));
        assertTrue(f.title().contains("has no rule for HTTPS mcr.microsoft.com:443"), f.title());
    }

    @Test
    void failedPool_exit50OnANodeAndFirewallWithoutMcr_likelyCauseIsTheFirewall() {
        Answer a = answer(failedByExit50OnANode(behindFirewallAllowing(API_SERVER_ONLY)));
        Finding f = likely(a);
        assertEquals(CheckId.EGRESS_APPLIANCE, f.checkId(), describe(a));
        assertTrue(f.title().contains("mcr.microsoft.com"), f.title());
        assertEquals(CheckId.CSE_STATUS, a.report().why().get(0).checkId(), describe(a));
    }

    @Test
    void failedCluster_provisioningTimeoutBehindAFirewallThatAllowsAks_theRouteToItIsNotBlamed() {
        Answer a = answer(failedByTimeout(behindFirewallAllowing(AKS_TAG)));
        Finding f = likely(a);
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, f.checkId(), describe(a));
        assertTrue(a.report().findings().stream().anyMatch(x -> x.checkId() == CheckId.EGRESS_APPLIANCE
                && x.outcome() == Outcome.PASS), describe(a));
    }

    @Test
    void failedPool_exit50OnANodeBehindAFirewallThatAllowsAks_theExitCodeStaysTheCause() {
        Answer a = answer(failedByExit50OnANode(behindFirewallAllowing(AKS_TAG)));
        assertEquals(CheckId.CSE_STATUS, likely(a).checkId(), describe(a));
    }
}
