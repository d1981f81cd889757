package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.AzureArmGateway;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.azure.FakeArmGateways;
import dev.aksdoctor.azure.TestAzureConfig;
import dev.aksdoctor.diagnosis.Diagnosis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One playbook, one planted misconfiguration: the likely cause must be the planted one. */
class PlaybookScenarioTest {

    private static InvestigationReport investigate(ArmWorld world, Diagnosis diagnosis) {
        CheckHarness.ARM.reset();
        world.install(CheckHarness.ARM);
        return CheckHarness.investigator().investigate(diagnosis, Optional.empty(), ProgressListener.NONE);
    }

    private static String describe(InvestigationReport r) {
        return r.location().how() + "\n" + r.findings().stream().map(CheckHarness::text).collect(Collectors.joining("\n"));
    }

    private static Finding likely(InvestigationReport r) {
        assertTrue(r.likelyCause().isPresent(), describe(r));
        return r.likelyCause().get();
    }

    private static List<CheckId> prepend(CheckId first, List<CheckId> rest) {
        List<CheckId> plan = new ArrayList<>();
        plan.add(first);
        rest.stream().filter(id -> id != first).forEach(plan::add);
        return plan;
    }

    @Test
    void timedOut_healthyCluster_hasNoLikelyCause() {
        List<Finding> heard = new CopyOnWriteArrayList<>();
        CheckHarness.ARM.reset();
        new ArmWorld().install(CheckHarness.ARM);
        InvestigationReport r = CheckHarness.investigator().investigate(Diagnoses.timedOut(), Optional.empty(), heard::add);
        assertTrue(r.likelyCause().isEmpty(), describe(r));
        assertEquals(Diagnoses.TIMED_OUT, r.findings().stream().map(Finding::checkId).toList());
        assertEquals(r.findings().size(), heard.size());
        assertEquals(ClusterLocation.Status.FOUND, r.location().status());
    }

    @Test
    void timedOut_nsgDenies443_likelyCauseNamesTheRule() {
        ArmWorld w = new ArmWorld();
        w.rule(w.subnetNsg, "block-api", "Outbound", "Deny", 150, "Tcp", "AzureCloud", "443");
        Finding f = likely(investigate(w, Diagnoses.timedOut()));
        assertEquals(CheckId.NSG_OUTBOUND, f.checkId());
        assertTrue(f.title().contains("block-api"), f.title());
    }

    @Test
    void timedOut_routeToNone_likelyCauseIsBlackHole() {
        ArmWorld w = new ArmWorld().route("black-hole", "20.61.0.0/16", "None", null);
        Finding f = likely(investigate(w, Diagnoses.timedOut()));
        assertEquals(CheckId.ROUTE_TABLE, f.checkId());
        assertTrue(f.title().contains("black-hole"), f.title());
    }

    @Test
    void timedOut_authorizedRangesMissNodeSubnet_likelyCauseIsRanges() {
        ArmWorld w = new ArmWorld().authorizedRanges(ArmWorld.EGRESS_IP + "/32");
        Finding f = likely(investigate(w, Diagnoses.timedOut()));
        assertEquals(CheckId.AUTHORIZED_IP_RANGES, f.checkId());
        assertTrue(f.title().contains("node subnet 10.240.0.0/22"), f.title());
        assertTrue(f.actions().contains(SuggestedAction.addRange(ArmWorld.NODE_CIDR)));
    }

    @Test
    void timedOut_natGatewayIpNotAuthorized_likelyCauseNamesNatIp() {
        ArmWorld w = new ArmWorld().natGateway();
        Finding f = likely(investigate(w, Diagnoses.timedOut()));
        assertEquals(CheckId.AUTHORIZED_IP_RANGES, f.checkId());
        assertTrue(f.title().contains("51.105.7.8"), f.title());
        assertEquals(List.of(SuggestedAction.addRange("51.105.7.8/32")), f.actions());
    }

    @Test
    void privateTimedOut_endpointNotApproved_likelyCauseIsEndpoint() {
        ArmWorld w = new ArmWorld().privateCluster();
        ((ObjectNode) w.privateEndpoint.get("properties").get("privateLinkServiceConnections").get(0).get("properties")
                .get("privateLinkServiceConnectionState")).put("status", "Rejected");
        Finding f = likely(investigate(w, Diagnoses.privateTimedOut()));
        assertEquals(CheckId.PRIVATE_ENDPOINT, f.checkId());
        assertTrue(f.title().contains("Rejected"), f.title());
    }

