package dev.aksdoctor.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.AuditEventFacts;
import dev.aksdoctor.reply.Digest;
import dev.aksdoctor.reply.DigestFinding;
import dev.aksdoctor.reply.DigestRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestBuilderTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant SINCE = Instant.parse("2026-02-27T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String SUB = "/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups/";

    static String id(String rg, String name) {
        return SUB + rg + "/providers/microsoft.containerservice/managedclusters/" + name;
    }

    static AgentPoolFacts pool(String name, String state) {
        return new AgentPoolFacts(name, "System", "Linux", "Standard_D4s_v5", 3, state, "Running", null, List.of(), 30);
    }

    static ClusterHealth healthy(String rg, String name) {
        return new ClusterHealth(id(rg, name), rg + "/" + name, "Succeeded", "Running", List.of(pool("nodepool1", "Succeeded")),
                List.of(), List.of(), null);
    }

    static AuditEventFacts event(String op, String status, String resourceId, String caller, String at, String code) {
        return new AuditEventFacts(new ActivityEventFacts(op, status, "", resourceId, OffsetDateTime.parse(at),
                "corr-" + op.hashCode() + at, code, null, null), caller);
    }

    @Test
    void build_healthyClustersCollapsed_intoOneLine() {
        List<ClusterHealth> clusters = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            clusters.add(healthy("rg-" + i, "aks-" + i));
        }
        Digest d = new DigestBuilder(CLOCK).build(clusters, Map.of(), SINCE, ZONE);
        List<LayoutBlock> blocks = DigestRenderer.render(d, ZONE);

        assertEquals(300, d.healthy().size());
        assertEquals(3, blocks.size(), "header, counts, one collapsed healthy line");
        String line = DigestRenderer.healthyLine(d.healthy());
        assertTrue(line.startsWith(":white_check_mark: *300 healthy:* rg-0/aks-0, rg-1/aks-1"), line);
        assertTrue(line.matches("(?s).* and \\d+ more"), line);
        assertEquals(NOW, d.now());
    }

    @Test
    void build_failedPoolAndChanges_reasonsWithCallerAndTimeInChannelZone() {
        String nsgRule = SUB + "rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-nodes/securityRules/deny-443";
        ClusterHealth broken = new ClusterHealth(id("rg-a", "aks-a"), "rg-a/aks-a", "Succeeded", "Running",
                List.of(pool("nodepool1", "Failed")), List.of("aks-nodepool1-123-vmss/4"),
                List.of(event("Microsoft.Network/networkSecurityGroups/securityRules/write", "Succeeded", nsgRule,
                                "alice@contoso.com", "2026-03-01T21:15:00Z", null),
                        event("Microsoft.ContainerService/managedClusters/agentPools/write", "Failed", id("rg-a", "aks-a"),
                                "bob@contoso.com", "2026-03-01T22:00:00Z", "VMExtensionProvisioningError"),
                        event("Microsoft.Network/routeTables/routes/read", "Succeeded", nsgRule, "x", "2026-03-01T22:00:00Z", null)),
                null);

        Digest d = new DigestBuilder(CLOCK).build(List.of(broken, healthy("rg-b", "aks-b")), Map.of(), SINCE, ZONE);

        assertEquals(1, d.failed());
        assertEquals(0, d.degraded());
        Digest.Section s = d.unhealthy().get(0);
        assertEquals(Digest.Verdict.FAILED, s.verdict());
        assertEquals(List.of("pool-state", "instance-failed", "operation-failed"),
                s.findings().stream().map(m -> m.finding().code()).toList());
        assertTrue(s.findings().stream().allMatch(m -> m.mark() == Digest.Mark.NEW));
        assertEquals(List.of("NSG rule changed: `nsg-nodes/deny-443` by alice@contoso.com at Sun 22:15"), s.changes(),
                "reads are not changes; time is in the channel's zone");
        String json = DigestRenderer.render(d, ZONE).toString();
        assertTrue(json.contains("diagnose_cluster"), "a Diagnose button per unhealthy cluster");
    }

    @Test
    void build_againstPreviousDigest_marksStillNewAndResolved() {
        ClusterHealth first = new ClusterHealth(id("rg-a", "aks-a"), "rg-a/aks-a", "Failed", "Running",
                List.of(pool("nodepool1", "Failed")), List.of(), List.of(), null);
        Digest d1 = new DigestBuilder(CLOCK).build(List.of(first), Map.of(), SINCE, ZONE);
        Map<String, Digest.ReportedFindingView> reported = new LinkedHashMap<>();
        d1.current().forEach(f -> reported.put(f.fingerprint(), new Digest.ReportedFindingView(f.clusterId(), f.fingerprint(),
                "rg-a/aks-a: " + f.text())));

        ClusterHealth second = new ClusterHealth(id("rg-a", "aks-a"), "rg-a/aks-a", "Failed", "Stopped",
                List.of(pool("nodepool1", "Succeeded")), List.of(), List.of(), null);
        Digest d2 = new DigestBuilder(CLOCK).build(List.of(second), reported, NOW, ZONE);

        List<Digest.Marked> marks = d2.unhealthy().get(0).findings();
        assertEquals(Digest.Mark.STILL, marks.stream().filter(m -> m.finding().code().equals("cluster-state")).findFirst()
                .orElseThrow().mark());
        assertEquals(Digest.Mark.NEW, marks.stream().filter(m -> m.finding().code().equals("cluster-stopped")).findFirst()
                .orElseThrow().mark());
        assertEquals(1, d2.resolved().size());
        assertTrue(d2.resolved().get(0).summary().contains("nodepool1"));
        String json = DigestRenderer.render(d2, ZONE).toString();
        assertTrue(json.contains("Resolved since the last digest"), json);
        assertTrue(json.contains("_still_ cluster provisioning state"), json);
    }

    @Test
    void fingerprint_sameClusterCodeEvidence_isStableAcrossCase() {
        DigestFinding a = new DigestFinding(id("rg-a", "aks-a"), "pool-state", "nodepool1/Failed", "x", true);
        DigestFinding b = new DigestFinding(id("rg-a", "aks-a").toUpperCase(), "pool-state", "NODEPOOL1/Failed", "other text", true);
        DigestFinding c = new DigestFinding(id("rg-a", "aks-a"), "pool-state", "nodepool2/Failed", "x", true);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertTrue(!a.fingerprint().equals(c.fingerprint()));
    }

    @Test
    void render_manyUnhealthyClusters_staysWithinFiftyBlocks() {
        List<ClusterHealth> clusters = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            clusters.add(new ClusterHealth(id("rg", "aks-" + i), "rg/aks-" + i, "Failed", "Running", List.of(), List.of(),
                    List.of(), null));
        }
        Digest d = new DigestBuilder(CLOCK).build(clusters, Map.of(), SINCE, ZONE);
        List<LayoutBlock> blocks = DigestRenderer.render(d, ZONE);
        assertTrue(blocks.size() <= 50, "blocks: " + blocks.size());
        assertTrue(blocks.toString().contains("more unhealthy clusters not shown"));
    }

    @Test
    void changeKind_recognisesTheCommonCauses() {
        assertEquals(ChangeKind.ROUTE, ChangeKind.of("Microsoft.Network/routeTables/routes/delete").orElseThrow());
        assertEquals(ChangeKind.PRIVATE_DNS_LINK, ChangeKind.of("Microsoft.Network/privateDnsZones/virtualNetworkLinks/write").orElseThrow());
        assertEquals(ChangeKind.VNET, ChangeKind.of("Microsoft.Network/virtualNetworks/write").orElseThrow());
        assertEquals(ChangeKind.CLUSTER, ChangeKind.of("Microsoft.ContainerService/managedClusters/write").orElseThrow());
        assertTrue(ChangeKind.of("Microsoft.Network/virtualNetworks/read").isEmpty());
        assertTrue(ChangeKind.of(null).isEmpty());
    }
}
