package dev.aksdoctor.check;

import dev.aksdoctor.azure.NetworkWatcherFacts;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.network.NextHopType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Network Watcher's answers merged into the offline report: one line per verdict under the finding it confirms
 * (next hop and effective routes under the route check, IP flow verify under the NSG check). When the platform
 * disagrees it wins: the finding is replaced by the platform's verdict (a BGP route to an appliance the route table
 * does not show, a security admin rule denying 443 that no NSG shows) and the likely cause is picked again. Pure.
 */
public final class PlatformConfirmation {

    private PlatformConfirmation() {
    }

    public static InvestigationReport merge(Diagnosis diagnosis, InvestigationReport report, PlatformPlan plan,
            PlatformAnswers answers, Duration limit) {
        Map<CheckId, List<String>> lines = new LinkedHashMap<>();
        Map<CheckId, Finding> overruled = new LinkedHashMap<>();
        Optional<String> problem = Optional.ofNullable(plan.problem()).or(answers::watcherProblem);
        if (problem.isPresent()) {
            if (plan.askRoutes()) {
                add(lines, CheckId.ROUTE_TABLE, problem.get());
            }
            if (plan.askNsg()) {
                add(lines, CheckId.NSG_OUTBOUND, problem.get());
            }
            return withPlatform(diagnosis, report, lines, overruled);
        }
        boolean labelled = answers.destinations().size() > 1
                || answers.destinations().stream().anyMatch(d -> !d.destination().label().startsWith("the "));
        Optional<PlatformVerdicts.Comparison> skipped = PlatformVerdicts.effectiveRoutesSkipped(plan.powerState());
        for (PlatformAnswers.DestinationAnswers a : answers.destinations()) {
            PlatformPlan.Destination d = a.destination();
            String prefix = labelled ? d.label() + " (" + d.ip() + "): " : "";
            if (a.nextHop().asked()) {
                PlatformVerdicts.Comparison c = compare(a.nextHop(), "next hop", limit,
                        hop -> PlatformVerdicts.nextHop(d.offlineRoute(), hop));
                add(lines, CheckId.ROUTE_TABLE, prefix + c.line());
                if (c.disagrees()) {
                    overruled.putIfAbsent(CheckId.ROUTE_TABLE, routeOverruled(report, d, a.nextHop().value()));
                }
            }
            if (answers.effectiveRoutes().asked()) {
                PlatformVerdicts.Comparison c = compare(answers.effectiveRoutes(), "effective routes", limit,
                        routes -> PlatformVerdicts.effectiveRoute(d.offlineRoute(), routes, d.ip()));
                add(lines, CheckId.ROUTE_TABLE, prefix + c.line());
                if (c.disagrees()) {
                    PlatformVerdicts.effectiveRouteFor(answers.effectiveRoutes().value(), d.ip())
                            .ifPresent(r -> overruled.putIfAbsent(CheckId.ROUTE_TABLE, routeOverruled(report, d,
                                    new NetworkWatcherFacts.NextHop(r.nextHopType(),
                                            r.nextHopIpAddresses().isEmpty() ? null : r.nextHopIpAddresses().get(0),
                                            "User".equalsIgnoreCase(r.source()) ? "a user route" : "System Route"))));
                }
            }
            nsgLines(report, plan, answers, a, prefix, limit, lines, overruled);
        }
        if (plan.askRoutes() && skipped.isPresent()) {
            add(lines, CheckId.ROUTE_TABLE, skipped.get().line());
        }
        if (plan.askNsg()) {
            EffectiveSecurityVerdicts.skipped(plan.powerState()).ifPresent(c -> add(lines, CheckId.NSG_OUTBOUND,
                    c.line()));
        }
        return withPlatform(diagnosis, report, lines, overruled);
    }