    @Test
    void dns52_zoneNotLinked_likelyCauseIsZoneLink() {
        ArmWorld w = new ArmWorld().privateCluster();
        ((ObjectNode) w.dnsZoneLink.get("properties").get("virtualNetwork")).put("id",
                ArmWorld.NET_RG + "/virtualNetworks/vnet-hub");
        Finding f = likely(investigate(w, Diagnoses.dns(52)));
        assertEquals(CheckId.PRIVATE_DNS_ZONE_LINK, f.checkId());
        assertTrue(f.title().contains("vnet-aks"), f.title());
    }

    @Test
    void refused_stoppedCluster_likelyCauseOffersStart() {
        ArmWorld w = new ArmWorld();
        w.clusterProperties().putObject("powerState").put("code", "Stopped");
        Finding f = likely(investigate(w, Diagnoses.connection(dev.aksdoctor.diagnosis.Subcategory.CONNECTION_REFUSED,
                Diagnoses.REFUSED)));
        assertEquals(CheckId.CLUSTER_STATE, f.checkId());
        assertEquals(List.of(SuggestedAction.of(NextAction.START_CLUSTER)), f.actions());
    }

    @Test
    void failedState_clusterFailedWithFailedOperation_reportsBoth() {
        ArmWorld w = new ArmWorld();
        w.clusterProperties().put("provisioningState", "Failed");
        w.failedOperation("Microsoft.ContainerService/managedClusters/write", "VMExtensionProvisioningError",
                "Provisioning of VM extension vmssCSE has failed");
        InvestigationReport r = investigate(w, Diagnoses.failedState("ClusterFailed"));
        Finding f = likely(r);
        assertEquals(CheckId.CLUSTER_STATE, f.checkId());
        assertTrue(f.actions().contains(SuggestedAction.of(NextAction.RECONCILE_CLUSTER)));
        Finding activity = r.findings().stream().filter(x -> x.checkId() == CheckId.ACTIVITY_LOG_FAILURES).findFirst()
                .orElseThrow();
        assertEquals(Outcome.FAIL, activity.outcome(), describe(r));
        assertTrue(activity.title().contains("VMExtensionProvisioningError"), activity.title());
    }

    @Test
    void quotaExceeded_familyExhausted_likelyCauseIsQuota() {
        ArmWorld w = new ArmWorld();
        ((ObjectNode) w.computeUsages.get("value").get(1)).put("currentValue", 50);
        Finding f = likely(investigate(w, withPlan(Diagnoses.failedState("QuotaExceeded"),
                prepend(CheckId.VCPU_QUOTA, Diagnoses.FAILED_STATE))));
        assertEquals(CheckId.VCPU_QUOTA, f.checkId());
        assertTrue(f.title().contains("Standard DSv2 Family vCPUs (50/50)"), f.title());
    }

    @Test
    void policyDenial_assignmentNamed() {
        ArmWorld w = new ArmWorld();
        String assignment = ArmWorld.SUB_PATH + "/providers/Microsoft.Authorization/policyAssignments/deny-public-ip";
        w.failedOperation("Microsoft.ContainerService/managedClusters/agentPools/write", "RequestDisallowedByPolicy",
                "Resource 'kubernetes' was disallowed by policy. Policy identifiers: '[{\\\"policyAssignment\\\":"
                        + "{\\\"name\\\":\\\"Deny public IPs\\\",\\\"id\\\":\\\"" + assignment + "\\\"}}]'.");
        w.extra.put(assignment, ArmWorld.json("{\"id\":\"" + assignment + "\",\"name\":\"deny-public-ip\","
                + "\"type\":\"Microsoft.Authorization/policyAssignments\",\"properties\":{\"displayName\":"
                + "\"Deny public IPs\",\"scope\":\"" + ArmWorld.SUB_PATH + "\",\"policyDefinitionId\":"
                + "\"/providers/Microsoft.Authorization/policyDefinitions/6c112d4e\",\"enforcementMode\":\"Default\"}}"));
        Finding f = likely(investigate(w, withPlan(Diagnoses.failedState("RequestDisallowedByPolicy"),
                prepend(CheckId.POLICY_DENIAL, Diagnoses.FAILED_STATE))));
        assertEquals(CheckId.POLICY_DENIAL, f.checkId());
        assertTrue(f.title().contains("Deny public IPs"), CheckHarness.text(f));
        assertTrue(f.evidence().stream().anyMatch(e -> assignment.equals(e.resourceId())));
    }

