package dev.aksdoctor.reply;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.NsgFacts;
import dev.aksdoctor.azure.RouteTableFacts;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.network.Access;
import dev.aksdoctor.network.Direction;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.NsgRule;
import dev.aksdoctor.network.RouteEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every renderer against exact expected JSON (src/test/resources/reply/), with realistic content. */
class RendererGoldenTest {

    static final String SUB = "00000000-0000-0000-0000-000000000001";
    static final ClusterRef CLUSTER = new ClusterRef(SUB, "rg-prod", "aks-prod");
    static final String CLUSTER_ID = CLUSTER.resourceId().orElseThrow();
    /** A message as posted: its fallback text and its blocks, in this order. */
    record Message(String text, Object blocks) {
    }

    static final String NET = "/subscriptions/" + SUB + "/resourceGroups/rg-net/providers/Microsoft.Network/";

    @Test
    void digest_failedDegradedHealthyAndResolved_matchesGolden() {
        String other = "/subscriptions/" + SUB + "/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-dev";
        DigestFinding pool = new DigestFinding(CLUSTER_ID, "pool-state", "nodepool1/Failed",
                "node pool `nodepool1` provisioning state *Failed*", true);
        DigestFinding op = new DigestFinding(CLUSTER_ID, "operation-failed", "corr-1",
                "failed operation `agentPools/write` by bob@contoso.com: VMExtensionProvisioningError", true);
        DigestFinding stopped = new DigestFinding(other, "cluster-stopped", "", "cluster power state *Stopped*", false);
        Digest d = new Digest(Instant.parse("2026-02-27T08:00:00Z"), Instant.parse("2026-03-02T08:00:00Z"),
                List.of("rg-a/aks-a", "rg-b/aks-b"),
                List.of(new Digest.Section(CLUSTER_ID, "rg-prod/aks-prod", Digest.Verdict.FAILED,
                                List.of(new Digest.Marked(pool, Digest.Mark.NEW), new Digest.Marked(op, Digest.Mark.STILL)),
                                List.of("NSG rule changed: `nsg-nodes/deny-443` by alice@contoso.com at Sun 22:15")),
                        new Digest.Section(other, "rg-dev/aks-dev", Digest.Verdict.DEGRADED,
                                List.of(new Digest.Marked(stopped, Digest.Mark.NEW)), List.of())),
                List.of(new Digest.ReportedFindingView(CLUSTER_ID, "abc", "rg-prod/aks-prod: 1 failed VMSS instance")),
                List.of(pool, op, stopped));
        Golden.assertMatches("digest", DigestRenderer.render(d, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void digest_withAksDetectors_criticalInsightsUnreadAndQuiet_matchesGolden() {
        String dev = "/subscriptions/" + SUB + "/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-dev";
        String qa = "/subscriptions/" + SUB + "/resourceGroups/rg-qa/providers/Microsoft.ContainerService/managedClusters/aks-qa";
        DigestDetectors detectors = new DigestDetectors(java.time.OffsetDateTime.parse("2026-03-01T08:00:00Z"),
                java.time.OffsetDateTime.parse("2026-03-02T08:00:00Z"), List.of(
                        new DigestDetectors.Cluster(CLUSTER_ID, "rg-prod/aks-prod", List.of(
                                new DigestDetectors.Insight("Cluster Create/Upgrade Failures",
                                        "Cluster PUT operation failed with QuotaExceeded",
                                        "Operation results in exceeding quota limits of Core. Maximum allowed: 10, "
                                                + "Current in use: 8, Additional requested: 6."),
                                new DigestDetectors.Insight("Node Pool Create/Upgrade Failures",
                                        "Agent pool PUT failed with SubnetIsFull", null)), null, null),
                        new DigestDetectors.Cluster(dev, "rg-dev/aks-dev", List.of(),
                                DigestDetectors.Unread.FORBIDDEN,
                                "Microsoft.ContainerService/managedClusters/detectors/read"),
                        new DigestDetectors.Cluster(qa, "rg-qa/aks-qa", List.of(),
                                DigestDetectors.Unread.TIMED_OUT, "60"),
                        new DigestDetectors.Cluster(qa + "2", "rg-qa/aks-qa2", List.of(), null, null)));
        Digest d = new Digest(Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-03-02T08:00:00Z"),
                List.of("rg-qa/aks-qa", "rg-qa/aks-qa2", "rg-dev/aks-dev"), List.of(), List.of(), List.of())
                .withDetectors(detectors);
        Golden.assertMatches("digest-detectors", DigestRenderer.render(d, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void clusterAlert_failed_matchesGolden() {
        ClusterFacts cluster = new ClusterFacts(CLUSTER_ID, CLUSTER, "westeurope", "Failed", "Running", "1.29.4",
                "aks-prod-dns.hcp.westeurope.azmk8s.io", null, false, null, List.of(), "loadBalancer", List.of(),
                "MC_rg-prod_aks-prod_westeurope", List.of(), null, null, "azure");
        Golden.assertMatches("cluster-alert-failed", ClusterAlertRenderer.blocks(cluster, "Failed"));
    }

    @Test
    void appHome_watchesAndRecentInvestigations_matchesGolden() {
        List<WatchedClusterSummary> watches = List.of(
                new WatchedClusterSummary("rg-prod/aks-prod", "C111", false, "node pool nodepool1 Failed",
                        Instant.parse("2026-03-02T08:00:00Z")),
                new WatchedClusterSummary("rg-dev/aks-dev", "C222", true, "Succeeded", null),
                new WatchedClusterSummary("rg-new/aks-new", null, null, null, null));
        List<RecentInvestigation> recent = List.of(
                new RecentInvestigation(7, "C111", "1700000000.000100", "VMExtensionError_K8SAPIServerConnFail",
                        InvestigationStatus.ANSWERED, "1 failing check", false, Instant.parse("2026-03-01T09:30:00Z"),
                        "NSG rule deny-443-out denies TCP 443 to the API server"),
                new RecentInvestigation(6, "C111", "1700000000.000050", null, InvestigationStatus.FAILED, "backlog full",
                        false, Instant.parse("2026-03-01T09:00:00Z"), null),
                new RecentInvestigation(5, "C222", "1699999999.000001", "QuotaExceeded", InvestigationStatus.ANSWERED,
                        null, true, Instant.parse("2026-02-28T17:45:12Z"), null));
        Golden.assertMatches("app-home", AppHomeRenderer.home(watches, recent, "https://example.slack.com/"));
    }

    @Test
    void appHome_empty_matchesGolden() {
        Golden.assertMatches("app-home-empty", AppHomeRenderer.home(List.of(), List.of(), null));
    }

    @Test
    void networkListing_nsg_matchesGolden() {
        String nsgId = NET + "networkSecurityGroups/aks-subnet-nsg";
        List<NsgRule> rules = new ArrayList<>(List.of(
                new NsgRule("deny-443-out", nsgId + "/securityRules/deny-443-out", Direction.OUTBOUND, Access.DENY, 100,
                        "Tcp", List.of("*"), List.of("*"), List.of("AzureCloud"), List.of("443"), false),
                new NsgRule("allow-lb-in", nsgId + "/securityRules/allow-lb-in", Direction.INBOUND, Access.ALLOW, 200,
                        "*", List.of("AzureLoadBalancer"), List.of("*"), List.of("*"), List.of("*"), false)));
        rules.addAll(NsgRule.azureDefaults());
        NetworkListingRenderer.Listing listing = NetworkListingRenderer.nsg(new NsgFacts(nsgId, "aks-subnet-nsg", rules));
        Golden.assertMatches("network-nsg", new Message(listing.text(), listing.blocks()));
    }

    @Test
    void networkListing_routes_matchesGolden() {
        String rt = NET + "routeTables/aks-udr";
        NetworkListingRenderer.Listing listing = NetworkListingRenderer.routes(new RouteTableFacts(rt, "aks-udr", List.of(
                new RouteEntry("to-firewall", rt + "/routes/to-firewall", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE,
                        "10.0.1.4", true),
                new RouteEntry("blackhole", rt + "/routes/blackhole", "20.0.0.0/8", NextHopType.NONE, null, true)), false));
        Golden.assertMatches("network-routes", new Message(listing.text(), listing.blocks()));
    }

    @Test
    void actionReplies_confirmationOfAReimage_matchesGolden() {
        ActionReplies.Confirmation c = ActionReplies.Confirmation.of("Reimage instance", "reimage a node of", CLUSTER,
                "Reimages the failed scale set instance: its OS disk is rebuilt from the node image and it rejoins the "
                        + "cluster. Pods on it are lost unless they were drained.",
                List.of("*Scale set:* `aks-nodepool1-12345678-vmss`, instance `4`"));
        Golden.assertMatches("action-confirmation", ActionReplies.confirmation(c, "{\"a\":\"reimage_instance\"}"));
    }

    @Test
    void actionReplies_rangeDialogs_matchGolden() {
        ActionReplies.Confirmation c = ActionReplies.Confirmation.of("Add authorized range",
                "change the authorized IP ranges of", CLUSTER, "Replaces the API server's authorized IP ranges with the list below.",
                ActionReplies.rangeChange("198.51.100.7/32", List.of("10.240.0.0/16"), List.of("10.240.0.0/16", "198.51.100.7/32")));
        Golden.assertMatches("action-range-confirmation", ActionReplies.confirmation(c, "{}"));
        Golden.assertMatches("action-range-input", ActionReplies.rangeInput("Add authorized range", CLUSTER.displayName(), "{}"));
        Golden.assertMatches("action-range-loading", ActionReplies.rangeLoading("Add authorized range"));
        Golden.assertMatches("action-problem", ActionReplies.problem("Add authorized range",
                "`10.240.0.7/32` is already inside the authorized range `10.240.0.0/16`. Nothing to change."));
    }

    @Test
    void actionReplies_announcements_matchGolden() {
        Golden.assertMatches("action-announcements", List.of(
                ActionReplies.announcement(ActionReplies.started("UOPS1", "Rotate certificates", CLUSTER.displayName())),
                ActionReplies.announcement(ActionReplies.succeeded("Reconcile node pool", CLUSTER.displayName(),
                        "Node pool nodepool1 was reconciled.")),
                ActionReplies.announcement(ActionReplies.failed("Start cluster", CLUSTER.displayName(),
                        "the authorized ranges changed since the dialog showed them")),
                ActionReplies.announcement(ActionReplies.refusal("rotate the certificates of", CLUSTER.displayName(),
                        List.of("UOPS1"), List.of("SOPS1")))));
    }

    @Test
    void nextActionButtons_everyAction_matchesGolden() {
        List<Object> buttons = new ArrayList<>();
        for (NextAction action : NextAction.values()) {
            Map<String, String> p = switchParameters(action);
            buttons.add(NextActionButtons.button(action, p, new ActionPayload(42, CLUSTER_ID, p)));
        }
        Golden.assertMatches("next-action-buttons", buttons);
    }

    private static Map<String, String> switchParameters(NextAction action) {
        if (action == NextAction.RECONCILE_NODE_POOL) {
            return SuggestedAction.reconcilePool("nodepool1").parameters();
        }
        if (action == NextAction.ADD_AUTHORIZED_RANGE) {
            return SuggestedAction.addRange("20.50.60.70/32").parameters();
        }
        if (action == NextAction.REIMAGE_INSTANCE) {
            return SuggestedAction.reimage("aks-nodepool1-12345678-vmss", "4").parameters();
        }
        if (action == NextAction.UPDATE_INSTANCE) {
            return SuggestedAction.updateInstance("aks-nodepool1-12345678-vmss", "4").parameters();
        }
        if (action == NextAction.START_NODE_POOL) {
            return SuggestedAction.startPool("nodepool1").parameters();
        }
        return Map.of();
    }

    @Test
    void help_matchesGolden() {
        List<Usage> usages = List.of(
                Usage.of("alerts on|off <resource ID>", "one alert when a watched cluster turns Failed or Stopped"),
                new Usage(List.of("digest", "digest now", "digest schedule \"<cron>\" [Time/Zone]"), "health digests"),
                Usage.of("status", "the investigation queue, Azure and Slack health, and this channel's default cluster and watches"),
                Usage.of("help", "this message"));
        Golden.assertMatches("help", HelpRenderer.usage(null, usages));
        Golden.assertMatches("help-unknown", HelpRenderer.usage(HelpRenderer.unknownSubCommand("frobnicate"), usages));
    }

    @Test
    void status_busyChannelWithDefaultAndWatches_matchesGolden() {
        StatusView view = new StatusView(2, 1,
                List.of(new StatusView.Health("azure", true, Map.of("cloud", "AZURE", "azure", "credential ok", "configured", true)),
                        new StatusView.Health("slack", true, Map.of("configured", false,
                                "detail", "not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN"))),
                Optional.of(CLUSTER), List.of(CLUSTER_ID.toLowerCase()),
                Optional.of(new StatusView.Schedule("0 0 9 ? * MON-FRI", "Europe/Berlin")));
        Golden.assertMatches("status", new Message(StatusRenderer.fallbackText(view), StatusRenderer.blocks(view)));
    }

    @Test
    void commandReplies_everyStartOutcome_matchGolden() {
        Golden.assertMatches("paste-acks", Arrays.stream(StartInvestigation.Started.values())
                .map(CommandReplies::pasteReceived).toList());
    }
}