    /**
     * IP flow verify and the effective security rules under the NSG check. IP flow verify wins over the effective
     * rules (it applies security admin rules too), so they overrule our verdict only when it gave none.
     */
    private static void nsgLines(InvestigationReport report, PlatformPlan plan, PlatformAnswers answers,
            PlatformAnswers.DestinationAnswers a, String prefix, Duration limit, Map<CheckId, List<String>> lines,
            Map<CheckId, Finding> overruled) {
        PlatformPlan.Destination d = a.destination();
        PlatformVerdicts.Comparison flowVerdict = null;
        if (a.ipFlow().asked()) {
            flowVerdict = compare(a.ipFlow(), "IP flow verify", limit,
                    flow -> d.offlineNsg() == null
                            ? new PlatformVerdicts.Comparison(Optional.empty(), "Network Watcher: " + flow.access()
                                    + " by rule " + flow.ruleName())
                            : PlatformVerdicts.ipFlow(d.offlineNsg(), flow, plan.rulesRead()));
            add(lines, CheckId.NSG_OUTBOUND, prefix + flowVerdict.line());
            if (flowVerdict.disagrees()) {
                overruled.putIfAbsent(CheckId.NSG_OUTBOUND, nsgOverruled(report, d, a.ipFlow().value(), plan));
            }
        }
        PlatformAnswers.Answer<List<NetworkWatcherFacts.EffectiveSecurityGroup>> rules = answers.effectiveSecurityRules();
        if (!rules.asked()) {
            return;
        }
        EffectiveSecurityVerdicts.Verdict verdict = rules.answered()
                ? EffectiveSecurityVerdicts.beside(EffectiveSecurityVerdicts.compare(d.offlineNsg(), rules.value(),
                        plan.sourceIp(), d.ip(), plan.region()), a.ipFlow().answered() ? a.ipFlow().value() : null)
                : EffectiveSecurityVerdicts.Verdict.none(rules.timedOut()
                        ? PlatformVerdicts.timedOut(EffectiveSecurityVerdicts.WHAT, limit)
                        : new PlatformVerdicts.Comparison(Optional.empty(),
                                AskNetworkWatcher.failure(EffectiveSecurityVerdicts.WHAT, rules.error())));
        add(lines, CheckId.NSG_OUTBOUND, prefix + verdict.comparison().line());
        if (verdict.comparison().disagrees()) {
            overruled.putIfAbsent(CheckId.NSG_OUTBOUND, EffectiveSecurityVerdicts.overruled(
                    finding(report, CheckId.NSG_OUTBOUND), d, verdict.reading().orElseThrow()));
        }
    }

    private static <T> PlatformVerdicts.Comparison compare(PlatformAnswers.Answer<T> answer, String what,
            Duration limit, java.util.function.Function<T, PlatformVerdicts.Comparison> comparison) {
        if (answer.timedOut()) {
            return PlatformVerdicts.timedOut(what, limit);
        }
        if (!answer.answered()) {
            return new PlatformVerdicts.Comparison(Optional.empty(), AskNetworkWatcher.failure(what, answer.error()));
        }
        return comparison.apply(answer.value());
    }

    private static void add(Map<CheckId, List<String>> lines, CheckId id, String line) {
        List<String> list = lines.computeIfAbsent(id, k -> new ArrayList<>());
        if (!list.contains(line)) {
            list.add(line);
        }
    }

    private static InvestigationReport withPlatform(Diagnosis diagnosis, InvestigationReport report,
            Map<CheckId, List<String>> lines, Map<CheckId, Finding> overruled) {
        lines.keySet().removeIf(id -> report.findings().stream().noneMatch(f -> f.checkId() == id));
        if (overruled.isEmpty()) {
            return new InvestigationReport(report.location(), report.findings(), report.likelyCause(), report.why(),
                    report.access(), report.armCalls(), lines, report.facts(), report.failureAt());
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            findings.add(overruled.getOrDefault(f.checkId(), f));
        }
        RootCause.Verdict verdict = RootCause.of(findings, Investigator.suspects(diagnosis));
        return new InvestigationReport(report.location(), findings, verdict.cause(), verdict.why(), report.access(),
                report.armCalls(), lines, report.facts(), report.failureAt());
    }

