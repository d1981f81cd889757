package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.HttpProxyFacts;
import dev.aksdoctor.azure.NicFacts;
import dev.aksdoctor.azure.RouteTableFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Subcategory;
import dev.aksdoctor.network.AddressRanges;
import dev.aksdoctor.network.AksEndpoints;
import dev.aksdoctor.network.FirewallDecision;
import dev.aksdoctor.network.FirewallEvaluator;
import dev.aksdoctor.network.FirewallRuleSet;
import dev.aksdoctor.network.FirewallVerdict;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.RequiredEndpoint;
import dev.aksdoctor.network.RouteDecision;
import dev.aksdoctor.network.RouteLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The firewall or network virtual appliance a node subnet routes through. An Azure Firewall (in this or a peered
 * subscription) is judged by its rules: for outbound failures (exit 50, provisioning timeouts) against every
 * required AKS endpoint, otherwise against the API server; Premium TLS inspection of those names is the TLS
 * cause. Any other next hop must be a NIC with IP forwarding on a running VM; an address nobody holds is a
 * black hole.
 */
@ApplicationScoped
public class EgressApplianceCheck implements Check {

    /** Where "the internet" goes: the route that matches it is the default route (or a more specific one). */
    private static final String INTERNET = "0.0.0.0";

    @Override
    public CheckId id() {
        return CheckId.EGRESS_APPLIANCE;
    }

    @Override
    public Set<CheckId> after() {
        return Set.of(CheckId.NODE_SUBNET, CheckId.ROUTE_TABLE);
    }

