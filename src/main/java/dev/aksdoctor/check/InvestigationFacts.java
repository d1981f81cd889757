package dev.aksdoctor.check;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.LockFacts;
import dev.aksdoctor.azure.NatGatewayFacts;
import dev.aksdoctor.azure.NsgFacts;
import dev.aksdoctor.azure.PolicyAssignmentFacts;
import dev.aksdoctor.azure.PrivateDnsZoneFacts;
import dev.aksdoctor.azure.PrivateEndpointFacts;
import dev.aksdoctor.azure.ProviderFacts;
import dev.aksdoctor.azure.PublicIpFacts;
import dev.aksdoctor.azure.RouteTableFacts;
import dev.aksdoctor.azure.RunCommandOutput;
import dev.aksdoctor.azure.ScaleSetFacts;
import dev.aksdoctor.azure.SkuFacts;
import dev.aksdoctor.azure.SubnetFacts;
import dev.aksdoctor.azure.SubscriptionFacts;
import dev.aksdoctor.azure.UsageFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.check.probe.NodeProbeScripts;
import dev.aksdoctor.check.probe.ProbeOutputParser;
import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.check.probe.ProbeTarget;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.network.AddressRanges;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The facts of one investigation, each fetched from ARM at most once whichever checks ask for it, and
 * however many ask at the same time (the first asker fetches, the others wait for its result). Failures
 * are remembered too: a 403 is not retried by every check that needs the resource.
 */
public final class InvestigationFacts {

    private final ArmGateway gateway;
    private final ClusterRef ref;
    private final Diagnosis diagnosis;
    private final Clock clock;
    private final Duration activityLogWindow;
    private final Map<String, CompletableFuture<Object>> memo = new ConcurrentHashMap<>();
    private final AtomicInteger armCalls = new AtomicInteger();
    private final java.util.concurrent.Executor executor;

    public InvestigationFacts(ArmGateway gateway, ClusterRef ref, Diagnosis diagnosis, Clock clock,
            Duration activityLogWindow) {
        this(gateway, ref, diagnosis, clock, activityLogWindow, Runnable::run);
    }

    /** {@code executor} runs fetches a check starts ahead of need (see {@link #ahead}); it must not be bounded small. */
    public InvestigationFacts(ArmGateway gateway, ClusterRef ref, Diagnosis diagnosis, Clock clock,
            Duration activityLogWindow, java.util.concurrent.Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.ref = Objects.requireNonNull(ref, "ref");
        this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.activityLogWindow = Objects.requireNonNull(activityLogWindow, "activityLogWindow");
    }

    /** How many gateway fetches this investigation made (each distinct resource once). */
    public int armCalls() {
        return armCalls.get();
    }

    private <T> T once(String key, Supplier<T> fetch) {
        return memoised(key.toLowerCase(Locale.ROOT), true, fetch);
    }

    /** Derived facts are memoised the same way but cost no ARM call of their own. */
    private <T> T derived(String key, Supplier<T> compute) {
        return memoised("derived:" + key, false, compute);
    }

