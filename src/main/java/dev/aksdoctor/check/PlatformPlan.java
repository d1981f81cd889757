package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.NicFacts;
import dev.aksdoctor.azure.NsgFacts;
import dev.aksdoctor.azure.ScaleSetFacts;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.network.AddressContext;
import dev.aksdoctor.network.AddressRanges;
import dev.aksdoctor.network.Direction;
import dev.aksdoctor.network.Flow;
import dev.aksdoctor.network.NsgEvaluator;
import dev.aksdoctor.network.NsgLayer;
import dev.aksdoctor.network.NsgPathVerdict;
import dev.aksdoctor.network.NsgRule;
import dev.aksdoctor.network.NsgVerdict;
import dev.aksdoctor.network.RequiredEndpoint;
import dev.aksdoctor.network.RouteEntry;
import dev.aksdoctor.network.RouteLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to ask Network Watcher once the offline answer is posted: from which node (the failing scale set instance,
 * else the first running one, with its NIC and private IP), to which destinations (the API server or its private
 * endpoint; for an outbound failure the required outbound endpoints), with the offline route and NSG verdict of
 * each flow to compare against. Derived from the investigation's memoised reads (only the instance's NIC is new).
 * {@code problem} is the sentence saying why nothing can be asked (no node to ask from, the NIC unreadable).
 */