    @Override
    public Finding run(CheckContext context) {
        InvestigationFacts facts = context.facts();
        ClusterFacts c = facts.cluster();
        boolean outbound = FailureFamily.outbound(context.diagnosis());
        String destination = outbound ? INTERNET : facts.apiServerIp().orElse(INTERNET);
        String target = outbound ? "the required AKS endpoints" : "the API server";
        Map<String, List<String>> sourcesByHop = new LinkedHashMap<>();
        Map<String, VnetFacts> vnetByHop = new LinkedHashMap<>();
        List<Evidence> evidence = new ArrayList<>();
        for (NodeSubnet ns : facts.nodeSubnets()) {
            if (ns.subnet().routeTableId() == null) {
                continue;
            }
            RouteTableFacts rt = facts.routeTable(ns.subnet().routeTableId());
            RouteDecision d = RouteLookup.effectiveRoute(rt.routes(), ns.vnet().addressPrefixes(), destination);
            if (d.route() != null && d.route().nextHopType() == NextHopType.VIRTUAL_APPLIANCE
                    && d.route().nextHopIpAddress() != null) {
                sourcesByHop.computeIfAbsent(d.route().nextHopIpAddress(), k -> new ArrayList<>())
                        .addAll(ns.subnet().addressPrefixes());
                vnetByHop.putIfAbsent(d.route().nextHopIpAddress(), ns.vnet());
                evidence.add(Evidence.of("route " + d.route().name() + " " + d.route().addressPrefix() + " → appliance "
                        + d.route().nextHopIpAddress() + " (subnet " + ns.subnet().name() + ")",
                        d.route().resourceId() != null ? d.route().resourceId() : rt.id()));
            }
        }
        if (sourcesByHop.isEmpty()) {
            return Findings.pass(id(), "No firewall or appliance on the path to " + target, evidence, Docs.EGRESS);
        }
        List<Finding> warnings = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (Map.Entry<String, List<String>> hop : sourcesByHop.entrySet()) {
            Optional<VnetFacts.Peering> down = peeringDown(vnetByHop.get(hop.getKey()), hop.getKey());
            if (down.isPresent()) {
                VnetFacts.Peering p = down.get();
                evidence.add(0, Evidence.of("next hop " + hop.getKey() + " is in VNet " + name(p.remoteVnetId())
                        + ", reached through peering " + p.name() + ", which is " + p.state(),
                        vnetByHop.get(hop.getKey()).id() + "/virtualNetworkPeerings/" + p.name()));
                return Findings.fail(id(), "Peering " + p.name() + " to " + name(p.remoteVnetId()) + " is " + p.state()
                        + ": the appliance " + hop.getKey() + " cannot be reached (black hole)", evidence,
                        "Traffic routed to an appliance in a peered VNet is dropped while the peering is not Connected "
                                + "(it shows Disconnected once the other side's peering was deleted): re-create the "
                                + "peering on both VNets, then check it is Connected.", Docs.UDR,
                        Findings.action(NextAction.SHOW_ROUTES));
            }
            ApplianceOwner owner = facts.applianceOwner(hop.getKey());
            Finding f;
            switch (owner.kind()) {
                case FIREWALL:
                    f = firewall(context, c, owner.firewall(), hop.getValue(), outbound, evidence, passed);
                    break;
                case NIC:
                    f = appliance(owner, evidence, passed);
                    break;
                case LOAD_BALANCER:
                    evidence.add(Evidence.of(hop.getKey() + " is a frontend of internal load balancer "
                            + name(owner.loadBalancerId()) + ": the appliances behind it are not visible here",
                            owner.loadBalancerId()));
                    f = Findings.warn(id(), "Traffic goes through load-balanced appliances at " + hop.getKey()
                            + " (" + name(owner.loadBalancerId()) + "); their rules are not visible in Azure", evidence,
                            "Check the load balancer's health probes and that the appliances allow TCP 443 to the API "
                                    + "server and the required AKS endpoints, without TLS inspection.",
                            Docs.OUTBOUND_RULES, Findings.action(NextAction.RUN_NODE_PROBE));
                    break;
                case NOBODY:
                    evidence.add(0, Evidence.of(hop.getKey() + " is held by no NIC, Azure Firewall or internal load "
                            + "balancer in "
                            + String.join(", ", owner.searched()) + ": traffic routed there is dropped"));
                    return Findings.fail(id(), "Next hop " + hop.getKey() + " is not assigned to anything (black hole)",
                            evidence, "Point the route at the appliance's current private IP (or the Azure Firewall's), "
                                    + "or redeploy the appliance; a next hop nobody holds drops traffic silently, which "
                                    + "nodes see as a timeout.", Docs.UDR, Findings.action(NextAction.SHOW_ROUTES));
                default:
                    evidence.add(Evidence.of("who holds " + hop.getKey() + " could not be read: "
                            + String.join("; ", owner.unreadable())));
                    f = Findings.warn(id(), "Traffic goes through " + hop.getKey() + ", which could not be looked up",
                            evidence, "Grant Reader on the hub subscription (Microsoft.Network/azureFirewalls/read, "
                                    + "Microsoft.Network/networkInterfaces/read), or check the appliance by hand.",
                            Docs.EGRESS, Findings.action(NextAction.RUN_NODE_PROBE));
            }
            if (f != null && f.outcome() == Outcome.FAIL) {
                return f;
            }
            if (f != null) {
                warnings.add(f);
            }
        }
        if (!warnings.isEmpty()) {
            Finding w = warnings.get(0);
            return new Finding(id(), w.outcome(), w.title(), evidence, w.remedy(), w.docLink(), w.actions());
        }
        return Findings.pass(id(), String.join("; ", passed), evidence, outbound ? Docs.OUTBOUND_RULES : Docs.EGRESS);
    }