    /** The first caller of a key computes it; concurrent and later callers wait for and share that result. */
    @SuppressWarnings("unchecked")
    private <T> T memoised(String memoKey, boolean armCall, Supplier<T> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = memo.putIfAbsent(memoKey, mine);
        if (existing == null) {
            if (armCall) {
                armCalls.incrementAndGet();
            }
            try {
                mine.complete(compute.get());
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            existing = mine;
        }
        try {
            return (T) existing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /** Starts a fetch now, in parallel with the caller's next one; its result lands in the memo. */
    public void ahead(Supplier<?> fetch) {
        CompletableFuture.runAsync(() -> {
            try {
                fetch.get();
            } catch (RuntimeException e) {
                // Remembered in the memo; the check that needs it reports it.
            }
        }, executor);
    }

    public ClusterRef ref() {
        return ref;
    }

    public Diagnosis diagnosis() {
        return diagnosis;
    }

    // ---- raw facts

    public ClusterFacts cluster() {
        return once("cluster", () -> gateway.cluster(ref));
    }

    public VnetFacts vnet(String id) {
        return once("vnet:" + id, () -> gateway.vnet(id));
    }

    public List<VnetFacts> vnets(String resourceGroup) {
        return once("vnets:" + resourceGroup, () -> gateway.vnets(ref.subscriptionId(), resourceGroup));
    }

    public NsgFacts nsg(String id) {
        return once("nsg:" + id, () -> gateway.nsg(id));
    }

    public RouteTableFacts routeTable(String id) {
        return once("rt:" + id, () -> gateway.routeTable(id));
    }

    public PublicIpFacts publicIp(String id) {
        return once("pip:" + id, () -> gateway.publicIp(id));
    }

    public NatGatewayFacts natGateway(String id) {
        return once("nat:" + id, () -> gateway.natGateway(id));
    }

    public List<FirewallFacts> firewalls() {
        return once("firewalls", () -> gateway.firewalls(ref.subscriptionId()));
    }

    public List<PrivateEndpointFacts> privateEndpoints(String resourceGroup) {
        return once("pe:" + resourceGroup, () -> gateway.privateEndpoints(ref.subscriptionId(), resourceGroup));
    }

    public List<PrivateDnsZoneFacts> privateDnsZones(String resourceGroup) {
        return once("dnszones:" + resourceGroup, () -> gateway.privateDnsZones(ref.subscriptionId(), resourceGroup));
    }

    public PrivateDnsZoneFacts privateDnsZone(String id) {
        return once("dnszone:" + id, () -> gateway.privateDnsZone(id));
    }

    public List<ScaleSetFacts> scaleSets() {
        return once("vmss", () -> gateway.scaleSets(ref.subscriptionId(), cluster().nodeResourceGroup()));
    }

    public List<InstanceFacts> instances(String scaleSet) {
        return once("instances:" + scaleSet,
                () -> gateway.instances(ref.subscriptionId(), cluster().nodeResourceGroup(), scaleSet));
    }

    public InstanceFacts instance(String scaleSet, String instanceId) {
        return once("instance:" + scaleSet + "/" + instanceId,
                () -> gateway.instance(ref.subscriptionId(), cluster().nodeResourceGroup(), scaleSet, instanceId));
    }

    public List<ActivityEventFacts> activityLog(String resourceGroup) {
        OffsetDateTime to = OffsetDateTime.now(clock);
        OffsetDateTime from = to.minus(activityLogWindow);
        return once("activity:" + resourceGroup,
                () -> gateway.activityLog(ref.subscriptionId(), resourceGroup, from, to));
    }

    public List<UsageFacts> computeUsages(String region) {
        return once("cusage:" + region, () -> gateway.computeUsages(ref.subscriptionId(), region));
    }

    public List<UsageFacts> networkUsages(String region) {
        return once("nusage:" + region, () -> gateway.networkUsages(ref.subscriptionId(), region));
    }

    public List<SkuFacts> vmSkus(String region) {
        return once("skus:" + region, () -> gateway.vmSkus(ref.subscriptionId(), region));
    }

    public PolicyAssignmentFacts policyAssignment(String id) {
        return once("policy:" + id, () -> gateway.policyAssignment(id));
    }

    public List<LockFacts> locks(String resourceGroup) {
        return once("locks:" + resourceGroup, () -> gateway.locks(ref.subscriptionId(), resourceGroup));
    }

    public ProviderFacts provider(String namespace) {
        return once("provider:" + namespace, () -> gateway.provider(ref.subscriptionId(), namespace));
    }

    public SubscriptionFacts subscription() {
        return once("subscription", () -> gateway.subscription(ref.subscriptionId()));
    }

    // ---- derived facts

    /**
     * The subnets the node pools use: each pool's {@code vnetSubnetID}, or for pools without one the
     * AKS-managed VNet in the node resource group.
     */
    public List<NodeSubnet> nodeSubnets() {
        return derived("nodeSubnets", () -> {
            ClusterFacts c = cluster();
            Map<String, List<String>> poolsBySubnet = new LinkedHashMap<>();
            List<String> managedPools = new ArrayList<>();
            c.agentPools().forEach(p -> {
                if (p.vnetSubnetId() == null || p.vnetSubnetId().isBlank()) {
                    managedPools.add(p.name());
                } else {
                    poolsBySubnet.computeIfAbsent(p.vnetSubnetId(), k -> new ArrayList<>()).add(p.name());
                }
            });
            List<NodeSubnet> out = new ArrayList<>();
            poolsBySubnet.forEach((subnetId, pools) -> {
                String vnetId = subnetId.replaceFirst("(?i)/subnets/[^/]+$", "");
                VnetFacts vnet = vnet(vnetId);
                SubnetFacts subnet = vnet.subnet(subnetId).orElseThrow(() -> ArmException.notFound(subnetId));
                out.add(new NodeSubnet(subnet, vnet, pools, false));
            });
            if (!managedPools.isEmpty()) {
                for (VnetFacts vnet : vnets(c.nodeResourceGroup())) {
                    if (vnet.name().toLowerCase(Locale.ROOT).startsWith("aks-vnet")) {
                        vnet.subnets().stream().filter(s -> s.name().equalsIgnoreCase("aks-subnet")).findFirst()
                                .or(() -> vnet.subnets().stream().findFirst())
                                .ifPresent(s -> out.add(new NodeSubnet(s, vnet, managedPools, true)));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    /** The API server address nodes connect to: from the paste, the private endpoint, or DNS of ARM's FQDN. */
    public Optional<String> apiServerIp() {
        return derived("apiServerIp", () -> {
            if (diagnosis.apiServerIp() != null && AddressRanges.isValidIp(diagnosis.apiServerIp())) {
                return Optional.of(diagnosis.apiServerIp());
            }
            ClusterFacts c = cluster();
            if (c.privateCluster()) {
                return apiServerPrivateEndpoint().flatMap(pe -> pe.privateIps().stream().findFirst());
            }
            return resolve(c.fqdn());
        });
    }

    private static Optional<String> resolve(String fqdn) {
        if (fqdn == null || !fqdn.matches("[A-Za-z0-9.-]{1,253}")) {
            return Optional.empty();
        }
        try {
            // The lookup has no timeout of its own; a slow resolver must not stall the check.
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return Optional.of(InetAddress.getByName(fqdn).getHostAddress());
                } catch (Exception e) {
                    return Optional.<String>empty();
                }
            }).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The private endpoint of a private cluster's API server ({@code kube-apiserver}, group {@code management}). */
    public Optional<PrivateEndpointFacts> apiServerPrivateEndpoint() {
        return derived("apiServerPe", () -> {
            ClusterFacts c = cluster();
            List<PrivateEndpointFacts> endpoints = privateEndpoints(c.nodeResourceGroup());
            return endpoints.stream()
                    .filter(pe -> pe.name().equalsIgnoreCase("kube-apiserver") || pe.connections().stream()
                            .anyMatch(con -> con.groupIds().stream().anyMatch("management"::equalsIgnoreCase)
                                    || (con.privateLinkServiceId() != null && con.privateLinkServiceId()
                                            .equalsIgnoreCase(c.id()))))
                    .findFirst();
        });
    }

    /** Where the nodes' traffic to a public API server comes from. */
    public List<EgressIp> egressIps() {
        return derived("egressIps", () -> {
            ClusterFacts c = cluster();
            List<EgressIp> out = new ArrayList<>();
            for (String pipId : c.egressIpIds()) {
                PublicIpFacts pip = publicIp(pipId);
                if (pip.ipAddress() != null) {
                    out.add(new EgressIp(pip.ipAddress(), pip.id(), sourceOf(c.outboundType())));
                }
            }
            for (NodeSubnet ns : nodeSubnets()) {
                if (ns.subnet().natGatewayId() != null) {
                    NatGatewayFacts nat = natGateway(ns.subnet().natGatewayId());
                    for (String pipId : nat.publicIpIds()) {
                        PublicIpFacts pip = publicIp(pipId);
                        if (pip.ipAddress() != null && out.stream().noneMatch(e -> e.address().equals(pip.ipAddress()))) {
                            out.add(new EgressIp(pip.ipAddress(), pip.id(), "NAT gateway " + nat.id()));
                        }
                    }
                }
            }
            if ("userDefinedRouting".equalsIgnoreCase(c.outboundType())) {
                for (FirewallFacts fw : egressFirewalls()) {
                    for (String pipId : fw.publicIpIds()) {
                        PublicIpFacts pip = publicIp(pipId);
                        if (pip.ipAddress() != null) {
                            out.add(new EgressIp(pip.ipAddress(), pip.id(), "Azure Firewall " + fw.name()));
                        }
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    private static String sourceOf(String outboundType) {
        if (outboundType != null && outboundType.toLowerCase(Locale.ROOT).contains("natgateway")) {
            return "managed NAT gateway";
        }
        return "load balancer outbound IP";
    }

    /** Azure Firewalls that are the next hop of a node subnet's default route. */
    public List<FirewallFacts> egressFirewalls() {
        return derived("egressFirewalls", () -> {
            List<String> hops = new ArrayList<>();
            for (NodeSubnet ns : nodeSubnets()) {
                if (ns.subnet().routeTableId() != null) {
                    routeTable(ns.subnet().routeTableId()).routes().stream()
                            .filter(r -> r.nextHopIpAddress() != null)
                            .filter(r -> r.addressPrefix().equals("0.0.0.0/0"))
                            .forEach(r -> hops.add(r.nextHopIpAddress()));
                }
            }
            if (hops.isEmpty()) {
                return List.<FirewallFacts>of();
            }
            return firewalls().stream().filter(fw -> fw.privateIps().stream().anyMatch(hops::contains))
                    .collect(Collectors.toList());
        });
    }

    /** Failed operations on the cluster's and the node resource group's resources, newest first. */
    public List<ActivityEventFacts> failedOperations() {
        return derived("failedOperations", () -> {
            ClusterFacts c = cluster();
            List<ActivityEventFacts> events = new ArrayList<>(activityLog(ref.resourceGroup()));
            if (c.nodeResourceGroup() != null && !c.nodeResourceGroup().equalsIgnoreCase(ref.resourceGroup())) {
                events.addAll(activityLog(c.nodeResourceGroup()));
            }
            String nodeRg = "/resourcegroups/" + Objects.toString(c.nodeResourceGroup(), "").toLowerCase(Locale.ROOT) + "/";
            java.util.Set<String> seen = new java.util.HashSet<>();
            return events.stream()
                    .filter(e -> "Failed".equalsIgnoreCase(e.status()))
                    .filter(e -> seen.add(e.resourceId() + "|" + e.timestamp() + "|" + e.operationName() + "|"
                            + e.correlationId()))
                    .filter(e -> e.resourceId() != null && (e.resourceId().toLowerCase(Locale.ROOT)
                            .startsWith(c.id().toLowerCase(Locale.ROOT))
                            || e.resourceId().toLowerCase(Locale.ROOT).contains(nodeRg)))
                    .sorted(Comparator.comparing(ActivityEventFacts::timestamp,
                            Comparator.nullsLast(Comparator.reverseOrder())))
                    .collect(Collectors.toList());
        });
    }

    // ---- node probe

    /** The instance a node probe runs on: the one the paste named if ARM knows it, else a running one. */
    public Optional<InstanceFacts> probeInstance() {
        return derived("probeInstance", () -> {
            ClusterFacts c = cluster();
            boolean windows = diagnosis.os() == OsType.WINDOWS;
            List<ScaleSetFacts> sets = scaleSets();
            if (diagnosis.vmss() != null && diagnosis.instanceId() != null) {
                Optional<ScaleSetFacts> named = sets.stream()
                        .filter(s -> s.name().equalsIgnoreCase(diagnosis.vmss())).findFirst();
                if (named.isPresent()) {
                    Optional<InstanceFacts> inst = instances(named.get().name()).stream()
                            .filter(i -> i.instanceId().equals(diagnosis.instanceId())).findFirst();
                    if (inst.isPresent()) {
                        return inst;
                    }
                }
            }
            for (ScaleSetFacts s : sets) {
                boolean poolWindows = c.pool(Objects.toString(s.poolName(), "")).map(p -> p.windows()).orElse(false);
                if (poolWindows != windows) {
                    continue;
                }
                Optional<InstanceFacts> running = instances(s.name()).stream()
                        .filter(i -> "running".equalsIgnoreCase(i.powerState())).findFirst();
                if (running.isPresent()) {
                    return running;
                }
            }
            return Optional.<InstanceFacts>empty();
        });
    }

    /** Runs the node probe once per investigation; empty when no node can run it. */
    public Optional<ProbeResult> nodeProbe() {
        return derived("nodeProbe", () -> {
            ClusterFacts c = cluster();
            Optional<InstanceFacts> instance = probeInstance();
            if (instance.isEmpty()) {
                return Optional.<ProbeResult>empty();
            }
            String fqdn = c.privateCluster() && c.privateFqdn() != null ? c.privateFqdn() : c.fqdn();
            // Only ARM's values reach the script, and ProbeTarget validates them again.
            ProbeTarget target = new ProbeTarget(fqdn, null, 443);
            boolean windows = c.pool(Objects.toString(scaleSetPool(instance.get().scaleSetName()), ""))
                    .map(p -> p.windows()).orElse(diagnosis.os() == OsType.WINDOWS);
            List<String> script = windows ? NodeProbeScripts.windowsScript(target) : NodeProbeScripts.linuxScript(target);
            RunCommandOutput out = once("probe:" + instance.get().id(), () -> gateway.runCommand(ref.subscriptionId(),
                    c.nodeResourceGroup(), instance.get().scaleSetName(), instance.get().instanceId(), windows, script));
            return Optional.of(ProbeOutputParser.parse(out.stdout()));
        });
    }

    private String scaleSetPool(String scaleSetName) {
        return scaleSets().stream().filter(s -> s.name().equalsIgnoreCase(scaleSetName)).map(ScaleSetFacts::poolName)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
