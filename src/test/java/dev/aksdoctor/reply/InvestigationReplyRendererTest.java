package dev.aksdoctor.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.AzureAccess;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.check.Evidence;
import dev.aksdoctor.check.Finding;
import dev.aksdoctor.check.InvestigationReport;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.Outcome;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.DiagnosisBuilder;
import dev.aksdoctor.diagnosis.DocLink;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.RecognizedError;
import dev.aksdoctor.diagnosis.Subcategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InvestigationReplyRendererTest {

    static final ClusterRef CLUSTER = new ClusterRef("00000000-0000-0000-0000-000000000001", "rg-prod", "aks-prod");
    static final String NSG = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/"
            + "Microsoft.Network/networkSecurityGroups/aks-subnet-nsg";

    static Diagnosis diagnosis() {
        return DiagnosisBuilder.diagnosis().error("VMExtensionError_K8SAPIServerConnFail", 51, OsType.LINUX)
                .subcategory(Subcategory.CONNECTION_TIMED_OUT).nodeIp("10.0.2.10").apiServerIp("98.67.228.23")
                .region("uksouth").privateCluster(false).cluster(CLUSTER)
                .node("aks-nodepool1-12345678-vmss000004", "aks-nodepool1-12345678-vmss", "4")
                .errors(List.of(new RecognizedError("VMExtensionError_K8SAPIServerConnFail", 51, OsType.LINUX,
                        "API server unreachable")))
                .summary("Connection to the API server timed out")
                .docs(List.of(new DocLink("Troubleshoot exit code 51",
                        "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/error-codes/vmextensionerror-k8sapiserverconnfail")))
                .plan(CheckId.AUTHORIZED_IP_RANGES, CheckId.NSG_OUTBOUND, CheckId.ROUTE_TABLE).build();
    }

    static InvestigationReport nsgDenies() {
        Finding ranges = Finding.pass(CheckId.AUTHORIZED_IP_RANGES, "Authorized IP ranges are not enabled", List.of(), null);
        Finding nsg = new Finding(CheckId.NSG_OUTBOUND, Outcome.FAIL, "NSG rule deny-443-out denies TCP 443 to the API server",
                List.of(Evidence.of("Outbound rule deny-443-out (priority 100, Deny, Tcp 443 to Internet) matched first", NSG)),
                "Allow outbound TCP 443 to the API server (or the AzureCloud tag) above priority 100.",
                new DocLink("Required outbound network rules", "https://learn.microsoft.com/azure/aks/outbound-rules-control-egress"),
                List.of(SuggestedAction.of(NextAction.SHOW_NSG_RULES, SuggestedAction.RESOURCE_ID, NSG)));
        Finding route = Finding.pass(CheckId.ROUTE_TABLE, "No route table on the node subnet", List.of(), null);
        return new InvestigationReport(ClusterLocation.found(CLUSTER, "resource ID in the paste"), List.of(ranges, nsg, route),
                Optional.of(nsg), AzureAccess.available("credential ok"), 7);
    }

    @Test
    void finished_nsgDenies_matchesGoldenJson() throws IOException {
        String actual = SlackLimitsAssert.json(InvestigationReplyRenderer.finished(42, diagnosis(), nsgDenies())).toString();
        String expected = new String(getClass().getResourceAsStream("/reply/finished-nsg-denies.json").readAllBytes(),
                StandardCharsets.UTF_8).strip();
        assertEquals(expected, actual);
    }

    @Test
    void finished_likelyCauseComesFirstWithEvidenceRemedyAndButtons() {
        String json = SlackLimitsAssert.json(InvestigationReplyRenderer.finished(42, diagnosis(), nsgDenies())).toString();
        int cause = json.indexOf("Likely cause");
        int passed = json.indexOf("*Passed (2)*");
        assertTrue(cause > 0 && passed > cause, "likely cause before the other findings");
        assertTrue(json.contains("deny-443-out (priority 100"), "evidence names the rule");
        assertTrue(json.contains("networkSecurityGroups/aks-subnet-nsg"), "evidence names the resource");
        assertTrue(json.contains("\"action_id\":\"show_nsg_rules\""));
        assertTrue(json.contains("\"action_id\":\"rerun_checks\""));
        assertTrue(json.contains("\"action_id\":\"watch_cluster\""));
        SlackLimitsAssert.withinLimits(InvestigationReplyRenderer.finished(42, diagnosis(), nsgDenies()));
    }

    @Test
    void finished_noAzureCredential_saysWhatIsMissingAndOffersNoClusterActions() {
        List<Finding> skipped = diagnosis().plan().stream()
                .map(id -> Finding.skipped(id, "Skipped: Azure access is not configured", "no credential: set AZURE_CLIENT_ID", List.of()))
                .collect(Collectors.toList());
        InvestigationReport report = new InvestigationReport(ClusterLocation.notFound("Azure access is not configured"),
                skipped, Optional.empty(), AzureAccess.unavailable("no credential: set AZURE_CLIENT_ID"), 0);
        String json = SlackLimitsAssert.json(InvestigationReplyRenderer.finished(7, diagnosis(), report)).toString();
        assertTrue(json.contains("Azure checks were skipped:* no credential: set AZURE_CLIENT_ID"));
        assertFalse(json.contains("start_cluster"));
        assertFalse(json.contains("pick_cluster"), "no picker while Azure cannot be asked");
    }

    @Test
    void finished_clusterNotFound_offersThePicker() {
        InvestigationReport report = new InvestigationReport(ClusterLocation.notFound("no cluster matches 98.67.228.23"),
                List.of(), Optional.empty(), AzureAccess.available("ok"), 3);
        String json = SlackLimitsAssert.json(InvestigationReplyRenderer.finished(7, diagnosis(), report)).toString();
        assertTrue(json.contains("\"action_id\":\"pick_cluster\""));
        assertTrue(json.contains("no cluster matches 98.67.228.23"));
    }

    @Test
    void pastedMarkup_isEscaped() {
        Finding evil = new Finding(CheckId.CLUSTER_STATE, Outcome.FAIL, "<!channel> <https://evil.example|docs>",
                List.of(Evidence.of("<@U999> & more")), "x", null, List.of());
        InvestigationReport report = new InvestigationReport(ClusterLocation.found(CLUSTER, "paste"), List.of(evil),
                Optional.of(evil), AzureAccess.available("ok"), 1);
        String json = SlackLimitsAssert.json(InvestigationReplyRenderer.finished(1, diagnosis(), report)).toString();
        assertFalse(json.contains("<!channel>"));
        assertFalse(json.contains("<@U999>"));
        assertTrue(json.contains("&lt;!channel&gt;"));
    }

    @Test
    void running_showsProgressAndStaysWithinLimits() {
        var blocks = InvestigationReplyRenderer.running(diagnosis(), List.of(nsgDenies().findings().get(0)), 3);
        String json = SlackLimitsAssert.json(blocks).toString();
        assertTrue(json.contains("1 of 3 checks done"));
        SlackLimitsAssert.withinLimits(blocks);
        assertTrue(SlackLimitsAssert.json(InvestigationReplyRenderer.running(diagnosis(), List.of(), 9)).toString()
                .contains("9 checks queued"));
    }

    @Test
    void running_withNoCheckToRun_saysItIsReadingThePaste_notZeroChecksQueued() {
        String json = SlackLimitsAssert.json(InvestigationReplyRenderer.running(diagnosis(), List.of(), 0)).toString();
        assertTrue(json.contains("Reading the paste"), json);
        assertFalse(json.contains("checks"), json);
        assertFalse(InvestigationReplyRenderer.runningText(diagnosis(), 0, 0).contains("checks"));
    }

    @Test
    void largestInvestigation_staysWithinEverySlackLimit() {
        String huge = "x".repeat(5000);
        List<SuggestedAction> manyActions = new ArrayList<>();
        for (NextAction a : NextAction.values()) {
            manyActions.add(SuggestedAction.of(a));
        }
        IntStream.range(0, 40).forEach(i -> manyActions.add(SuggestedAction.addRange("20.1." + i + ".0/24")));
        List<Evidence> evidence = IntStream.range(0, 200).mapToObj(i -> Evidence.of(huge + i, NSG + i)).collect(Collectors.toList());
        List<Finding> findings = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            for (CheckId id : CheckId.values()) {
                findings.add(new Finding(id, o, huge, evidence, huge, new DocLink(huge, "https://learn.microsoft.com/" + "a".repeat(2000)),
                        manyActions));
            }
        }
        List<DocLink> docs = IntStream.range(0, 60).mapToObj(i -> new DocLink(huge, "https://learn.microsoft.com/x" + i))
                .collect(Collectors.toList());
        List<RecognizedError> errors = IntStream.range(0, 100)
                .mapToObj(i -> new RecognizedError("Code" + i + huge, i, OsType.WINDOWS, huge)).collect(Collectors.toList());
        Diagnosis d = new Diagnosis(huge, 51, OsType.WINDOWS, Subcategory.TLS_HANDSHAKE_FAILED, huge, huge, huge, huge, true,
                new ClusterRef(null, huge.substring(0, 90), huge.substring(0, 63)), huge, huge, huge, huge, errors, huge, docs,
                Arrays.asList(CheckId.values()));
        InvestigationReport report = new InvestigationReport(
                ClusterLocation.ambiguous(IntStream.range(0, 50).mapToObj(i -> CLUSTER).collect(Collectors.toList()), huge),
                findings, Optional.of(findings.get(0)), AzureAccess.unavailable(huge), 9999);
        SlackLimitsAssert.withinLimits(InvestigationReplyRenderer.finished(Long.MAX_VALUE, d, report));
        SlackLimitsAssert.withinLimits(InvestigationReplyRenderer.running(d, findings, findings.size()));
        SlackLimitsAssert.withinLimits(DiagnosisReplyRenderer.render(d));
        assertTrue(InvestigationReplyRenderer.finishedText(d, report).length() <= SlackLimits.MESSAGE_TEXT);
        InvestigationReport found = new InvestigationReport(ClusterLocation.found(CLUSTER, huge), findings,
                Optional.of(findings.get(0)), AzureAccess.available(huge), 1);
        SlackLimitsAssert.withinLimits(InvestigationReplyRenderer.finished(1, d, found));
    }

    @Test
    void finished_causeWithSymptoms_showsTheWhyChainUnderTheCause_andOneButtonPerActionId() {
        Finding quota = new Finding(CheckId.VCPU_QUOTA, Outcome.FAIL, "vCPU quota exhausted in uksouth: Standard DSv5 "
                + "Family vCPUs (24/24, 4 more needed)", List.of(), "Request a quota increase, then reconcile the cluster.",
                null, List.of(SuggestedAction.of(NextAction.RECONCILE_CLUSTER)));
        Finding operation = new Finding(CheckId.ACTIVITY_LOG_FAILURES, Outcome.FAIL,
                "agentPools/write failed with QuotaExceeded (24/24 used, 4 more needed)", List.of(), "Fix it.", null,
                List.of(SuggestedAction.of(NextAction.RECONCILE_CLUSTER)));
        Finding state = new Finding(CheckId.CLUSTER_STATE, Outcome.FAIL, "The cluster is in a Failed state", List.of(),
                "Reconcile.", null, List.of(SuggestedAction.of(NextAction.RECONCILE_CLUSTER),
                        SuggestedAction.of(NextAction.WATCH_CLUSTER)));
        InvestigationReport report = new InvestigationReport(ClusterLocation.found(CLUSTER, "resource ID in the paste"),
                List.of(state, operation, quota), Optional.of(quota), List.of(operation, state),
                AzureAccess.available("ok"), 9);
        String json = SlackLimitsAssert.json(InvestigationReplyRenderer.finished(5, diagnosis(), report)).toString();
        assertTrue(json.contains("*Why:* this → agentPools/write failed with QuotaExceeded (24/24 used, 4 more needed) "
                + "→ The cluster is in a Failed state"), json);
        assertTrue(json.contains("The cluster is in a Failed state — explained by the likely cause"), json);
        assertEquals(1, json.split("\"action_id\":\"reconcile_cluster\"", -1).length - 1, "one Reconcile cluster");
    }
}