    private Finding firewall(CheckContext context, ClusterFacts c, FirewallFacts fw, List<String> sources,
            boolean outbound, List<Evidence> evidence, List<String> passed) {
        String where = fw.subscriptionId() != null && !fw.subscriptionId().equalsIgnoreCase(c.ref().subscriptionId())
                ? " (subscription " + fw.subscriptionId() + ")" : "";
        evidence.add(Evidence.of("Azure Firewall " + fw.name() + where + " (" + String.join(", ", fw.privateIps())
                + ") is " + fw.provisioningState(), fw.id()));
        if (!"Succeeded".equalsIgnoreCase(fw.provisioningState())) {
            return Findings.fail(id(), "Azure Firewall " + fw.name() + " is " + fw.provisioningState(), evidence,
                    "The firewall that carries the nodes' egress is not healthy; fix its deployment.", Docs.EGRESS);
        }
        FirewallRuleSet rules = context.facts().firewallRules(fw);
        // Through an HTTP proxy, the nodes' traffic to an endpoint outside noProxy is addressed to the proxy: this
        // firewall's rules for the node subnet decide only the endpoints that bypass it.
        OutboundDestinations destinations = context.facts().outboundDestinations();
        List<RequiredEndpoint> endpoints = outbound ? destinations.direct() : apiServer(context, c);
        (outbound ? destinations.proxied() : java.util.Map.<dev.aksdoctor.network.ProxyTarget,
                List<RequiredEndpoint>>of()).forEach((proxy, carried) -> evidence.add(Evidence.of(carried.size() + " required "
                + "endpoints go through the proxy " + proxy.url() + ", not judged against " + fw.name() + "'s rules "
                + "for the node subnet", fw.id())));
        if (outbound && endpoints.isEmpty()) {
            passed.add("Azure Firewall " + fw.name() + " is healthy; every required endpoint goes through the proxy");
            return null;
        }
        if (endpoints.isEmpty()) {
            passed.add("Azure Firewall " + fw.name() + " is healthy; the API server's name is not known, so its rules "
                    + "were not evaluated");
            return null;
        }
        List<String> resolved = outbound ? List.of() : context.facts().apiServerIp().map(List::of).orElse(List.of());
        List<FirewallVerdict> verdicts = new ArrayList<>();
        for (RequiredEndpoint e : endpoints) {
            if (!e.privateLink()) {
                verdicts.add(FirewallEvaluator.evaluate(rules, sources, e, resolved));
            }
        }
        boolean tlsFirst = !outbound && tlsSubcategory(context);
        List<FirewallVerdict> blocked = verdicts.stream().filter(FirewallVerdict::blocked).collect(Collectors.toList());
        List<FirewallVerdict> inspected = verdicts.stream().filter(FirewallVerdict::tlsInspected)
                .collect(Collectors.toList());
        if (!inspected.isEmpty() && (tlsFirst || blocked.isEmpty())) {
            return tlsInspection(fw, inspected, c, evidence);
        }
        if (!blocked.isEmpty()) {
            return blocked(fw, where, blocked, sources, evidence);
        }
        List<FirewallVerdict> undecided = verdicts.stream().filter(v -> v.decision() == FirewallDecision.UNDECIDED)
                .collect(Collectors.toList());
        for (FirewallVerdict v : verdicts) {
            evidence.add(Evidence.of(v.explanation(), resourceOf(v, fw)));
        }
        if (!undecided.isEmpty()) {
            return Findings.warn(id(), "Azure Firewall " + fw.name() + ": " + undecided.size()
                    + (undecided.size() == 1 ? " endpoint" : " endpoints") + " could not be decided from its rules ("
                    + undecided.stream().map(v -> v.endpoint().host()).collect(Collectors.joining(", ")) + ")",
                    evidence, "Check those rules (IP groups, partial source ranges, web categories), or run the node "
                            + "test.", Docs.FIREWALL_RULES, Findings.action(NextAction.RUN_NODE_PROBE));
        }
        passed.add("Azure Firewall " + fw.name() + where + " allows " + (!outbound ? "the API server"
                : destinations.proxied().isEmpty() ? "every required AKS endpoint (" + verdicts.size() + ")"
                        : "the " + verdicts.size() + " required AKS endpoints that bypass the proxy"));
        return null;
    }

