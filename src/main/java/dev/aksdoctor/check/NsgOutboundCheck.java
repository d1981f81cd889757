package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
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
import dev.aksdoctor.network.ProxyTarget;
import dev.aksdoctor.network.RequiredEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TCP 443 from the node subnet to the API server through the NIC NSG and the subnet NSG, custom and
 * default rules by priority: the first matching rule of each decides, and a Deny is named.
 */
@ApplicationScoped
public class NsgOutboundCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NSG_OUTBOUND;
    }

    @Override
    public Set<CheckId> after() {
        return Set.of(CheckId.NODE_SUBNET);
    }

    @Override
    public Finding run(CheckContext context) {
        if (FailureFamily.outbound(context.diagnosis())) {
            return requiredEndpoints(context);
        }
        ClusterFacts c = context.facts().cluster();
        Optional<String> apiIp = context.facts().apiServerIp();
        String standIn = null;
        if (apiIp.isEmpty() && !c.privateCluster()) {
            // A public API server's name may not resolve from here; any rule that blocks Azure's public addresses
            // on 443 (Internet, AzureCloud, *) blocks it too.
            apiIp = Optional.of(NetworkPath.PUBLIC_STAND_IN);
            standIn = "API server IP unknown (" + c.fqdn() + " did not resolve here): judged for a public Azure "
                    + "address, as rules to Internet, AzureCloud or * decide it";
        }
        if (apiIp.isEmpty()) {
            return Findings.skip(id(), "API server IP unknown", "Neither the paste, the private endpoint nor DNS gave "
                    + "the API server's address, so NSG rules cannot be evaluated.",
                    Findings.action(NextAction.RUN_NODE_PROBE));
        }
        // The NIC NSG hangs off the scale sets, which need only the cluster: fetch them alongside the subnet.
        context.facts().ahead(() -> context.facts().scaleSets());
        List<NodeSubnet> subnets = context.facts().nodeSubnets();
        if (subnets.isEmpty()) {
            return Findings.skip(id(), "No node subnet found", "NSG rules need the node subnet.");
        }
        List<Evidence> evidence = new ArrayList<>();
        if (standIn != null) {
            evidence.add(Evidence.of(standIn, c.id()));
        }
        boolean uncertain = false;
        for (NodeSubnet ns : subnets) {
            String cidr = ns.subnet().addressPrefixes().isEmpty() ? null : ns.subnet().addressPrefixes().get(0);
            String source = sourceIp(context, ns, cidr);
            if (source == null) {
                continue;
            }
            Flow flow = new Flow(source, apiIp.get(), 443, "Tcp");
            AddressContext ctx = new AddressContext(ns.vnet().addressPrefixes(), c.location(),
                    !AddressRanges.isPrivate(apiIp.get()));
            NsgLayer subnetLayer = layer(context, ns.subnet().nsgId());
            List<String> nicNsgs = nicNsgIds(context, ns);
            List<String> nicCandidates = nicNsgs.isEmpty() ? java.util.Collections.singletonList(null) : nicNsgs;
            for (String nicNsgId : nicCandidates) {
                NsgLayer nicLayer = layer(context, nicNsgId);
                NsgPathVerdict verdict = NsgEvaluator.evaluatePath(subnetLayer, nicLayer, Direction.OUTBOUND, flow, ctx);
                if (!verdict.certain()) {
                    // A rule with application security groups was skipped: the verdict is a best guess.
                    uncertain = true;
                    evidence.add(Evidence.of(verdict.explanation(), verdict.denyingNsgId()));
                    continue;
                }
                if (!verdict.allowed()) {
                    NsgRule rule = verdict.denyingRule();
                    String ruleText = rule == null ? "a rule" : "rule " + rule.name() + " (priority " + rule.priority()
                            + (rule.defaultRule() ? ", default rule" : "") + ")";
                    evidence.add(0, Evidence.of("NSG " + name(verdict.denyingNsgId()) + " " + ruleText + " denies TCP "
                            + source + " → " + apiIp.get() + ":443. " + verdict.explanation(),
                            rule != null && rule.resourceId() != null ? rule.resourceId() : verdict.denyingNsgId()));
                    return Findings.fail(id(), "NSG " + name(verdict.denyingNsgId()) + " " + ruleText
                            + " denies outbound TCP 443 to the API server", evidence,
                            "Remove or re-prioritise that rule, or add an Allow for TCP 443 to "
                                    + (NetworkPath.PUBLIC_STAND_IN.equals(apiIp.get()) ? "AzureCloud." + c.location()
                                            : apiIp.get()) + " with a lower priority number.",
                            Docs.NSG, Findings.show(NextAction.SHOW_NSG_RULES, verdict.denyingNsgId()));
                }
                describe(evidence, "NIC NSG", nicNsgId, verdict.nicVerdict());
                describe(evidence, "subnet NSG", ns.subnet().nsgId(), verdict.subnetVerdict());
            }
        }
        if (uncertain) {
            return Findings.warn(id(), "NSG rules with application security groups could not be decided offline",
                    evidence, "Check those rules in the portal (Effective security rules of a node NIC), or run the "
                            + "node test.", Docs.NSG, Findings.action(NextAction.SHOW_NSG_RULES),
                    Findings.action(NextAction.RUN_NODE_PROBE));
        }
        return new Finding(id(), Outcome.PASS, "NSGs allow outbound TCP 443 to " + (standIn == null ? apiIp.get()
                : "the API server"), evidence, null, Docs.NSG,
                List.of(Findings.action(NextAction.SHOW_NSG_RULES)));
    }

    /**
     * Outbound failures (exit 50, provisioning timeouts) are judged against every required endpoint, by the
     * service tag that holds it: an NSG that denies MicrosoftContainerRegistry breaks node provisioning while the
     * API server stays reachable. Through an HTTP proxy, the path judged is the one to the proxy.
     */
    private Finding requiredEndpoints(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        context.facts().ahead(() -> context.facts().scaleSets());
        List<NodeSubnet> subnets = context.facts().nodeSubnets();
        if (subnets.isEmpty()) {
            return Findings.skip(id(), "No node subnet found", "NSG rules need the node subnet.");
        }
        // With an HTTP proxy, an endpoint outside noProxy is reached through the proxy: the path to judge is the
        // one to the proxy's address and port, and an NSG that allows only the proxy is healthy.
        OutboundDestinations destinations = context.facts().outboundDestinations();
        List<RequiredEndpoint> endpoints = destinations.direct();
        Map<ProxyTarget, List<RequiredEndpoint>> proxied = destinations.proxied();
        List<Evidence> evidence = new ArrayList<>();
        Map<ProxyTarget, String> proxyIps = new LinkedHashMap<>();
        List<ProxyTarget> unjudged = new ArrayList<>();
        for (ProxyTarget p : proxied.keySet()) {
            Optional<String> ip = context.facts().proxyAddress(p);
            if (ip.isPresent()) {
                proxyIps.put(p, ip.get());
            } else {
                unjudged.add(p);
            }
            evidence.add(Evidence.of(proxied.get(p).size() + " required endpoints go through the proxy "
                    + ProxyPaths.shown(p) + (ip.isPresent() ? " (" + ip.get() + ":" + p.port() + ")"
                            : p.readable() ? " (" + p.host() + " did not resolve here)" : " (its URL cannot be read)"),
                    c.id()));
        }
        List<String> uncertain = new ArrayList<>();
        int allowed = 0;
        for (NodeSubnet ns : subnets) {
            String cidr = ns.subnet().addressPrefixes().isEmpty() ? null : ns.subnet().addressPrefixes().get(0);
            String source = sourceIp(context, ns, cidr);
            if (source == null) {
                continue;
            }
            AddressContext ctx = new AddressContext(ns.vnet().addressPrefixes(), c.location(), false);
            NsgLayer subnetLayer = layer(context, ns.subnet().nsgId());
            List<String> nicNsgs = nicNsgIds(context, ns);
            List<String> nicCandidates = nicNsgs.isEmpty() ? java.util.Collections.singletonList(null) : nicNsgs;
            for (String nicNsgId : nicCandidates) {
                NsgLayer nicLayer = layer(context, nicNsgId);
                for (Map.Entry<ProxyTarget, String> p : proxyIps.entrySet()) {
                    NsgPathVerdict verdict = NsgEvaluator.evaluatePath(subnetLayer, nicLayer, Direction.OUTBOUND,
                            new Flow(source, p.getValue(), p.getKey().port(), "Tcp"),
                            new AddressContext(ns.vnet().addressPrefixes(), c.location(), false));
                    if (verdict.allowed()) {
                        allowed++;
                        continue;
                    }
                    Finding f = ProxyPaths.denied(id(), p.getKey(), p.getValue(), proxied.get(p.getKey()), source,
                            verdict, evidence);
                    if (!verdict.certain()) {
                        uncertain.add("the proxy " + ProxyPaths.shown(p.getKey()));
                        continue;
                    }
                    return f;
                }
                for (RequiredEndpoint e : endpoints) {
                    NsgPathVerdict verdict = NsgEvaluator.evaluateEndpoint(subnetLayer, nicLayer, source, e, ctx);
                    if (verdict.allowed()) {
                        allowed++;
                        continue;
                    }
                    NsgRule rule = verdict.denyingRule();
                    String ruleText = rule == null ? "a rule" : "rule " + rule.name() + " (priority " + rule.priority()
                            + (rule.defaultRule() ? ", default rule" : "") + ")";
                    String what = e.label() + (e.serviceTag() == null ? "" : " (service tag " + e.serviceTag() + ")");
                    Evidence ev = Evidence.of("NSG " + name(verdict.denyingNsgId()) + " " + ruleText + " denies " + what
                            + " from " + source + ". " + verdict.explanation(),
                            rule != null && rule.resourceId() != null ? rule.resourceId() : verdict.denyingNsgId());
                    if (!verdict.certain()) {
                        uncertain.add(e.host());
                        evidence.add(ev);
                        continue;
                    }
                    evidence.add(0, ev);
                    return Findings.fail(id(), "NSG " + name(verdict.denyingNsgId()) + " " + ruleText
                            + " denies outbound " + what + ", which nodes need", evidence,
                            "Allow " + e.transport() + " " + e.port() + " to " + (e.serviceTag() == null ? e.host()
                                    : "service tag " + e.serviceTag()) + " with a lower priority number than that rule, "
                                    + "or remove it (" + e.purpose() + ").",
                            Docs.OUTBOUND_RULES, Findings.show(NextAction.SHOW_NSG_RULES, verdict.denyingNsgId()));
                }
            }
        }
        if (!uncertain.isEmpty()) {
            return Findings.warn(id(), "NSG rules may deny " + String.join(", ", uncertain)
                    + " (rules ahead could not be decided offline)", evidence,
                    "Check those rules in the portal (Effective security rules of a node NIC), or run the node test.",
                    Docs.NSG, Findings.action(NextAction.SHOW_NSG_RULES), Findings.action(NextAction.RUN_NODE_PROBE));
        }
        if (!unjudged.isEmpty()) {
            return ProxyPaths.unjudged(id(), unjudged, endpoints.size(), evidence);
        }
        if (!proxied.isEmpty()) {
            return ProxyPaths.allowed(id(), proxyIps, endpoints, allowed, evidence);
        }
        evidence.add(Evidence.of(allowed + " checks of the " + endpoints.size() + " required endpoints ("
                + endpoints.stream().map(RequiredEndpoint::host).collect(java.util.stream.Collectors.joining(", "))
                + ") allowed"));
        return new Finding(id(), Outcome.PASS, "NSGs allow the " + endpoints.size() + " required outbound endpoints",
                evidence, null, Docs.OUTBOUND_RULES, List.of(Findings.action(NextAction.SHOW_NSG_RULES)));
    }

    private static void describe(List<Evidence> evidence, String what, String nsgId, NsgVerdict verdict) {
        if (nsgId == null) {
            evidence.add(Evidence.of("no " + what));
            return;
        }
        NsgRule rule = verdict == null ? null : verdict.decidingRule();
        evidence.add(Evidence.of(what + " " + name(nsgId) + ": " + (rule == null ? "allowed"
                : "allowed by " + rule.name() + " (priority " + rule.priority() + ")"),
                rule != null && rule.resourceId() != null ? rule.resourceId() : nsgId));
    }

    private static String sourceIp(CheckContext context, NodeSubnet ns, String cidr) {
        String nodeIp = context.diagnosis().nodeIp();
        if (nodeIp != null && AddressRanges.isValidIp(nodeIp)
                && AddressRanges.firstContaining(ns.subnet().addressPrefixes(), nodeIp).isPresent()) {
            return nodeIp;
        }
        return cidr == null ? null : SubnetAddresses.firstAssignable(cidr).orElse(null);
    }

    private static NsgLayer layer(CheckContext context, String nsgId) {
        if (nsgId == null) {
            return null;
        }
        NsgFacts nsg = context.facts().nsg(nsgId);
        return new NsgLayer(nsg.id(), nsg.rules());
    }

    private static List<String> nicNsgIds(CheckContext context, NodeSubnet ns) {
        Set<String> ids = new LinkedHashSet<>();
        for (ScaleSetFacts s : context.facts().scaleSets()) {
            boolean inSubnet = s.subnetIds().stream().anyMatch(id -> id.equalsIgnoreCase(ns.subnet().id()))
                    || s.subnetIds().isEmpty();
            if (inSubnet) {
                ids.addAll(s.nicNsgIds());
            }
        }
        return new ArrayList<>(ids);
    }

    static String name(String resourceId) {
        if (resourceId == null) {
            return "(none)";
        }
        return resourceId.substring(resourceId.lastIndexOf('/') + 1);
    }
}
