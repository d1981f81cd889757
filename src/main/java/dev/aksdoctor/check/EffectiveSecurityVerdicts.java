package dev.aksdoctor.check;

import dev.aksdoctor.azure.NetworkWatcherFacts;
import dev.aksdoctor.network.Access;
import dev.aksdoctor.network.AddressContext;
import dev.aksdoctor.network.AddressRanges;
import dev.aksdoctor.network.Direction;
import dev.aksdoctor.network.Flow;
import dev.aksdoctor.network.NsgEvaluator;
import dev.aksdoctor.network.NsgLayer;
import dev.aksdoctor.network.NsgPathVerdict;
import dev.aksdoctor.network.NsgRule;
import dev.aksdoctor.network.NsgVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The NIC's effective security rules (the NSGs as Azure applies them, service tags expanded) evaluated by our own
 * NSG evaluator for outbound TCP 443, beside our offline NSG verdict. They see what the NSGs we read may not (a
 * change since, a NIC-level merge) but not Virtual Network Manager security admin rules, which IP flow verify
 * applies: when both answer and differ, IP flow verify wins and the line says so. Pure.
 */
public final class EffectiveSecurityVerdicts {

    static final String WHAT = "effective security rules";

    /** What the effective rules decide for one flow: the rule and the NSG association it comes from. */
    public record Reading(boolean allowed, String rule, String from) {
        public Reading {
            Objects.requireNonNull(from, "from");
        }

        String verdict() {
            return (allowed ? "Allow" : "Deny") + (rule == null ? "" : " by rule " + rule) + " from " + from;
        }
    }

    /** The comparison's line and, when the rules gave a verdict, what they decided. */
    public record Verdict(PlatformVerdicts.Comparison comparison, Optional<Reading> reading) {
        public Verdict {
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(reading, "reading");
        }

        static Verdict none(PlatformVerdicts.Comparison comparison) {
            return new Verdict(comparison, Optional.empty());
        }
    }

    private EffectiveSecurityVerdicts() {
    }

    /** Effective security rules are served only while the VM runs, like effective routes. */
    public static Optional<PlatformVerdicts.Comparison> skipped(String powerState) {
        return PlatformVerdicts.effectiveRoutesSkipped(powerState).map(c -> new PlatformVerdicts.Comparison(
                Optional.empty(), c.line().replace("Effective routes not read", "Effective security rules not read")));
    }

    /**
     * Our NSG verdict ({@code null}: none) against the effective rules for TCP 443 from {@code sourceIp} to
     * {@code destinationIp}. A rule without a known access, direction or priority, or a rule ahead of the deciding
     * one that cannot be decided, leaves no verdict: never a disagreement.
     */
    public static Verdict compare(NsgVerdict offline, List<NetworkWatcherFacts.EffectiveSecurityGroup> groups,
            String sourceIp, String destinationIp, String region) {
        NsgLayer subnet = null;
        NsgLayer nic = null;
        for (NetworkWatcherFacts.EffectiveSecurityGroup g : groups) {
            List<NsgRule> rules = new ArrayList<>();
            for (NetworkWatcherFacts.EffectiveSecurityRule r : g.rules()) {
                Optional<String> unknown = unknownValue(r);
                if (unknown.isPresent()) {
                    return Verdict.none(PlatformVerdicts.unreadable(WHAT, unknown.get()));
                }
                rules.add(rule(r));
            }
            NsgLayer layer = new NsgLayer(g.nsgId() == null ? "(unnamed NSG)" : g.nsgId(), rules);
            if (g.subnetId() != null && subnet == null) {
                subnet = layer;
            } else if (g.subnetId() == null && nic == null) {
                nic = layer;
            }
        }
        AddressContext context = new AddressContext(List.of(), region == null ? null
                : region.replace(" ", "").toLowerCase(Locale.ROOT), !AddressRanges.isPrivate(destinationIp));
        NsgPathVerdict path = NsgEvaluator.evaluatePath(subnet, nic, Direction.OUTBOUND,
                new Flow(sourceIp, destinationIp, 443, "Tcp"), context);
        if (!path.certain() || !path.allowed() && path.denyingRule() == null) {
            return Verdict.none(new PlatformVerdicts.Comparison(Optional.empty(), "No platform verdict for " + WHAT
                    + ": " + path.explanation()));
        }
        Reading reading = reading(path, nic, subnet, groups);
        if (offline == null) {
            return new Verdict(new PlatformVerdicts.Comparison(Optional.empty(), "Effective security rules: "
                    + reading.verdict()), Optional.of(reading));
        }
        if (offline.allowed() == reading.allowed()) {
            return new Verdict(new PlatformVerdicts.Comparison(Optional.of(true), "Effective security rules agree: "
                    + reading.verdict()), Optional.of(reading));
        }
        return new Verdict(new PlatformVerdicts.Comparison(Optional.of(false), "Effective security rules disagree and "
                + "win: " + reading.verdict() + "; the offline model said " + (offline.allowed() ? "Allow" : "Deny")
                + (offline.decidingRule() == null ? "" : " by " + offline.decidingRule().name())), Optional.of(reading));
    }