    private Finding blocked(FirewallFacts fw, String where, List<FirewallVerdict> blocked, List<String> sources,
            List<Evidence> evidence) {
        for (int i = blocked.size() - 1; i >= 0; i--) {
            evidence.add(0, Evidence.of(blocked.get(i).explanation(), resourceOf(blocked.get(i), fw)));
        }
        List<FirewallVerdict> denied = blocked.stream().filter(v -> v.decision() == FirewallDecision.DENIED)
                .collect(Collectors.toList());
        List<FirewallVerdict> missing = blocked.stream().filter(v -> v.decision() == FirewallDecision.NO_RULE)
                .collect(Collectors.toList());
        String hosts = blocked.stream().map(v -> v.endpoint().label()).collect(Collectors.joining(", "));
        StringBuilder remedy = new StringBuilder();
        if (!missing.isEmpty()) {
            boolean tagged = missing.stream().allMatch(v -> v.endpoint().fqdnTags()
                    .contains(RequiredEndpoint.AKS_FQDN_TAG));
            remedy.append(tagged
                    ? "Add an application rule allowing the FQDN tag " + RequiredEndpoint.AKS_FQDN_TAG
                            + " on Https:443 and Http:80 from " + String.join(", ", sources)
                    : "Add an application rule allowing " + missing.stream().map(v -> v.endpoint().host())
                            .distinct().collect(Collectors.joining(", ")) + " from " + String.join(", ", sources))
                    .append(" to ").append(fw.policyId() != null ? "policy " + name(fw.policyId()) : "firewall "
                            + fw.name()).append(". ");
        }
        for (FirewallVerdict v : denied) {
            remedy.append("Rule '").append(v.rule().name()).append("' in collection '").append(v.collection().name())
                    .append("' denies ").append(v.endpoint().host())
                    .append(" ahead of any allow: exclude it, or allow it in a collection processed first. ");
        }
        String title = "Azure Firewall " + fw.name() + where + (missing.isEmpty() ? " denies " : " has no rule for ")
                + hosts;
        return Findings.fail(id(), title, evidence, remedy.toString().trim(), Docs.OUTBOUND_RULES,
                Findings.action(NextAction.RUN_NODE_PROBE));
    }

    private Finding tlsInspection(FirewallFacts fw, List<FirewallVerdict> inspected, ClusterFacts c,
            List<Evidence> evidence) {
        for (FirewallVerdict v : inspected) {
            evidence.add(0, Evidence.of(v.explanation(), resourceOf(v, fw)));
        }
        FirewallVerdict first = inspected.get(0);
        String patterns = String.join(", ", AksEndpoints.tlsBypassPatterns(c.location()));
        if (c.proxy().map(HttpProxyFacts::trustedCaPresent).orElse(false)) {
            // A custom CA lets node tools trust the firewall's certificate, but not konnectivity's ALPN or
            // components pinned to the API server's own CA: the bypass is still needed.
            evidence.add(Evidence.of("the cluster trusts a custom CA (httpProxyConfig.trustedCa); the API server "
                    + "connection still needs its own certificate", c.id()));
        }
        return Findings.fail(id(), "Azure Firewall " + fw.name() + " inspects TLS to " + inspected.stream()
                .map(v -> v.endpoint().host()).collect(Collectors.joining(", ")) + " (rule '" + first.rule().name()
                + "' has terminateTLS)", evidence,
                "The nodes are shown the firewall's certificate, which they do not trust. Turn off terminateTLS for "
                        + "these names: allow " + patterns + " and the required AKS endpoints in a rule without TLS "
                        + "inspection, processed before the inspecting one.", Docs.FIREWALL_TLS,
                Findings.action(NextAction.RUN_NODE_PROBE));
    }

