package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.network.NsgPathVerdict;
import dev.aksdoctor.network.NsgRule;
import dev.aksdoctor.network.ProxyTarget;
import dev.aksdoctor.network.RequiredEndpoint;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the NSG check says about the path to the cluster's HTTP proxy, which carries the required endpoints. */
final class ProxyPaths {

    private ProxyPaths() {
    }

    static String shown(ProxyTarget proxy) {
        return proxy.url();
    }

    /** The NSG denies (or may deny) the node's TCP connection to the proxy. */
    static Finding denied(CheckId id, ProxyTarget proxy, String ip, List<RequiredEndpoint> carried, String source,
            NsgPathVerdict verdict, List<Evidence> evidence) {
        NsgRule rule = verdict.denyingRule();
        String nsg = NsgOutboundCheck.name(verdict.denyingNsgId());
        String ruleText = rule == null ? "a rule" : "rule " + rule.name() + " (priority " + rule.priority()
                + (rule.defaultRule() ? ", default rule" : "") + ")";
        evidence.add(0, Evidence.of("NSG " + nsg + " " + ruleText + " denies TCP " + source + " → " + ip + ":"
                + proxy.port() + " (the proxy " + shown(proxy) + "). " + verdict.explanation(),
                rule != null && rule.resourceId() != null ? rule.resourceId() : verdict.denyingNsgId()));
        return Findings.fail(id, "The proxy " + shown(proxy) + " is not reachable: NSG " + nsg + " " + ruleText
                + " denies TCP " + ip + ":" + proxy.port() + ", the path of " + carried.size()
                + " required endpoints (" + hosts(carried) + ")", evidence,
                "Allow TCP " + proxy.port() + " to " + ip + " with a lower priority number than that rule, or remove "
                        + "it: the nodes reach MCR, Entra ID and ARM through the proxy.",
                Docs.HTTP_PROXY, Findings.show(NextAction.SHOW_NSG_RULES, verdict.denyingNsgId()));
    }

    /** A proxy whose address cannot be told: the path to it is not judged, and nothing is blamed in its place. */
    static Finding unjudged(CheckId id, List<ProxyTarget> proxies, int direct, List<Evidence> evidence) {
        String names = proxies.stream().map(ProxyPaths::shown).collect(Collectors.joining(", "));
        if (direct > 0) {
            evidence.add(Evidence.of("the " + direct + " required endpoints that bypass the proxy (noProxy) were "
                    + "judged directly and allowed"));
        }
        return Findings.warn(id, "The path to the proxy " + names + " could not be judged: its address is not known "
                + "here", evidence, "The required endpoints go through the proxy, so NSG rules to them do not decide "
                        + "reachability. Check that the NSGs allow TCP to the proxy's address and port, or run the "
                        + "node test.", Docs.HTTP_PROXY, Findings.action(NextAction.SHOW_NSG_RULES),
                Findings.action(NextAction.RUN_NODE_PROBE));
    }

    /** Every proxy and every endpoint that bypasses it is allowed. */
    static Finding allowed(CheckId id, Map<ProxyTarget, String> proxies, List<RequiredEndpoint> direct, int checks,
            List<Evidence> evidence) {
        String names = proxies.entrySet().stream().map(e -> shown(e.getKey()) + " (" + e.getValue() + ":"
                + e.getKey().port() + ")").collect(Collectors.joining(", "));
        evidence.add(Evidence.of(checks + " checks allowed: the proxy " + names + (direct.isEmpty() ? ""
                : " and the " + direct.size() + " required endpoints that bypass it (" + hosts(direct) + ")")));
        return new Finding(id, Outcome.PASS, "NSGs allow the proxy " + names + (direct.isEmpty() ? ""
                : " and the " + direct.size() + " required endpoints that bypass it"), evidence, null,
                Docs.HTTP_PROXY, List.of(Findings.action(NextAction.SHOW_NSG_RULES)));
    }

    private static String hosts(List<RequiredEndpoint> endpoints) {
        return endpoints.stream().map(RequiredEndpoint::host).distinct().collect(Collectors.joining(", "));
    }
}