public record PlatformPlan(String subscriptionId, String region, String targetVmId, String nicId, String sourceIp,
        String powerState, boolean askRoutes, boolean askNsg, List<Destination> destinations, List<String> rulesRead,
        String problem) {

    /** One flow, TCP 443 from the node: {@code label} names it ("the API server", "mcr.microsoft.com"). */
    public record Destination(String label, String ip, RouteEntry offlineRoute, NsgVerdict offlineNsg) {
        public Destination {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(ip, "ip");
        }
    }

    /** Required endpoints asked about for an outbound failure: each costs two long-running operations. */
    static final int MAX_OUTBOUND_DESTINATIONS = 3;

    public PlatformPlan {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        rulesRead = rulesRead == null ? List.of() : List.copyOf(rulesRead);
    }

    static PlatformPlan unavailable(boolean askRoutes, boolean askNsg, String problem) {
        return new PlatformPlan(null, null, null, null, null, null, askRoutes, askNsg, List.of(), List.of(), problem);
    }

    /**
     * The plan for a report with a network-path verdict (the NSG or route check decided), else empty: there is then
     * nothing of ours for the platform to confirm.
     */
    public static Optional<PlatformPlan> of(InvestigationReport report) {
        boolean askRoutes = decided(report, CheckId.ROUTE_TABLE);
        boolean askNsg = decided(report, CheckId.NSG_OUTBOUND);
        if (report.facts().isEmpty() || !askRoutes && !askNsg) {
            return Optional.empty();
        }
        InvestigationFacts facts = report.facts().get();
        try {
            return plan(facts, askRoutes, askNsg);
        } catch (ArmException e) {
            return Optional.of(unavailable(askRoutes, askNsg,
                    PlatformVerdicts.failed("the node's network path", e).line()));
        }
    }

    private static Optional<PlatformPlan> plan(InvestigationFacts facts, boolean askRoutes, boolean askNsg) {
        ClusterFacts cluster = facts.cluster();
        Optional<InstanceFacts> instance = facts.probeInstance();
        if (instance.isEmpty()) {
            return Optional.of(unavailable(askRoutes, askNsg, "No platform verdict: no node instance is running to "
                    + "ask Network Watcher from"));
        }
        InstanceFacts vm = instance.get();
        NicFacts nic;
        try {
            nic = facts.instanceNetworkInterfaces(vm).stream().filter(n -> !n.privateIps().isEmpty()).findFirst()
                    .orElse(null);
        } catch (ArmException e) {
            return Optional.of(unavailable(askRoutes, askNsg,
                    PlatformVerdicts.failed("the node's network interface", e).line()));
        }
        if (nic == null) {
            return Optional.of(unavailable(askRoutes, askNsg, "No platform verdict: the node instance "
                    + vm.instanceId() + " has no private IP (is it deallocated?)"));
        }
        String pasted = facts.diagnosis().nodeIp();
        String source = pasted != null && nic.privateIps().contains(pasted) ? pasted : nic.privateIps().get(0);
        List<NodeSubnet> subnets = facts.nodeSubnets();
        NodeSubnet subnet = subnets.stream()
                .filter(ns -> AddressRanges.firstContaining(ns.subnet().addressPrefixes(), source).isPresent())
                .findFirst().orElse(subnets.isEmpty() ? null : subnets.get(0));
        List<Destination> destinations = new ArrayList<>();
        List<String> rulesRead = new ArrayList<>();
        Layers layers = subnet == null ? new Layers(null, null) : layers(facts, subnet, vm, rulesRead);
        if (FailureFamily.outbound(facts.diagnosis())) {
            for (RequiredEndpoint e : outboundEndpoints(facts)) {
                Optional<String> ip = facts.resolve(e.host());
                if (ip.isEmpty() || !AddressRanges.isValidIp(ip.get())) {
                    continue;
                }
                NsgVerdict nsg = layers.known() ? single(NsgEvaluator.evaluateEndpoint(layers.subnet(), layers.nic(),
                        source, e, context(subnet, cluster, false))) : null;
                destinations.add(new Destination(e.host(), ip.get(), route(facts, subnet, ip.get()), nsg));
                if (destinations.size() == MAX_OUTBOUND_DESTINATIONS) {
                    break;
                }
            }
        } else {
            Optional<String> api = facts.apiServerIp();
            if (api.isPresent() && AddressRanges.isValidIp(api.get())) {
                String ip = api.get();
                NsgVerdict nsg = layers.known() ? single(NsgEvaluator.evaluatePath(layers.subnet(), layers.nic(),
                        Direction.OUTBOUND, new Flow(source, ip, 443, "Tcp"),
                        context(subnet, cluster, !AddressRanges.isPrivate(ip)))) : null;
                String label = cluster.privateCluster() ? "the API server's private endpoint" : "the API server";
                destinations.add(new Destination(label, ip, route(facts, subnet, ip), nsg));
            }
        }
        if (destinations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlatformPlan(facts.ref().subscriptionId(), cluster.location(), vm.id(), nic.id(), source,
                vm.powerState(), askRoutes, askNsg, destinations, rulesRead, null));
    }

    private static boolean decided(InvestigationReport report, CheckId id) {
        return report.findings().stream().anyMatch(f -> f.checkId() == id && (f.outcome() == Outcome.PASS
                || f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARN));
    }

    /** The endpoint an outbound probe would test first, then the others a node can be asked about. */
    private static List<RequiredEndpoint> outboundEndpoints(InvestigationFacts facts) {
        List<RequiredEndpoint> usable = facts.requiredEndpoints().stream()
                .filter(e -> !e.privateLink() && !e.wildcard() && e.applicationProtocol() && e.port() == 443).toList();
        String first = facts.outboundProbeHost();
        List<RequiredEndpoint> ordered = new ArrayList<>();
        usable.stream().filter(e -> e.host().equals(first)).findFirst().ifPresent(ordered::add);
        usable.stream().filter(e -> !ordered.contains(e)).forEach(ordered::add);
        return ordered;
    }

    private record Layers(NsgLayer subnet, NsgLayer nic) {
        boolean known() {
            return subnet != null || nic != null;
        }
    }

    private static Layers layers(InvestigationFacts facts, NodeSubnet ns, InstanceFacts vm, List<String> rulesRead) {
        try {
            NsgLayer subnet = layer(facts, ns.subnet().nsgId(), rulesRead);
            String nicNsgId = facts.scaleSets().stream().filter(s -> s.name().equalsIgnoreCase(vm.scaleSetName()))
                    .map(ScaleSetFacts::nicNsgIds).flatMap(List::stream).findFirst().orElse(null);
            return new Layers(subnet, layer(facts, nicNsgId, rulesRead));
        } catch (ArmException e) {
            // The NSG check said so already; Network Watcher's verdict is then shown without a comparison.
            return new Layers(null, null);
        }
    }

    private static NsgLayer layer(InvestigationFacts facts, String nsgId, List<String> rulesRead) {
        if (nsgId == null) {
            return null;
        }
        NsgFacts nsg = facts.nsg(nsgId);
        nsg.rules().stream().map(NsgRule::name).filter(Objects::nonNull).forEach(rulesRead::add);
        return new NsgLayer(nsg.id(), nsg.rules());
    }

    private static AddressContext context(NodeSubnet ns, ClusterFacts cluster, boolean publicDestination) {
        return new AddressContext(ns.vnet().addressPrefixes(), cluster.location(), publicDestination);
    }

    /** The route our model picks from the node subnet: its route table's routes, else the system routes. */
    private static RouteEntry route(InvestigationFacts facts, NodeSubnet ns, String ip) {
        if (ns == null) {
            return null;
        }
        try {
            List<RouteEntry> routes = ns.subnet().routeTableId() == null ? List.of()
                    : facts.routeTable(ns.subnet().routeTableId()).routes();
            return RouteLookup.effectiveRoute(routes, ns.vnet().addressPrefixes(), ip).route();
        } catch (ArmException e) {
            return null;
        }
    }

    /** The path's verdict as one: the rule that denied it, or the rule that let it through the last NSG. */
    private static NsgVerdict single(NsgPathVerdict path) {
        if (!path.allowed()) {
            return new NsgVerdict(false, path.denyingRule(), path.explanation(), List.of());
        }
        NsgVerdict last = path.nicVerdict() != null ? path.nicVerdict() : path.subnetVerdict();
        return new NsgVerdict(true, last == null ? null : last.decidingRule(), path.explanation(), List.of());
    }
}
