package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CausalChains;
import dev.aksdoctor.diagnosis.CheckId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the likely cause: the deepest finding with evidence that explains the others, by the chains of
 * {@link CausalChains} — not the first failure in plan order. A FAIL that nothing else explains is a candidate;
 * a WARN is one only when it explains a FAIL (a VirtualAppliance next hop explains a node that cannot open TCP
 * 443). Among candidates the one explaining the longest chain of symptoms wins; on a tie, a configuration check
 * beats a state or a probe, then the earlier in the plan.
 */
public final class RootCause {

    /** The likely cause and the symptoms it explains, nearest first. */
    public record Verdict(Optional<Finding> cause, List<Finding> why) {
        public Verdict {
            why = List.copyOf(why);
        }
    }

    private RootCause() {
    }

    public static Verdict of(List<Finding> findings) {
        return of(findings, Set.of());
    }

    /**
     * As {@link #of(List)}; when nothing fails, a WARN of a check in {@code suspects} stands as the likely cause
     * (an appliance AKS Doctor cannot inspect on the path of a timed-out connection, custom DNS servers for a DNS
     * failure): "No failing check" would hide the one thing that can explain the paste.
     */
    public static Verdict of(List<Finding> findings, Set<CheckId> suspects) {
        Set<String> codes = new LinkedHashSet<>();
        for (Finding f : findings) {
            // Only what the failure itself reported counts: a prover's own finding must not vouch for itself.
            if ((f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARN) && CausalChains.CARRIERS.contains(f.checkId())) {
                codes.addAll(f.codes());
            }
        }
        List<Finding> failing = findings.stream().filter(Finding::failed).toList();
        List<Finding> warned = findings.stream().filter(f -> f.outcome() == Outcome.WARN && !settled(f, findings))
                .toList();
        Map<Finding, List<Finding>> explains = new HashMap<>();
        for (Finding cause : findings) {
            if (cause.outcome() != Outcome.FAIL && cause.outcome() != Outcome.WARN || settled(cause, findings)) {
                continue;
            }
            List<Finding> symptoms = new ArrayList<>();
            for (Finding symptom : failing) {
                if (symptom != cause && CausalChains.explains(cause.checkId(), symptom.checkId(), codes)) {
                    symptoms.add(symptom);
                }
            }
            explains.put(cause, symptoms);
        }
        List<Finding> candidates = new ArrayList<>();
        for (Finding f : failing) {
            if (!explainedByAnother(f, explains)) {
                candidates.add(f);
            }
        }
        for (Finding w : warned) {
            if (!explains.get(w).isEmpty() && !explainedByAnother(w, explains)) {
                candidates.add(w);
            }
        }
        Finding best = null;
        List<Finding> bestChain = List.of();
        for (Finding c : candidates) {
            List<Finding> chain = longestChain(c, explains, new LinkedHashSet<>());
            if (best == null || better(c, chain, best, bestChain, findings)) {
                best = c;
                bestChain = chain;
            }
        }
        if (best == null) {
            return new Verdict(warned.stream().filter(w -> suspects.contains(w.checkId())).findFirst(), List.of());
        }
        return new Verdict(Optional.ofNullable(best), bestChain);
    }

    /**
     * A warning another check settles by looking further: a route to a VirtualAppliance (ROUTE_TABLE) is judged by
     * EGRESS_APPLIANCE, which reads the firewall's rules or the appliance's state; once it has, the route alone
     * explains nothing (a healthy firewall that allows AKS is not a cause).
     */
    private static final Map<CheckId, CheckId> SETTLED_BY = Map.of(CheckId.ROUTE_TABLE, CheckId.EGRESS_APPLIANCE);

    private static boolean settled(Finding f, List<Finding> findings) {
        CheckId judge = SETTLED_BY.get(f.checkId());
        return f.outcome() == Outcome.WARN && judge != null && findings.stream().anyMatch(x -> x.checkId() == judge
                && (x.outcome() == Outcome.PASS || x.outcome() == Outcome.WARN || x.outcome() == Outcome.FAIL));
    }

    private static boolean explainedByAnother(Finding f, Map<Finding, List<Finding>> explains) {
        return explains.entrySet().stream().anyMatch(e -> e.getKey() != f && e.getValue().contains(f)
                && !explains.getOrDefault(f, List.of()).contains(e.getKey()));
    }

    /** The symptoms {@code cause} explains along its longest path, nearest first. */
    private static List<Finding> longestChain(Finding cause, Map<Finding, List<Finding>> explains, Set<Finding> seen) {
        seen.add(cause);
        List<Finding> best = List.of();
        for (Finding symptom : explains.getOrDefault(cause, List.of())) {
            if (seen.contains(symptom)) {
                continue;
            }
            List<Finding> rest = longestChain(symptom, explains, new LinkedHashSet<>(seen));
            if (rest.size() + 1 > best.size()) {
                List<Finding> chain = new ArrayList<>();
                chain.add(symptom);
                chain.addAll(rest);
                best = chain;
            }
        }
        return best;
    }

    private static boolean better(Finding c, List<Finding> chain, Finding best, List<Finding> bestChain,
            List<Finding> order) {
        if (chain.size() != bestChain.size()) {
            return chain.size() > bestChain.size();
        }
        if (c.failed() != best.failed()) {
            return c.failed();
        }
        int rankC = rank(c.checkId());
        int rankBest = rank(best.checkId());
        if (rankC != rankBest) {
            return rankC < rankBest;
        }
        return order.indexOf(c) < order.indexOf(best);
    }

    /** Configuration first, then what the node saw, then states that only echo the failure. */
    private static int rank(CheckId id) {
        if (CausalChains.PROBES.contains(id)) {
            return 1;
        }
        return CausalChains.CARRIERS.contains(id) ? 2 : 0;
    }
}