    /**
     * The effective rules' verdict beside IP flow verify's ({@code null}: it gave none). When they differ, IP flow
     * verify wins (it applies security admin rules too): the effective rules' line says so and decides nothing.
     */
    public static Verdict beside(Verdict effective, NetworkWatcherFacts.IpFlow ipFlow) {
        if (ipFlow == null || effective.reading().isEmpty() || Access.fromAzure(ipFlow.access()) == null
                || ipFlow.allowed() == effective.reading().get().allowed()) {
            return effective;
        }
        return Verdict.none(new PlatformVerdicts.Comparison(Optional.empty(), "Effective security rules say "
                + effective.reading().get().verdict() + ", but IP flow verify wins (" + ipFlow.access() + "): it "
                + "also applies Virtual Network Manager security admin rules, which effective security rules leave out"));
    }

    /** The NSG check's finding as the effective rules see it, naming the rule and its NSG. */
    static Finding overruled(Finding offline, PlatformPlan.Destination d, Reading reading) {
        String target = d.label() + " (" + d.ip() + ")";
        if (!reading.allowed()) {
            return new Finding(offline.checkId(), Outcome.FAIL, "Effective security rules: rule " + reading.rule()
                    + " from " + reading.from() + " denies outbound TCP 443 to " + target, offline.evidence(),
                    "Remove or re-prioritise that rule, or add an Allow for TCP 443 to " + d.ip()
                            + " with a lower priority number (az network nic list-effective-nsg shows the rules as "
                            + "Azure applies them).",
                    Docs.NSG, offline.actions());
        }
        return new Finding(offline.checkId(), Outcome.PASS, "Effective security rules: outbound TCP 443 to " + target
                + " is allowed" + (reading.rule() == null ? "" : " by rule " + reading.rule()) + " from "
                + reading.from() + " (the offline NSG verdict is overruled)", offline.evidence(), null, Docs.NSG,
                offline.actions());
    }

    private static Optional<String> unknownValue(NetworkWatcherFacts.EffectiveSecurityRule r) {
        if (Access.fromAzure(r.access()) == null) {
            return Optional.of("access " + r.access() + " (rule " + r.name() + ")");
        }
        if (Direction.fromAzure(r.direction()) == null) {
            return Optional.of("direction " + r.direction() + " (rule " + r.name() + ")");
        }
        if (r.priority() == null) {
            return Optional.of("no priority (rule " + r.name() + ")");
        }
        return Optional.empty();
    }

    private static NsgRule rule(NetworkWatcherFacts.EffectiveSecurityRule r) {
        String name = r.name() == null ? "(unnamed rule)" : r.name();
        // Effective rules spell "any protocol" All and "any port" 0-65535; our evaluator knows "*".
        String protocol = "All".equalsIgnoreCase(r.protocol()) ? "*" : r.protocol();
        return new NsgRule(name, null, Direction.fromAzure(r.direction()), Access.fromAzure(r.access()), r.priority(),
                protocol, addresses(r.sourcePrefixes(), r.expandedSourcePrefixes()), ports(r.sourcePortRanges()),
                addresses(r.destinationPrefixes(), r.expandedDestinationPrefixes()), ports(r.destinationPortRanges()),
                name.startsWith("defaultSecurityRules/"));
    }

    /** A service tag comes back with the addresses it stood for: decide by those. */
    private static List<String> addresses(List<String> prefixes, List<String> expanded) {
        if (!expanded.isEmpty()) {
            return expanded;
        }
        return prefixes.isEmpty() ? List.of("*") : prefixes;
    }

    private static List<String> ports(List<String> ranges) {
        return ranges.stream().map(p -> "0-65535".equals(p.replace(" ", "")) ? "*" : p).toList();
    }

    private static Reading reading(NsgPathVerdict path, NsgLayer nic, NsgLayer subnet,
            List<NetworkWatcherFacts.EffectiveSecurityGroup> groups) {
        if (!path.allowed()) {
            return new Reading(false, path.denyingRule().name(), association(path.denyingNsgId(), groups));
        }
        // As the offline verdict names it: the NIC NSG's rule when there is one, else the subnet NSG's.
        NsgLayer layer = path.nicVerdict() != null ? nic : subnet;
        NsgVerdict last = path.nicVerdict() != null ? path.nicVerdict() : path.subnetVerdict();
        if (last == null) {
            return new Reading(true, null, "no NSG (none applies to the NIC)");
        }
        return new Reading(true, last.decidingRule() == null ? null : last.decidingRule().name(),
                association(layer.nsgId(), groups));
    }

    /** "NSG nsg-nodes on subnet snet-nodes", "NSG aks-agentpool-…-nsg on NIC aks-nodepool1-…-vmss". */
    static String association(String nsgId, List<NetworkWatcherFacts.EffectiveSecurityGroup> groups) {
        NetworkWatcherFacts.EffectiveSecurityGroup g = groups.stream()
                .filter(x -> x.nsgId() != null && x.nsgId().equalsIgnoreCase(nsgId)).findFirst().orElse(null);
        String nsg = "NSG " + last(nsgId == null ? "(unnamed)" : nsgId);
        if (g == null) {
            return nsg;
        }
        if (g.subnetId() != null) {
            return nsg + " on subnet " + last(g.subnetId());
        }
        return g.nicId() == null ? nsg : nsg + " on NIC " + last(g.nicId());
    }

    private static String last(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
