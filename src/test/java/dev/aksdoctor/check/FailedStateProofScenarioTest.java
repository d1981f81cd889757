package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.PasteParser;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's table of errors that fail a cluster, the ones PlaybookScenarioTest does not plant: each failed operation
 * is explained by the check that proves its inner code, with the numbers or the name, never by the Failed state.
 */
class FailedStateProofScenarioTest {

    private static final PasteParser PARSER = new PasteParser();

    private static Answer failedBy(ArmWorld w, String operation, String resourceId, String code, String message) {
        w.clusterProperties().put("provisioningState", "Failed");
        w.failedAsyncOperation(operation, resourceId, code, message, 3);
        return PlaybookScenarioTest.answer(w, PARSER.parse("our cluster is in a failed state\ncluster: "
                + ArmWorld.CLUSTER_ID), InvestigationOptions.DEFAULT);
    }

    private static String describe(Answer a) {
        return a.report().findings().stream().map(CheckHarness::text).collect(Collectors.joining("\n"));
    }

    private static Finding likely(Answer a) {
        return a.report().likelyCause().orElseThrow(() -> new AssertionError(describe(a)));
    }

    private static List<CheckId> why(Answer a) {
        return a.report().why().stream().map(Finding::checkId).toList();
    }

    @Test
    void failedCluster_publicIpCountLimitReached_likelyCauseIsThePublicIpLimitWithItsNumbers() {
        ArmWorld w = new ArmWorld();
        ((ObjectNode) w.networkUsages.get("value").get(0)).put("currentValue", 10).put("limit", 10);
        Answer a = failedBy(w, "Microsoft.ContainerService/managedClusters/write", ArmWorld.CLUSTER_ID,
                "PublicIPCountLimitReached", "Cannot create more than 10 public IP addresses for this subscription in "
                        + "this region.");
        Finding f = likely(a);
        assertEquals(CheckId.PUBLIC_IP_QUOTA, f.checkId(), describe(a));
        assertTrue(CheckHarness.text(f).contains("10 of 10"), CheckHarness.text(f));
        assertEquals(List.of(CheckId.ACTIVITY_LOG_FAILURES, CheckId.CLUSTER_STATE), why(a));
    }

    @Test
    void failedCluster_missingSubscriptionRegistration_likelyCauseNamesTheProvider() {
        ArmWorld w = new ArmWorld();
        w.providers.put("Microsoft.Network", "NotRegistered");
        Answer a = failedBy(w, "Microsoft.ContainerService/managedClusters/write", ArmWorld.CLUSTER_ID,
                "MissingSubscriptionRegistration", "The subscription is not registered to use namespace "
                        + "'Microsoft.Network'.");
        Finding f = likely(a);
        assertEquals(CheckId.PROVIDER_REGISTRATION, f.checkId(), describe(a));
        assertTrue(f.title().contains("Microsoft.Network"), f.title());
        assertEquals(List.of(CheckId.ACTIVITY_LOG_FAILURES, CheckId.CLUSTER_STATE), why(a));
    }

    @Test
    void failedCluster_readOnlyDisabledSubscription_likelyCauseIsTheSubscription() {
        ArmWorld w = new ArmWorld();
        w.subscription.put("state", "Disabled");
        Answer a = failedBy(w, "Microsoft.ContainerService/managedClusters/write", ArmWorld.CLUSTER_ID,
                "ReadOnlyDisabledSubscription", "The subscription '" + ArmWorld.SUB + "' is disabled and therefore "
                        + "marked as read only.");
        Finding f = likely(a);
        assertEquals(CheckId.SUBSCRIPTION_STATE, f.checkId(), describe(a));
        assertEquals(Outcome.FAIL, f.outcome(), describe(a));
    }

    @Test
    void failedPool_podDrainFailure_likelyCauseIsTheDisruptionBudget() {
        ArmWorld w = new ArmWorld();
        w.pool().put("provisioningState", "Failed");
        Answer a = failedBy(w, "Microsoft.ContainerService/managedClusters/agentPools/write", ArmWorld.CLUSTER_ID
                + "/agentPools/nodepool1", "PodDrainFailure", "Drain node aks-nodepool1-12345678-vmss000000 failed "
                        + "when evicting pod web-1 failed with Too Many Requests error. This is often caused by a "
                        + "restrictive Pod Disruption Budget (PDB) policy.");
        Finding f = likely(a);
        assertEquals(CheckId.PDB_DRAIN, f.checkId(), describe(a));
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, why(a).get(0), describe(a));
    }
}