    /** The route check's finding as the platform sees it: the hop it names, and where that route comes from. */
    static Finding routeOverruled(InvestigationReport report, PlatformPlan.Destination d,
            NetworkWatcherFacts.NextHop hop) {
        Finding offline = finding(report, CheckId.ROUTE_TABLE);
        String table = hop.routeTableId();
        String via = table == null || "System Route".equalsIgnoreCase(table)
                ? "a route the route table does not show (learned through BGP, a VPN or ExpressRoute gateway, or peering)"
                : table.startsWith("/") ? "route table " + table.substring(table.lastIndexOf('/') + 1) : table;
        String target = d.label() + " (" + d.ip() + ")";
        String to = hop.nextHopType() + (hop.nextHopIpAddress() == null ? "" : " " + hop.nextHopIpAddress());
        NextHopType type = NextHopType.tryFromAzure(hop.nextHopType()).orElse(null);
        if (type == NextHopType.NONE) {
            return new Finding(CheckId.ROUTE_TABLE, Outcome.FAIL, "Network Watcher: traffic to " + target
                    + " is dropped (next hop None) through " + via, offline.evidence(),
                    "Find that route in a node NIC's effective routes (az network nic show-effective-route-table) and "
                            + "remove it, or point it at a working next hop: next hop None drops the traffic silently.",
                    Docs.UDR, offline.actions());
        }
        if (type == NextHopType.VIRTUAL_APPLIANCE || type == NextHopType.VIRTUAL_NETWORK_GATEWAY) {
            return new Finding(CheckId.ROUTE_TABLE, Outcome.FAIL, "Network Watcher: traffic to " + target + " goes to "
                    + to + " through " + via, offline.evidence(),
                    "That device must allow TCP 443 to " + d.ip() + " (and not inspect its TLS): check its rules, or "
                            + "keep the route away from the node subnet (disable gateway route propagation on its "
                            + "route table, or add a more specific user route).",
                    Docs.EGRESS, offline.actions());
        }
        return new Finding(CheckId.ROUTE_TABLE, Outcome.PASS, "Network Watcher: the route to " + target
                + " has next hop " + to + " (the offline route is not in effect)", offline.evidence(), null, Docs.UDR,
                offline.actions());
    }

    /** The NSG check's finding as IP flow verify sees it, naming a rule none of the NSGs read shows. */
    static Finding nsgOverruled(InvestigationReport report, PlatformPlan.Destination d,
            NetworkWatcherFacts.IpFlow flow, PlatformPlan plan) {
        Finding offline = finding(report, CheckId.NSG_OUTBOUND);
        String rule = flow.ruleName() == null ? "(unnamed rule)" : flow.ruleName();
        String shortRule = rule.substring(rule.lastIndexOf('/') + 1);
        boolean shown = plan.rulesRead().stream().anyMatch(r -> r.equalsIgnoreCase(shortRule));
        String target = d.label() + " (" + d.ip() + ")";
        if (!flow.allowed()) {
            return new Finding(CheckId.NSG_OUTBOUND, Outcome.FAIL, "Network Watcher: rule " + rule
                    + " denies outbound TCP 443 to " + target + (shown ? "" : ", a rule none of the NSGs shows"),
                    offline.evidence(), shown
                            ? "Remove or re-prioritise that rule, or add an Allow for TCP 443 to " + d.ip()
                                    + " with a lower priority number."
                            : "It is not in the subnet or NIC NSG: look for a Virtual Network Manager security admin "
                                    + "rule (az network manager security-admin-config list) and have its owner allow "
                                    + "TCP 443 to " + d.ip() + ".",
                    Docs.NSG, offline.actions());
        }
        return new Finding(CheckId.NSG_OUTBOUND, Outcome.PASS, "Network Watcher: outbound TCP 443 to " + target
                + " is allowed by rule " + rule + " (the offline NSG verdict is overruled)", offline.evidence(), null,
                Docs.NSG, offline.actions());
    }

    private static Finding finding(InvestigationReport report, CheckId id) {
        return report.findings().stream().filter(f -> f.checkId() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + id + " finding to overrule"));
    }
}
