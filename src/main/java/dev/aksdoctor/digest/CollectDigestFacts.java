package dev.aksdoctor.digest;

import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.AuditEventFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.ScaleSetFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Fetches what a digest needs with as few ARM calls as possible: per subscription, one cluster list (with
 * node pools) and one Activity Log query, whatever the number of clusters; scale-set instances only for
 * clusters whose pools are not healthy. Subscriptions are read in parallel, at most {@code concurrency}
 * calls at a time.
 */
public final class CollectDigestFacts {

    private final ArmGateway arm;
    private final int concurrency;

    public CollectDigestFacts(ArmGateway arm, int concurrency) {
        this.arm = arm;
        this.concurrency = Math.max(1, concurrency);
    }

    public List<ClusterHealth> collect(List<String> clusterIds, Instant since, Instant now) {
        Map<String, List<ClusterRef>> bySubscription = new LinkedHashMap<>();
        for (String id : clusterIds) {
            ClusterRef.findResourceId(id).ifPresent(ref ->
                    bySubscription.computeIfAbsent(ref.subscriptionId(), s -> new ArrayList<>()).add(ref));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, bySubscription.size())), r -> {
            Thread t = new Thread(r, "digest-arm");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<List<ClusterHealth>>> futures = bySubscription.entrySet().stream()
                    .map(e -> CompletableFuture.supplyAsync(() -> subscription(e.getKey(), e.getValue(), since, now), pool))
                    .toList();
            return futures.stream().flatMap(f -> f.join().stream()).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<ClusterHealth> subscription(String subscriptionId, List<ClusterRef> watched, Instant since, Instant now) {
        Map<String, ClusterFacts> listed;
        try {
            listed = arm.clusterFacts(subscriptionId).stream()
                    .collect(Collectors.toMap(c -> c.id().toLowerCase(Locale.ROOT), c -> c, (a, b) -> a));
        } catch (ArmException e) {
            return watched.stream().map(ref -> unreadable(ref, e.getMessage())).toList();
        }
        List<AuditEventFacts> events;
        try {
            events = arm.auditEvents(subscriptionId, OffsetDateTime.ofInstant(since, ZoneOffset.UTC),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        } catch (ArmException e) {
            events = List.of();
        }
        List<ClusterHealth> out = new ArrayList<>();
        for (ClusterRef ref : watched) {
            String id = ref.resourceId().orElseThrow().toLowerCase(Locale.ROOT);
            ClusterFacts c = listed.get(id);
            if (c == null) {
                out.add(unreadable(ref, "not found in subscription " + subscriptionId + " (deleted, or no read access)"));
                continue;
            }
            out.add(new ClusterHealth(id, ref.displayName(), c.provisioningState(), c.powerState(), c.agentPools(),
                    failedInstances(c), related(c, events), null));
        }
        return out;
    }

    private List<String> failedInstances(ClusterFacts c) {
        boolean poolsHealthy = c.agentPools().stream().allMatch(p -> "Succeeded".equalsIgnoreCase(p.provisioningState()));
        if (poolsHealthy || c.nodeResourceGroup() == null) {
            return List.of();
        }
        List<String> failed = new ArrayList<>();
        try {
            for (ScaleSetFacts vmss : arm.scaleSets(c.ref().subscriptionId(), c.nodeResourceGroup())) {
                for (InstanceFacts i : arm.instances(c.ref().subscriptionId(), c.nodeResourceGroup(), vmss.name())) {
                    if ("Failed".equalsIgnoreCase(i.provisioningState())) {
                        failed.add(vmss.name() + "/" + i.instanceId());
                    }
                }
            }
        } catch (ArmException e) {
            // The pool state already says the pool failed; instances are detail.
        }
        return failed;
    }

    /** Events on the cluster, in its resource groups, or in the resource groups of its node subnets. */
    static List<AuditEventFacts> related(ClusterFacts c, List<AuditEventFacts> events) {
        String clusterId = c.id().toLowerCase(Locale.ROOT);
        Set<String> groups = new HashSet<>();
        groups.add(group(clusterId));
        if (c.nodeResourceGroup() != null) {
            groups.add(("/subscriptions/" + c.ref().subscriptionId() + "/resourcegroups/" + c.nodeResourceGroup())
                    .toLowerCase(Locale.ROOT));
        }
        for (AgentPoolFacts p : c.agentPools()) {
            if (p.vnetSubnetId() != null) {
                groups.add(group(p.vnetSubnetId().toLowerCase(Locale.ROOT)));
            }
        }
        return events.stream().filter(e -> {
            String rid = e.event().resourceId() == null ? "" : e.event().resourceId().toLowerCase(Locale.ROOT);
            return rid.startsWith(clusterId) || groups.contains(group(rid));
        }).toList();
    }

    private static String group(String resourceId) {
        String[] parts = resourceId.split("/");
        return parts.length >= 5 ? String.join("/", parts[0], parts[1], parts[2], parts[3], parts[4]) : resourceId;
    }

    private static ClusterHealth unreadable(ClusterRef ref, String why) {
        return new ClusterHealth(ref.resourceId().orElseThrow().toLowerCase(Locale.ROOT), ref.displayName(), null, null,
                List.of(), List.of(), List.of(), why);
    }
}