    @Test
    void windows5_firewallEgressNotAuthorized_likelyCauseNamesFirewallIp() {
        ArmWorld w = new ArmWorld().route("default-to-fw", "0.0.0.0/0", "VirtualAppliance", "10.0.1.4");
        ObjectNode win = w.pool().deepCopy();
        win.put("name", "win1").put("osType", "Windows").put("mode", "User");
        ((com.fasterxml.jackson.databind.node.ArrayNode) w.clusterProperties().get("agentPoolProfiles")).add(win);
        ObjectNode net = (ObjectNode) w.clusterProperties().get("networkProfile");
        net.put("outboundType", "userDefinedRouting");
        net.remove("loadBalancerProfile");
        w.publicIps.put(ArmWorld.NET_RG + "/publicIPAddresses/pip-fw", "52.174.9.9");
        w.firewalls.add(ArmWorld.json("{\"id\":\"" + ArmWorld.NET_RG + "/azureFirewalls/fw-hub\",\"name\":\"fw-hub\","
                + "\"properties\":{\"provisioningState\":\"Succeeded\",\"ipConfigurations\":[{\"name\":\"c\","
                + "\"properties\":{\"privateIPAddress\":\"10.0.1.4\",\"publicIPAddress\":{\"id\":\"" + ArmWorld.NET_RG
                + "/publicIPAddresses/pip-fw\"}}}],\"applicationRuleCollections\":[{\"name\":\"aks\",\"properties\":{"
                + "\"priority\":100,\"action\":{\"type\":\"Allow\"},\"rules\":[{\"name\":\"aks-tag\",\"protocols\":[{"
                + "\"protocolType\":\"Https\",\"port\":443}],\"fqdnTags\":[\"AzureKubernetesService\"],"
                + "\"sourceAddresses\":[\"*\"]}]}}]}}"));
        InvestigationReport r = investigate(w, Diagnoses.windows5());
        Finding f = likely(r);
        assertEquals(CheckId.AUTHORIZED_IP_RANGES, f.checkId(), describe(r));
        assertTrue(f.title().contains("Azure Firewall fw-hub 52.174.9.9"), f.title());
    }

    @Test
    void anyPlaybook_withoutCredential_saysWhatIsMissing() {
        AzureArmGateway noCredential = FakeArmGateways.gateway(CheckHarness.ARM,
                TestAzureConfig.fake().withCredentialTimeout(Duration.ofSeconds(2)), false);
        TestAzureConfig config = TestAzureConfig.fake();
        Investigator investigator = new Investigator(noCredential, new ClusterLocator(
                new ClusterInventory(noCredential, config, Clock.systemUTC()), noCredential), AllChecks.all(), config, Clock.systemUTC());
        InvestigationReport r = investigator.investigate(Diagnoses.timedOut(), Optional.empty(), ProgressListener.NONE);
        assertFalse(r.access().configured(), r.access().detail() + CheckHarness.ARM.requests());
        assertTrue(r.findings().stream().allMatch(f -> f.outcome() == Outcome.SKIPPED));
        assertTrue(r.findings().get(0).remedy().contains("AZURE_CLIENT_ID"), r.findings().get(0).remedy());
    }

    @Test
    void timedOut_nsgReadForbidden_otherChecksStillRun() {
        ArmWorld w = new ArmWorld().authorizedRanges(ArmWorld.EGRESS_IP + "/32");
        CheckHarness.ARM.reset();
        w.install(CheckHarness.ARM);
        CheckHarness.ARM.forbid("GET", ArmWorld.SUBNET_NSG_ID, "Microsoft.Network/networkSecurityGroups/read");
        InvestigationReport r = CheckHarness.investigator().investigate(Diagnoses.timedOut(), Optional.empty(),
                ProgressListener.NONE);
        Finding nsg = r.findings().stream().filter(x -> x.checkId() == CheckId.NSG_OUTBOUND).findFirst().orElseThrow();
        assertEquals(Outcome.ERROR, nsg.outcome());
        assertTrue(nsg.evidence().get(0).text().contains("Microsoft.Network/networkSecurityGroups/read on "
                + ArmWorld.SUBNET_NSG_ID), CheckHarness.text(nsg));
        assertEquals(CheckId.AUTHORIZED_IP_RANGES, likely(r).checkId());
    }

    private static Diagnosis withPlan(Diagnosis d, List<CheckId> plan) {
        return new Diagnosis(d.errorCode(), d.exitCode(), d.os(), d.subcategory(), d.nodeIp(), d.apiServerIp(),
                d.apiServerFqdn(), d.region(), d.privateCluster(), d.cluster(), d.nodeName(), d.vmss(), d.instanceId(),
                d.correlationId(), d.errors(), d.summary(), d.docs(), plan);
    }
}
