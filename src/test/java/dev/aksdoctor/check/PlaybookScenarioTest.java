package dev.aksdoctor.check;

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
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.DiagnosisBuilder;
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
        return answer(world, diagnosis, InvestigationOptions.DEFAULT).report();
    }

    /** The investigation and its rendered answer; every scenario checks the answer keeps its promises. */
    static Answer answer(ArmWorld world, Diagnosis diagnosis, InvestigationOptions options) {
        CheckHarness.ARM.reset();
        world.install(CheckHarness.ARM);
        InvestigationReport r = CheckHarness.investigator().investigate(diagnosis, Optional.empty(), options,
                ProgressListener.NONE);
        return Answer.of(diagnosis, r);
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
    void timedOut_publicClusterEgressAuthorized_nodeSubnetNotBlamed() {
        // A public API server sees the egress IP, not the private node subnet: this is a healthy control.
        ArmWorld w = new ArmWorld().authorizedRanges(ArmWorld.EGRESS_IP + "/32");
        Answer a = answer(w, Diagnoses.timedOut(), InvestigationOptions.DEFAULT);
        assertTrue(a.report().likelyCause().isEmpty(), describe(a.report()));
        assertFalse(a.text().contains("Add " + ArmWorld.NODE_CIDR), a.text());
        assertFalse(a.buttons().containsKey(NextAction.ADD_AUTHORIZED_RANGE.id()), a.buttons().toString());
    }

    @Test
    void timedOut_vnetIntegrationRangesMissNodeSubnet_likelyCauseIsRanges() {
        ArmWorld w = new ArmWorld().authorizedRanges(ArmWorld.EGRESS_IP + "/32").apiServerVnetIntegration();
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
    void failedState_clusterFailedWithFailedOperation_likelyCauseIsTheOperationNotTheState() {
        ArmWorld w = new ArmWorld();
        w.clusterProperties().put("provisioningState", "Failed");
        w.failedOperation("Microsoft.ContainerService/managedClusters/write", "VMExtensionProvisioningError",
                "Provisioning of VM extension vmssCSE has failed");
        InvestigationReport r = investigate(w, Diagnoses.failedState("ClusterFailed"));
        Finding f = likely(r);
        // The state is the symptom the user already knows; the failed operation explains it.
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, f.checkId(), describe(r));
        assertTrue(f.title().contains("VMExtensionProvisioningError"), f.title());
        assertEquals(List.of(CheckId.CLUSTER_STATE), r.why().stream().map(Finding::checkId).toList());
        assertTrue(f.actions().contains(SuggestedAction.of(NextAction.RECONCILE_CLUSTER)));
    }

    @Test
    void quotaExceeded_familyExhausted_likelyCauseIsQuota() {
        ArmWorld w = new ArmWorld();
        ((ObjectNode) w.computeUsages.get("value").get(1)).put("currentValue", 50);
        Finding f = likely(investigate(w, withPlan(Diagnoses.failedState("QuotaExceeded"),
                prepend(CheckId.VCPU_QUOTA, Diagnoses.FAILED_STATE))));
        assertEquals(CheckId.VCPU_QUOTA, f.checkId());
        assertTrue(f.title().contains("Standard DSv2 Family vCPUs (50/50, 2 more needed)"), f.title());
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
                + "/publicIPAddresses/pip-fw\"}}}]," + ALLOW_AKS + "}}"));
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
        ArmWorld w = new ArmWorld().authorizedRanges("203.0.113.0/24");
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
        return DiagnosisBuilder.from(d).plan(plan).build();
    }

    // ------------------------------------------------------------------ root cause first (issue 16)

    /** A firewall that lets the nodes reach AKS: the AzureKubernetesService FQDN tag on HTTPS. */
    private static final String ALLOW_AKS = "\"applicationRuleCollections\":[{\"name\":\"aks\",\"properties\":{"
            + "\"priority\":100,\"action\":{\"type\":\"Allow\"},\"rules\":[{\"name\":\"aks\",\"sourceAddresses\":"
            + "[\"10.240.0.0/16\"],\"protocols\":[{\"protocolType\":\"Https\",\"port\":443},{\"protocolType\":"
            + "\"Http\",\"port\":80}],\"fqdnTags\":[\"AzureKubernetesService\"]}]}}]";

    private static final dev.aksdoctor.diagnosis.PasteParser PARSER = new dev.aksdoctor.diagnosis.PasteParser();
    private static final String POOL_ID = ArmWorld.CLUSTER_ID + "/agentPools/nodepool1";

    /** A paste as an engineer writes it, with the cluster's resource ID so the locator finds it. */
    private static Diagnosis paste(String text) {
        return PARSER.parse(text + "\ncluster: " + ArmWorld.CLUSTER_ID);
    }

    private static List<CheckId> why(Answer a) {
        return a.report().why().stream().map(Finding::checkId).toList();
    }

    private static ArmWorld failedCluster() {
        ArmWorld w = new ArmWorld();
        w.clusterProperties().put("provisioningState", "Failed");
        return w;
    }

    private static void assertWhyLine(Answer a, String... parts) {
        int at = a.likelyCauseText().indexOf("*Why:*");
        assertTrue(at > 0, "no why line under the likely cause:\n" + a.likelyCauseText());
        String line = a.likelyCauseText().substring(at, a.likelyCauseText().indexOf('\n', at) < 0
                ? a.likelyCauseText().length() : a.likelyCauseText().indexOf('\n', at));
        int from = 0;
        for (String part : parts) {
            int i = line.indexOf(part, from);
            assertTrue(i >= 0, "\"" + part + "\" missing or out of order in " + line);
            from = i + part.length();
        }
    }

    @Test
    void failedCluster_quotaExceeded_likelyCauseIsTheQuotaWithItsNumbers() {
        ArmWorld w = failedCluster().failedAsyncOperation("Microsoft.ContainerService/managedClusters/agentPools/write",
                POOL_ID, "QuotaExceeded", "Operation could not be completed as it results in exceeding approved "
                        + "standardDSv2Family Cores quota. Additional details - Deployment Model: Resource Manager, "
                        + "Location: westeurope, Current Limit: 24, Current Usage: 24, Additional Required: 4, "
                        + "(Minimum) New Limit Required: 28.", 30);
        ((ObjectNode) w.computeUsages.get("value").get(1)).put("currentValue", 24).put("limit", 24);
        Answer a = answer(w, paste("our cluster is in a failed state after scaling"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.VCPU_QUOTA, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("Standard DSv2 Family vCPUs (24/24, 4 more needed)"), f.title());
        assertEquals(List.of(CheckId.ACTIVITY_LOG_FAILURES, CheckId.CLUSTER_STATE), why(a));
        assertWhyLine(a, "this → ", "agentPools/write failed with QuotaExceeded (24/24 used, 4 more needed)",
                "The cluster is in a Failed state");
        assertEquals(List.of(NextAction.RECONCILE_CLUSTER.id()), a.likelyCauseButtons());
    }

    @Test
    void failedCluster_quotaInProvisioningErrorOnly_likelyCauseIsTheQuota() {
        // No Activity Log entry (older than the window, or no permission): the cluster's own provisioningError says it.
        ArmWorld w = failedCluster().clusterProvisioningError("QuotaExceeded", "Current Limit: 24, Current Usage: 24, "
                + "Additional Required: 4");
        ((ObjectNode) w.computeUsages.get("value").get(1)).put("currentValue", 24).put("limit", 24);
        Answer a = answer(w, paste("cluster aks1 is in Failed state"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.VCPU_QUOTA, f.checkId(), describe(a.report()));
        assertEquals(List.of(CheckId.CLUSTER_STATE), why(a));
        assertWhyLine(a, "this → ", "The cluster is in a Failed state (QuotaExceeded)");
    }

    @Test
    void failedCluster_policyDenied_likelyCauseNamesTheAssignmentAndScope() {
        String assignment = ArmWorld.SUB_PATH + "/providers/Microsoft.Authorization/policyAssignments/deny-public-ip";
        ArmWorld w = failedCluster()
                .failedAsyncOperation("Microsoft.ContainerService/managedClusters/write", ArmWorld.CLUSTER_ID,
                        "RequestDisallowedByPolicy", "Resource 'kubernetes' was disallowed by policy. Policy "
                                + "identifiers: '[{\"policyAssignment\":{\"name\":\"Deny public IPs\",\"id\":\""
                                + assignment + "\"}}]'.", 2)
                .policyDenyEvent(ArmWorld.NODE_RG_PATH + "/providers/Microsoft.Network/publicIPAddresses/kubernetes",
                        assignment, "deny-public-ip");
        w.extra.put(assignment, ArmWorld.json("{\"id\":\"" + assignment + "\",\"name\":\"deny-public-ip\","
                + "\"type\":\"Microsoft.Authorization/policyAssignments\",\"properties\":{\"displayName\":"
                + "\"Deny public IPs\",\"scope\":\"" + ArmWorld.SUB_PATH + "\",\"policyDefinitionId\":"
                + "\"/providers/Microsoft.Authorization/policyDefinitions/6c112d4e\",\"enforcementMode\":\"Default\"}}"));
        Answer a = answer(w, paste("the upgrade left our cluster in a failed state"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.POLICY_DENIAL, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("Deny public IPs (assigned at subscription " + ArmWorld.SUB + ")"), f.title());
        assertEquals(List.of(CheckId.ACTIVITY_LOG_FAILURES, CheckId.CLUSTER_STATE), why(a));
        assertWhyLine(a, "this → ", "RequestDisallowedByPolicy", "Failed state");
        assertTrue(a.buttons().containsKey(NextAction.RECONCILE_CLUSTER.id()), a.buttons().toString());
    }

    @Test
    void failedPool_subnetFull_likelyCauseIsTheSubnetWithItsArithmetic() {
        ArmWorld w = new ArmWorld();
        w.pool().put("provisioningState", "Failed");
        ((ObjectNode) w.clusterProperties().get("networkProfile")).remove("networkPluginMode");
        w.pool().put("maxPods", 30);
        ((ObjectNode) w.subnet().get("properties")).put("addressPrefix", "10.240.0.0/25");
        com.fasterxml.jackson.databind.node.ArrayNode ips = (com.fasterxml.jackson.databind.node.ArrayNode)
                w.subnet().get("properties").get("ipConfigurations");
        for (int i = ips.size(); i < 100; i++) {
            ips.addObject().put("id", ArmWorld.VMSS_ID + "/virtualMachines/" + i
                    + "/networkInterfaces/nic/ipConfigurations/ipconfig" + i);
        }
        w.failedAsyncOperation("Microsoft.ContainerService/managedClusters/agentPools/write", POOL_ID, "SubnetIsFull",
                "Subnet snet-nodes with address prefix 10.240.0.0/25 does not have enough capacity for 31 IP addresses.",
                5);
        Answer a = answer(w, paste("node pool nodepool1 failed to scale up, it is in Failed state"),
                InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.SUBNET_CAPACITY, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("snet-nodes (23 free, 31 needed)"), f.title());
        assertTrue(f.evidence().get(0).text().contains("123 usable, 100 used, 23 free"), CheckHarness.text(f));
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, why(a).get(0), describe(a.report()));
        assertTrue(why(a).contains(CheckId.NODE_POOL_STATE), why(a).toString());
        assertWhyLine(a, "this → ", "SubnetIsFull", "Node pool nodepool1");
    }

    @Test
    void failedCluster_scopeLocked_likelyCauseNamesTheLockLevelAndScope() {
        ArmWorld w = failedCluster()
                .failedAsyncOperation("Microsoft.ContainerService/managedClusters/write", ArmWorld.CLUSTER_ID,
                        "ScopeLocked", "The scope '" + ArmWorld.NODE_RG_PATH + "' cannot perform delete operation "
                                + "because following scope(s) are locked: '" + ArmWorld.NODE_RG_PATH + "'.", 3)
                .nodeGroupLock("no-delete", "CanNotDelete", "protect prod");
        Answer a = answer(w, paste("cluster went to failed state during upgrade"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.RESOURCE_LOCKS, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("Lock no-delete (CanNotDelete) on resource group " + ArmWorld.NODE_RG), f.title());
        assertEquals(List.of(CheckId.ACTIVITY_LOG_FAILURES, CheckId.CLUSTER_STATE), why(a));
        assertWhyLine(a, "this → ", "ScopeLocked", "Failed state");
    }

    @Test
    void failedCluster_skuRestricted_likelyCauseNamesTheRestrictionAndZones() {
        ArmWorld w = failedCluster().failedAsyncOperation("Microsoft.ContainerService/managedClusters/write",
                ArmWorld.CLUSTER_ID, "SkuNotAvailable", "The requested VM size for resource 'Following SKUs have "
                        + "failed for Capacity Restrictions: Standard_DS2_v2' is currently not available in location "
                        + "'westeurope'.", 1);
        w.pool().putArray("availabilityZones").add("1").add("2").add("3");
        ObjectNode sku = (ObjectNode) w.skus.get("value").get(0);
        sku.putArray("restrictions").addObject().put("type", "Zone").put("reasonCode", "NotAvailableForSubscription")
                .putObject("restrictionInfo").putArray("zones").add("3");
        ((ObjectNode) sku.get("restrictions").get(0)).putArray("values").add("westeurope");
        ((ObjectNode) sku.get("restrictions").get(0).get("restrictionInfo")).putArray("locations").add("westeurope");
        ((ObjectNode) sku.get("locationInfo").get(0)).putArray("zones").add("1").add("2");
        Answer a = answer(w, paste("cluster create failed, cluster is in failed state"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.SKU_AVAILABILITY, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("Standard_DS2_v2 (pool nodepool1) NotAvailableForSubscription (zones 3), "
                + "not offered in zone 3"), f.title());
        assertEquals(List.of(CheckId.ACTIVITY_LOG_FAILURES, CheckId.CLUSTER_STATE), why(a));
        assertWhyLine(a, "this → ", "SkuNotAvailable", "Failed state");
    }

    @Test
    void failedPool_cseExit50OnOneInstance_likelyCauseIsTheExitCodeOnThatNode() {
        ArmWorld w = new ArmWorld().cseStatus("ProvisioningState/failed/50",
                "Enable failed: exit status=50 (VMExtensionError_OutBoundConnFail)");
        w.pool().put("provisioningState", "Failed");
        ((ObjectNode) w.instance.get("properties")).put("provisioningState", "Failed");
        Answer a = answer(w, paste("nodepool1 is in a failed state, one node failed"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.CSE_STATUS, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("aks-nodepool1-12345678-vmss000000 (exit 50"), f.title());
        assertEquals(CheckId.VMSS_INSTANCES, why(a).get(0), describe(a.report()));
        assertTrue(why(a).contains(CheckId.NODE_POOL_STATE), why(a).toString());
        assertWhyLine(a, "this → Node aks-nodepool1-12345678-vmss000000", "→ Node pool nodepool1", "Failed state");
        // Exit 50's own playbook ran in the same investigation (outbound: NSG, routes, firewall, DNS).
        assertTrue(a.report().findings().stream().anyMatch(x -> x.checkId() == CheckId.NODE_OUTBOUND_PROBE),
                describe(a.report()));
        assertTrue(a.likelyCauseButtons().contains(NextAction.RECONCILE_NODE_POOL.id()), a.likelyCauseButtons().toString());
        assertEquals("Run node connectivity test", a.buttons().get(NextAction.RUN_NODE_PROBE.id()));
    }

    private static final String M = dev.aksdoctor.check.probe.NodeProbeScripts.MARKER + " ";

    private static ArmWorld probeFails(ArmWorld w) {
        w.runCommandStdout = "Enable succeeded: \n[stdout]\n" + String.join("\n", M + "dns=ok ips="
                + ArmWorld.API_SERVER_IP, M + "tcp=fail rc=1", M + "done") + "\n[stderr]\n";
        return w;
    }

    @Test
    void exit51_nodeProbeFailsAndNsgExplainsIt_likelyCauseIsTheRule() {
        ArmWorld w = probeFails(new ArmWorld());
        w.rule(w.subnetNsg, "block-api", "Outbound", "Deny", 150, "Tcp", "AzureCloud", "443");
        Answer a = answer(w, paste("vmssCSE failed with exit status=51 on aks-nodepool1-12345678-vmss000000, "
                + "API server " + ArmWorld.API_SERVER_IP), InvestigationOptions.WITH_NODE_PROBES);
        Finding f = likely(a.report());
        assertEquals(CheckId.NSG_OUTBOUND, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("block-api"), f.title());
        assertEquals(List.of(CheckId.NODE_TCP_PROBE), why(a));
        assertWhyLine(a, "this → ", "cannot open TCP 443");
        assertTrue(a.likelyCauseButtons().contains(NextAction.SHOW_NSG_RULES.id()), a.likelyCauseButtons().toString());
    }

    @Test
    void exit51_nodeProbeFailsAndNothingInAzureExplainsIt_saysWhereToLook() {
        Answer a = answer(probeFails(new ArmWorld()), paste("vmssCSE failed with exit status=51 on "
                + "aks-nodepool1-12345678-vmss000000, API server " + ArmWorld.API_SERVER_IP),
                InvestigationOptions.WITH_NODE_PROBES);
        Finding f = likely(a.report());
        assertEquals(CheckId.NODE_TCP_PROBE, f.checkId(), describe(a.report()));
        assertTrue(a.report().why().isEmpty());
        assertTrue(a.likelyCauseText().contains("Nothing in Azure explains it"), a.likelyCauseText());
        assertTrue(a.likelyCauseText().contains("on-premises firewall, a DNS forwarder or a proxy"), a.likelyCauseText());
    }

    @Test
    void exit51_healthyCluster_showsTheTransientConclusion() {
        Answer a = answer(new ArmWorld(), paste("vmssCSE failed with exit status=51"), InvestigationOptions.DEFAULT);
        assertTrue(a.report().likelyCause().isEmpty(), describe(a.report()));
        assertTrue(a.text().contains("The cluster is Succeeded and Running: the failure was transient — retry the "
                + "operation."), a.text());
        assertEquals("Run node connectivity test", a.buttons().get(NextAction.RUN_NODE_PROBE.id()), a.buttons().toString());
    }

    @Test
    void authorizedRanges_publicClusterEgressIpMissing_likelyCauseNamesTheEgressIp() {
        ArmWorld w = new ArmWorld().authorizedRanges("203.0.113.0/24");
        Answer a = answer(w, paste("Code=\"VMExtensionProvisioningError\" Message=\"CSE failed with "
                + "'VMExtensionError_K8SAPIServerConnFail'. Node 10.240.0.4 could not reach API server at "
                + ArmWorld.API_SERVER_IP + ":443. Connection timed out.\""), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.AUTHORIZED_IP_RANGES, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("load balancer outbound IP " + ArmWorld.EGRESS_IP), f.title());
        assertEquals(List.of(NextAction.ADD_AUTHORIZED_RANGE.id()), a.likelyCauseButtons());
        assertEquals("Add " + ArmWorld.EGRESS_IP + "/32 to authorized ranges",
                a.buttons().get(NextAction.ADD_AUTHORIZED_RANGE.id()));
        assertFalse(a.text().contains("10.240.0.0"), "never a private range for a public API server:\n" + a.text());
    }

    @Test
    void authorizedRanges_managedVnetClusterEgressIpMissing_likelyCauseNamesTheEgressIp() {
        ArmWorld w = new ArmWorld().managedVnet().authorizedRanges("203.0.113.0/24");
        Answer a = answer(w, paste("kubectl get nodes: Unable to connect to the server: dial tcp "
                + ArmWorld.API_SERVER_IP + ":443: i/o timeout; pool add failed with exit status=51"),
                InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.AUTHORIZED_IP_RANGES, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains(ArmWorld.EGRESS_IP), f.title());
        assertFalse(a.text().contains("10.224."), "the managed VNet's private subnet is never blamed:\n" + a.text());
        assertEquals("Add " + ArmWorld.EGRESS_IP + "/32 to authorized ranges",
                a.buttons().get(NextAction.ADD_AUTHORIZED_RANGE.id()));
    }

    @Test
    void exit51WithoutApiServerIp_nsgDeniesAzureCloud_likelyCauseIsTheRule() {
        // The fake FQDN does not resolve: rules to Internet, AzureCloud or * still decide a public API server.
        ArmWorld w = new ArmWorld();
        w.rule(w.subnetNsg, "deny-azurecloud-443", "Outbound", "Deny", 120, "Tcp", "AzureCloud", "443");
        Answer a = answer(w, paste("vmssCSE failed with exit status=51"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.NSG_OUTBOUND, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("deny-azurecloud-443"), f.title());
        assertTrue(f.remedy().contains("AzureCloud.westeurope"), f.remedy());
    }

    @Test
    void timedOut_defaultRouteToAnUninspectableAppliance_isTheLikelyCauseWhenNothingFails() {
        ArmWorld w = new ArmWorld().route("default-to-nva", "0.0.0.0/0", "VirtualAppliance", "10.0.1.4");
        Answer a = answer(w, Diagnoses.timedOut(), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.EGRESS_APPLIANCE, f.checkId(), describe(a.report()));
        assertTrue(f.title().contains("10.0.1.4"), f.title());
        assertEquals("Run node connectivity test", a.buttons().get(NextAction.RUN_NODE_PROBE.id()));
    }

    @Test
    void timedOut_healthyAzureFirewallOnThePath_isNotBlamed() {
        ArmWorld w = new ArmWorld().route("default-to-fw", "0.0.0.0/0", "VirtualAppliance", "10.0.1.4");
        ObjectNode net = (ObjectNode) w.clusterProperties().get("networkProfile");
        net.put("outboundType", "userDefinedRouting");
        net.remove("loadBalancerProfile");
        w.publicIps.put(ArmWorld.NET_RG + "/publicIPAddresses/pip-fw", ArmWorld.EGRESS_IP);
        w.firewalls.add(ArmWorld.json("{\"id\":\"" + ArmWorld.NET_RG + "/azureFirewalls/fw-hub\",\"name\":\"fw-hub\","
                + "\"properties\":{\"provisioningState\":\"Succeeded\",\"ipConfigurations\":[{\"name\":\"c\","
                + "\"properties\":{\"privateIPAddress\":\"10.0.1.4\",\"publicIPAddress\":{\"id\":\"" + ArmWorld.NET_RG
                + "/publicIPAddresses/pip-fw\"}}}]," + ALLOW_AKS + "}}"));
        Answer a = answer(w, Diagnoses.timedOut(), InvestigationOptions.DEFAULT);
        assertTrue(a.report().likelyCause().isEmpty(), describe(a.report()));
    }

    @Test
    void kubectlTimeout_disabledSubscription_likelyCauseIsTheSubscription() {
        ArmWorld w = new ArmWorld();
        w.subscription.put("state", "Disabled");
        Answer a = answer(w, paste("$ kubectl get pods\nUnable to connect to the server: dial tcp "
                + ArmWorld.API_SERVER_IP + ":443: i/o timeout"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.SUBSCRIPTION_STATE, f.checkId(), describe(a.report()));
    }

    @Test
    void failedCluster_onlyAPolicyCategoryDenyEvent_likelyCauseIsThePolicy() {
        String assignment = ArmWorld.SUB_PATH + "/resourceGroups/" + ArmWorld.RG
                + "/providers/Microsoft.Authorization/policyAssignments/allowed-skus";
        ArmWorld w = failedCluster().policyDenyEvent(ArmWorld.NODE_RG_PATH
                + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + ArmWorld.VMSS, assignment, "allowed-skus");
        Answer a = answer(w, paste("cluster is in a failed state"), InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.POLICY_DENIAL, f.checkId(), describe(a.report()));
        assertTrue(f.evidence().stream().anyMatch(e -> assignment.equals(e.resourceId())), CheckHarness.text(f));
        assertEquals(List.of(CheckId.ACTIVITY_LOG_FAILURES, CheckId.CLUSTER_STATE), why(a));
    }

    @Test
    void cseWrapperPaste_quotaInTheActivityLog_runsTheQuotaCheckItNeverPlanned() {
        ArmWorld w = new ArmWorld().failedAsyncOperation("Microsoft.ContainerService/managedClusters/agentPools/write",
                POOL_ID, "QuotaExceeded", "Current Limit: 50, Current Usage: 50, Additional Required: 2", 4);
        w.pool().put("provisioningState", "Failed");
        ((ObjectNode) w.computeUsages.get("value").get(1)).put("currentValue", 50);
        Diagnosis d = paste("Code=\"VMExtensionProvisioningError\" Message=\"VM has reported a failure when processing "
                + "extension 'vmssCSE'.\"");
        assertFalse(d.plan().contains(CheckId.VCPU_QUOTA), d.plan().toString());
        Answer a = answer(w, d, InvestigationOptions.DEFAULT);
        Finding f = likely(a.report());
        assertEquals(CheckId.VCPU_QUOTA, f.checkId(), describe(a.report()));
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, why(a).get(0));
    }

    @Test
    void quotaPaste_clusterNotFailed_likelyCauseIsTheQuotaOrElseTheFailedOperation() {
        ArmWorld w = new ArmWorld().failedAsyncOperation("Microsoft.ContainerService/managedClusters/agentPools/write",
                POOL_ID, "QuotaExceeded", "Current Limit: 50, Current Usage: 48, Additional Required: 4", 2);
        ((ObjectNode) w.computeUsages.get("value").get(1)).put("currentValue", 48);
        Diagnosis d = paste("Code=\"QuotaExceeded\" Message=\"Operation could not be completed as it results in "
                + "exceeding approved standardDSv2Family Cores quota. Current Limit: 50, Current Usage: 48, Additional "
                + "Required: 4\"");
        Finding f = likely(answer(w, d, InvestigationOptions.DEFAULT).report());
        assertEquals(CheckId.VCPU_QUOTA, f.checkId(), CheckHarness.text(f));
        assertTrue(f.title().contains("Standard DSv2 Family vCPUs (48/50, 4 more needed)"), f.title());
        // With room again, the failed operation itself (a warning, the cluster recovered) is what explains the paste.
        ((ObjectNode) w.computeUsages.get("value").get(1)).put("currentValue", 6);
        Finding op = likely(answer(w, d, InvestigationOptions.DEFAULT).report());
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, op.checkId(), CheckHarness.text(op));
        assertEquals(Outcome.WARN, op.outcome());
    }

    @Test
    void certificateProblem_withoutNodeTest_offersRotateCertificatesBesideTheTest() {
        Diagnosis d = Diagnoses.connection(dev.aksdoctor.diagnosis.Subcategory.CERTIFICATE_PROBLEM,
                List.of(CheckId.NODE_TLS_PROBE, CheckId.HTTP_PROXY));
        Answer a = answer(new ArmWorld(), d, InvestigationOptions.DEFAULT);
        assertTrue(a.buttons().containsKey(NextAction.ROTATE_CERTIFICATES.id()), a.buttons() + "\n" + a.text());
        assertTrue(a.buttons().containsKey(NextAction.RUN_NODE_PROBE.id()), a.buttons().toString());
        assertTrue(a.text().contains("rotate the certificates"), a.text());
    }

    @Test
    void timedOut_healthyCluster_noRotateCertificates() {
        Answer a = answer(new ArmWorld(), Diagnoses.timedOut(), InvestigationOptions.DEFAULT);
        assertFalse(a.buttons().containsKey(NextAction.ROTATE_CERTIFICATES.id()), a.buttons().toString());
    }

    @Test
    void failedInstance_offersUpdateInstanceBesideReimage() {
        ArmWorld w = new ArmWorld();
        ((ObjectNode) w.instance.get("properties")).put("provisioningState", "Failed");
        Answer a = answer(w, Diagnoses.failedState("ProvisioningFailed"), InvestigationOptions.DEFAULT);
        assertTrue(a.buttons().containsKey(NextAction.UPDATE_INSTANCE.id()), a.buttons() + "\n" + a.text());
        assertFalse(a.text().contains("az vmss"), a.text());
    }

    // ------------------------------------------------------------------ AKS detectors when nothing explains it (issue 18)

    private static final String DETECTORS = NextAction.RUN_DETECTORS.id();

    private static java.time.Instant at(Answer a) {
        SuggestedAction offered = a.detectors().orElseThrow(() -> new AssertionError(describe(a.report())));
        return java.time.Instant.parse(offered.parameters().get(SuggestedAction.AT));
    }

    private static String category(Answer a) {
        return a.detectors().orElseThrow().parameters().get(SuggestedAction.CATEGORY);
    }

    @Test
    void failedCluster_noDeeperCause_offersCrudDetectorsAroundTheFailedOperation() {
        // InternalOperationError: no configuration check proves it, so the failed operation is the deepest finding.
        ArmWorld w = failedCluster().failedAsyncOperation("Microsoft.ContainerService/managedClusters/write",
                ArmWorld.CLUSTER_ID, "InternalOperationError", "An internal error occurred during the operation.", 30);
        java.time.Instant failed = java.time.Instant.now().minus(Duration.ofHours(30));
        Answer a = answer(w, paste("our cluster is in a failed state after the upgrade"), InvestigationOptions.DEFAULT);
        assertEquals(CheckId.ACTIVITY_LOG_FAILURES, likely(a.report()).checkId(), describe(a.report()));
        assertEquals("Run AKS detectors", a.buttons().get(DETECTORS), a.buttons().toString());
        assertEquals(DetectorCategory.CRUD.parameter(), category(a));
        assertTrue(Duration.between(failed, at(a)).abs().compareTo(Duration.ofMinutes(2)) < 0,
                "the window is placed around the failed operation, not the paste: " + at(a));
        assertTrue(a.likelyCauseText().contains("press \"Run AKS detectors\" (Create, upgrade, delete and scale, around "),
                a.likelyCauseText());
    }

    @Test
    void failedCluster_nothingInTheActivityLog_offersDetectorsAroundThePaste() {
        Answer a = answer(failedCluster(), paste("cluster aks1 is in Failed state"), InvestigationOptions.DEFAULT);
        assertEquals(CheckId.CLUSTER_STATE, likely(a.report()).checkId(), describe(a.report()));
        assertTrue(a.buttons().containsKey(DETECTORS), a.buttons().toString());
        assertEquals(DetectorCategory.CRUD.parameter(), category(a));
        assertTrue(Duration.between(at(a), java.time.Instant.now()).compareTo(Duration.ofMinutes(2)) < 0, at(a).toString());
    }

    @Test
    void failedCluster_quotaProvesTheFailure_noDetectorsButton() {
        ArmWorld w = failedCluster().failedAsyncOperation("Microsoft.ContainerService/managedClusters/agentPools/write",
                POOL_ID, "QuotaExceeded", "Operation could not be completed as it results in exceeding approved "
                        + "standardDSv2Family Cores quota. Current Limit: 24, Current Usage: 24, Additional Required: 4.",
                30);
        ((ObjectNode) w.computeUsages.get("value").get(1)).put("currentValue", 24).put("limit", 24);
        Answer a = answer(w, paste("our cluster is in a failed state after scaling"), InvestigationOptions.DEFAULT);
        assertEquals(CheckId.VCPU_QUOTA, likely(a.report()).checkId(), describe(a.report()));
        assertTrue(a.detectors().isEmpty());
        assertFalse(a.buttons().containsKey(DETECTORS), "a proven cause needs no detectors: " + a.buttons());
        assertFalse(a.text().contains("AKS detectors"), a.text());
    }

    @Test
    void timedOut_nothingFails_offersConnectivityDetectors() {
        Answer a = answer(new ArmWorld(), Diagnoses.timedOut(), InvestigationOptions.DEFAULT);
        assertTrue(a.report().likelyCause().isEmpty(), describe(a.report()));
        assertEquals(DetectorCategory.CONNECTIVITY.parameter(), category(a));
        assertTrue(a.text().contains("press \"Run AKS detectors\" (Connectivity, around "), a.text());
        assertEquals("Run AKS detectors", a.buttons().get(DETECTORS));
    }

    @Test
    void refused_stoppedCluster_isItsOwnExplanation_noDetectorsButton() {
        ArmWorld w = new ArmWorld();
        w.clusterProperties().putObject("powerState").put("code", "Stopped");
        Answer a = answer(w, Diagnoses.connection(dev.aksdoctor.diagnosis.Subcategory.CONNECTION_REFUSED,
                Diagnoses.REFUSED), InvestigationOptions.DEFAULT);
        assertEquals(CheckId.CLUSTER_STATE, likely(a.report()).checkId());
        assertFalse(a.buttons().containsKey(DETECTORS), a.buttons().toString());
    }

    @Test
    void timedOut_nsgDenies443_noDetectorsButton() {
        ArmWorld w = new ArmWorld();
        w.rule(w.subnetNsg, "block-api", "Outbound", "Deny", 150, "Tcp", "AzureCloud", "443");
        Answer a = answer(w, Diagnoses.timedOut(), InvestigationOptions.DEFAULT);
        assertEquals(CheckId.NSG_OUTBOUND, likely(a.report()).checkId());
        assertFalse(a.buttons().containsKey(DETECTORS), a.buttons().toString());
    }

    @Test
    void failedPool_cseExit50OnOneInstance_detectorsOfThePastedFailure() {
        ArmWorld w = new ArmWorld().cseStatus("ProvisioningState/failed/50",
                "Enable failed: exit status=50 (VMExtensionError_OutBoundConnFail)");
        w.pool().put("provisioningState", "Failed");
        ((ObjectNode) w.instance.get("properties")).put("provisioningState", "Failed");
        Answer a = answer(w, paste("nodepool1 is in a failed state, one node failed"), InvestigationOptions.DEFAULT);
        assertEquals(CheckId.CSE_STATUS, likely(a.report()).checkId(), describe(a.report()));
        // The paste is a failed state (create/upgrade/delete/scale): its category, not the node's exit code.
        assertEquals(DetectorCategory.CRUD.parameter(), category(a));
    }
}