    private Finding appliance(ApplianceOwner owner, List<Evidence> evidence, List<String> passed) {
        NicFacts nic = owner.nic();
        evidence.add(Evidence.of(owner.ip() + " is held by NIC " + nic.name() + ", IP forwarding "
                + (nic.ipForwarding() ? "on" : "off") + (nic.vmId() == null ? ", attached to no VM"
                        : ", VM " + name(nic.vmId()) + " " + (owner.powerState() == null ? "(power state unknown)"
                                : owner.powerState())), nic.id()));
        if (!nic.ipForwarding()) {
            return Findings.fail(id(), "IP forwarding is off on " + nic.name() + ", the appliance at " + owner.ip(),
                    evidence, "Azure drops traffic a NIC receives for other addresses unless IP forwarding is on: "
                            + "enable it on " + nic.name() + " (az network nic update --ip-forwarding true).",
                    Docs.UDR, Findings.action(NextAction.SHOW_ROUTES));
        }
        if (nic.vmId() == null) {
            return Findings.fail(id(), "The appliance NIC " + nic.name() + " at " + owner.ip() + " is attached to no VM",
                    evidence, "Attach it to the appliance VM or point the route at the appliance's current address.",
                    Docs.UDR, Findings.action(NextAction.SHOW_ROUTES));
        }
        String power = owner.powerState() == null ? "" : owner.powerState().toLowerCase(Locale.ROOT);
        if (!power.isEmpty() && !power.endsWith("/running")) {
            return Findings.fail(id(), "The appliance VM " + name(nic.vmId()) + " at " + owner.ip() + " is "
                    + owner.powerState().replace("PowerState/", ""), evidence,
                    "Start the appliance VM; while it is down, traffic routed to it is dropped.", Docs.UDR,
                    Findings.action(NextAction.SHOW_ROUTES));
        }
        return Findings.warn(id(), "Traffic goes through the network virtual appliance " + name(nic.vmId()) + " ("
                + owner.ip() + "); its own rules are not visible in Azure", evidence,
                "Check that the appliance allows TCP 443 to the API server and the required AKS endpoints, without "
                        + "TLS inspection.", Docs.OUTBOUND_RULES, Findings.action(NextAction.RUN_NODE_PROBE));
    }

    private static List<RequiredEndpoint> apiServer(CheckContext context, ClusterFacts c) {
        String fqdn = c.privateCluster() ? c.privateFqdn() : c.fqdn();
        if (fqdn == null) {
            fqdn = context.diagnosis().apiServerFqdn();
        }
        if (fqdn == null) {
            return List.of();
        }
        Optional<RequiredEndpoint> known = context.facts().requiredEndpoints().stream()
                .filter(e -> e.host().equalsIgnoreCase(c.fqdn() == null ? "" : c.fqdn())).findFirst();
        return List.of(known.orElse(new RequiredEndpoint(fqdn, 443, "HTTPS", "API server of this cluster",
                "AzureCloud." + c.location(), List.of(RequiredEndpoint.AKS_FQDN_TAG), Docs.OUTBOUND_RULES.url(),
                false)));
    }

    /** The peering that carries traffic to {@code hop} when it lies in a peered VNet, if that peering is not up. */
    private static Optional<VnetFacts.Peering> peeringDown(VnetFacts from, String hop) {
        if (from == null || AddressRanges.firstContaining(from.addressPrefixes(), hop).isPresent()) {
            return Optional.empty();
        }
        return from.peerings().stream()
                .filter(p -> AddressRanges.firstContaining(p.remoteAddressPrefixes(), hop).isPresent()).findFirst()
                .filter(p -> !p.connected());
    }

    private static boolean tlsSubcategory(CheckContext context) {
        Subcategory s = context.diagnosis().subcategory();
        return s == Subcategory.TLS_HANDSHAKE_FAILED || s == Subcategory.CERTIFICATE_PROBLEM;
    }

    private static String resourceOf(FirewallVerdict v, FirewallFacts fw) {
        return v.collection() != null && v.collection().sourceId() != null ? v.collection().sourceId() : fw.id();
    }

    private static String name(String resourceId) {
        return resourceId == null ? "(none)" : resourceId.substring(resourceId.lastIndexOf('/') + 1);
    }

}
