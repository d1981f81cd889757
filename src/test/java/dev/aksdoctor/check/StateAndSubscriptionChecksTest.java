package dev.aksdoctor.check;

import static dev.aksdoctor.check.CheckHarness.run;
import static dev.aksdoctor.check.CheckHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.Diagnosis;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateAndSubscriptionChecksTest {

    private static final Diagnosis FAILED = Diagnoses.failedState("ClusterFailed");

    @Test
    void clusterState_succeededRunning_passesAndSaysTransient() {
        Finding f = run(new ClusterStateCheck(), new ArmWorld(), FAILED);
        assertEquals(Outcome.PASS, f.outcome(), text(f));
        assertTrue(f.remedy().contains("transient"));
    }

    @Test
    void clusterState_upgrading_warnsToWait() {
        ArmWorld w = new ArmWorld();
        w.clusterProperties().put("provisioningState", "Upgrading");
        Finding f = run(new ClusterStateCheck(), w, FAILED);
        assertEquals(Outcome.WARN, f.outcome(), text(f));
        assertTrue(f.actions().contains(SuggestedAction.of(NextAction.WATCH_CLUSTER)));
    }

    @Test
    void nodePool_succeeded_passes() {
        assertEquals(Outcome.PASS, run(new NodePoolStateCheck(), new ArmWorld(), FAILED).outcome());
    }

    @Test
    void nodePool_failed_offersReconcileOfThatPool() {
        ArmWorld w = new ArmWorld();
        w.pool().put("provisioningState", "Failed");
        Finding f = run(new NodePoolStateCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        // The AKS detectors are the answer's to offer, when nothing deeper explains the pool (DetectorOffer).
        assertEquals(List.of(SuggestedAction.reconcilePool("nodepool1")), f.actions());
    }

    @Test
    void vmssInstances_succeeded_passes() {
        assertEquals(Outcome.PASS, run(new VmssInstancesCheck(), new ArmWorld(), FAILED).outcome());
    }

    @Test
    void vmssInstances_failedInstance_offersUpdateThenReimage() {
        ArmWorld w = new ArmWorld();
        ((ObjectNode) w.instance.get("properties")).put("provisioningState", "Failed");
        Finding f = run(new VmssInstancesCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals(List.of(SuggestedAction.updateInstance(ArmWorld.VMSS, "0"), SuggestedAction.reimage(ArmWorld.VMSS, "0")),
                f.actions(), "the non-destructive step first");
        assertTrue(f.remedy().contains("Update the instance") && !f.remedy().contains("az vmss"), f.remedy());
    }

    @Test
    void vmssInstances_failedScaleSet_offersReconcileOfItsPool() {
        ArmWorld w = new ArmWorld();
        ((ObjectNode) w.scaleSet.get("properties")).put("provisioningState", "Failed");
        Finding f = run(new VmssInstancesCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertEquals("1 scale set(s) in a Failed state", f.title());
        assertTrue(f.evidence().get(0).text().contains(ArmWorld.VMSS + " is Failed (node pool nodepool1)"), text(f));
        assertEquals(List.of(SuggestedAction.reconcilePool("nodepool1")), f.actions());
    }

    @Test
    void cseStatus_succeeded_passes() {
        ArmWorld w = new ArmWorld().cseStatus("ProvisioningState/succeeded", "Enable succeeded");
        assertEquals(Outcome.PASS, run(new CseStatusCheck(), w, FAILED).outcome());
    }

    @Test
    void cseStatus_exit50_reportsCodeAndMessage() {
        ArmWorld w = new ArmWorld().cseStatus("ProvisioningState/failed/50",
                "Enable failed: exit status=50 (VMExtensionError_OutBoundConnFail)");
        Finding f = run(new CseStatusCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().contains("exit 50 VMExtensionError_OutboundConnFail"), f.title());
        assertTrue(f.title().contains("aks-nodepool1-12345678-vmss000000"), "names the node: " + f.title());
        assertEquals(List.of("cse:linux:50"), f.codes(), "the exit code decides what explains it");
        assertTrue(f.evidence().get(0).text().contains("OutBoundConnFail"));
    }

    @Test
    void activityLog_none_passes() {
        assertEquals(Outcome.PASS, run(new ActivityLogFailuresCheck(), new ArmWorld(), FAILED).outcome());
    }

    @Test
    void publicIpQuota_room_passes_and_full_fails() {
        assertEquals(Outcome.PASS, run(new PublicIpQuotaCheck(), new ArmWorld(), FAILED).outcome());
        ArmWorld w = new ArmWorld();
        ((ObjectNode) w.networkUsages.get("value").get(0)).put("currentValue", 1000);
        Finding f = run(new PublicIpQuotaCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
    }

    @Test
    void vcpuQuota_room_passes() {
        assertEquals(Outcome.PASS, run(new VcpuQuotaCheck(), new ArmWorld(), FAILED).outcome());
    }

    @Test
    void skuAvailability_offered_passes_and_zoneRestricted_fails() {
        assertEquals(Outcome.PASS, run(new SkuAvailabilityCheck(), new ArmWorld(), FAILED).outcome());
        ArmWorld w = new ArmWorld();
        ObjectNode sku = (ObjectNode) w.skus.get("value").get(0);
        ((ArrayNode) sku.get("locationInfo").get(0).get("zones")).removeAll().add("1");
        ObjectNode r = sku.putArray("restrictions").addObject();
        r.put("type", "Zone");
        r.putArray("values").add(ArmWorld.LOCATION);
        r.put("reasonCode", "NotAvailableForSubscription");
        r.putObject("restrictionInfo").putArray("zones").add("2").add("3");
        Finding f = run(new SkuAvailabilityCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(text(f).contains("NotAvailableForSubscription (zones 2, 3)"), text(f));
    }

    @Test
    void policyDenial_none_passes() {
        assertEquals(Outcome.PASS, run(new PolicyDenialCheck(), new ArmWorld(), FAILED).outcome());
    }

    @Test
    void locks_none_passes_and_canNotDelete_fails() {
        assertEquals(Outcome.PASS, run(new ResourceLocksCheck(), new ArmWorld(), FAILED).outcome());
        ArmWorld w = new ArmWorld();
        w.locks.add(ArmWorld.json("{\"id\":\"" + ArmWorld.NODE_RG_PATH + "/providers/Microsoft.Authorization/locks/"
                + "no-delete\",\"name\":\"no-delete\",\"type\":\"Microsoft.Authorization/locks\",\"properties\":"
                + "{\"level\":\"CanNotDelete\",\"notes\":\"protect prod\"}}"));
        Finding f = run(new ResourceLocksCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.evidence().get(0).text().contains("CanNotDelete"), text(f));
    }

    @Test
    void providers_registered_passes_and_notRegistered_fails() {
        assertEquals(Outcome.PASS, run(new ProviderRegistrationCheck(), new ArmWorld(), FAILED).outcome());
        ArmWorld w = new ArmWorld();
        w.providers.put("Microsoft.ContainerService", "NotRegistered");
        Finding f = run(new ProviderRegistrationCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.remedy().contains("az provider register --namespace Microsoft.ContainerService"));
    }

    @Test
    void subscription_enabled_passes_and_disabled_fails() {
        assertEquals(Outcome.PASS, run(new SubscriptionStateCheck(), new ArmWorld(), FAILED).outcome());
        ArmWorld w = new ArmWorld();
        w.subscription.put("state", "Disabled");
        assertEquals(Outcome.FAIL, run(new SubscriptionStateCheck(), w, FAILED).outcome());
    }

    @Test
    void pdbDrain_none_passes_and_drainFailure_fails() {
        assertEquals(Outcome.PASS, run(new PdbDrainCheck(), new ArmWorld(), FAILED).outcome());
        ArmWorld w = new ArmWorld().failedOperation("Microsoft.ContainerService/managedClusters/write",
                "PodDrainFailure", "Drain node aks-nodepool1-12345678-vmss000000 failed when evicting pod: "
                        + "Cannot evict pod as it would violate the pod's disruption budget.");
        Finding f = run(new PdbDrainCheck(), w, FAILED);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
    }

    @Test
    void clientRanges_enabled_warnsWithRanges() {
        Finding f = run(new ClientAuthorizedRangesCheck(), new ArmWorld(), FAILED);
        assertEquals(Outcome.WARN, f.outcome(), text(f));
        ArmWorld open = new ArmWorld().authorizedRanges();
        assertEquals(Outcome.PASS, run(new ClientAuthorizedRangesCheck(), open, FAILED).outcome());
    }

    @Test
    void nodePoolState_stoppedPool_offersStartNodePool() {
        ArmWorld w = new ArmWorld();
        w.pool().putObject("powerState").put("code", "Stopped");
        Finding f = run(new NodePoolStateCheck(), w, FAILED);
        assertEquals(Outcome.WARN, f.outcome(), text(f));
        assertEquals(List.of(SuggestedAction.startPool("nodepool1")), f.actions());
        assertTrue(f.remedy().contains("Start the node pool") && !f.remedy().contains("az aks"), f.remedy());
    }
}
