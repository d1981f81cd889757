package dev.aksdoctor.network;

import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what an Azure Firewall does with a node's connection to one required endpoint, the way the firewall
 * does: DNAT, then network, then application rules whatever their priorities; within a kind, the parent
 * policy's rule collection groups first, then by group priority, collection priority (a Deny collection before
 * an Allow one of the same priority), and the first matching rule decides. Nothing matching is a deny.
 */
public final class FirewallEvaluator {

    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");
    private static final Pattern APP_PROTOCOL = Pattern.compile("(?i)(https?|mssql)(?::(\\d{1,5}))?");

    private FirewallEvaluator() {
    }

    /**
     * @param sourcePrefixes the node subnet's prefixes (or a node's IP): a rule must cover all of them
     * @param resolvedIps    addresses the endpoint's name resolved to, when known; empty when not
     */
    public static FirewallVerdict evaluate(FirewallRuleSet set, List<String> sourcePrefixes, RequiredEndpoint endpoint,
            List<String> resolvedIps) {
        List<String> sources = sourcePrefixes == null ? List.of() : List.copyOf(sourcePrefixes);
        List<String> ips = resolvedIps == null ? List.of() : List.copyOf(resolvedIps);
        List<FirewallRuleCollection> ordered = new ArrayList<>(set.collections());
        ordered.removeIf(c -> c.kind() == FirewallRuleKind.NAT || c.action() == FirewallAction.DNAT);
        ordered.sort(ORDER);
        List<String> notes = new ArrayList<>();
        FirewallRuleCollection firstUnknownCollection = null;
        FirewallRule firstUnknownRule = null;
        int checked = 0;
        for (FirewallRuleCollection c : ordered) {
            for (FirewallRule rule : c.rules()) {
                checked++;
                List<String> ruleNotes = new ArrayList<>();
                Tri m = c.kind() == FirewallRuleKind.NETWORK
                        ? networkMatch(set, rule, sources, endpoint, ips, ruleNotes)
                        : applicationMatch(set, rule, sources, endpoint, ruleNotes);
                if (m == Tri.YES) {
                    boolean allowed = c.action() == FirewallAction.ALLOW;
                    boolean tls = allowed && set.tlsInspection() && rule.terminateTls()
                            && c.kind() == FirewallRuleKind.APPLICATION && "HTTPS".equals(endpoint.protocol());
                    String text = (allowed ? "Allowed" : "Denied") + " by " + kindName(c) + " rule '" + rule.name()
                            + "' in " + c.describe() + " of firewall '" + set.firewallName() + "' for "
                            + endpoint.label() + " from " + String.join(",", sources)
                            + (tls ? "; the rule terminates TLS (TLS inspection), so the node is shown the firewall's "
                                    + "certificate instead of the endpoint's" : "")
                            + uncertain(firstUnknownRule, notes);
                    return new FirewallVerdict(endpoint, allowed ? FirewallDecision.ALLOWED : FirewallDecision.DENIED,
                            c, rule, tls, text, notes);
                }
                if (m == Tri.UNKNOWN) {
                    if (firstUnknownRule == null) {
                        firstUnknownRule = rule;
                        firstUnknownCollection = c;
                    }
                    notes.add(kindName(c) + " rule '" + rule.name() + "' in collection '" + c.name()
                            + "' could not be decided: " + String.join("; ", ruleNotes));
                }
            }
        }
        if (firstUnknownRule != null) {
            return new FirewallVerdict(endpoint, FirewallDecision.UNDECIDED, firstUnknownCollection, firstUnknownRule,
                    false, "No rule of firewall '" + set.firewallName() + "' surely allows " + endpoint.label()
                            + " from " + String.join(",", sources) + ", and " + notes.size()
                            + (notes.size() == 1 ? " rule" : " rules") + " could not be decided ("
                            + String.join("; ", notes) + ")", notes);
        }
        String need = endpoint.applicationProtocol()
                ? "an application rule for " + endpoint.host() + (endpoint.fqdnTags().isEmpty() ? ""
                        : " (or the FQDN tag " + String.join(", ", endpoint.fqdnTags()) + ")")
                        + " on " + protocolName(endpoint) + ":" + endpoint.port()
                : "a network rule for " + endpoint.transport() + " port " + endpoint.port() + " to " + endpoint.host();
        return new FirewallVerdict(endpoint, FirewallDecision.NO_RULE, null, null, false,
                "No rule of firewall '" + set.firewallName() + "' allows " + endpoint.label() + " from "
                        + String.join(",", sources) + " (" + checked + (checked == 1 ? " rule" : " rules")
                        + " checked), so the firewall denies it by default; it needs " + need, notes);
    }

    /** Evaluates every endpoint that leaves through the firewall (not private-link ones), blocked ones first. */
    public static List<FirewallVerdict> evaluateAll(FirewallRuleSet set, List<String> sourcePrefixes,
            List<RequiredEndpoint> endpoints) {
        List<FirewallVerdict> verdicts = new ArrayList<>();
        for (RequiredEndpoint e : endpoints) {
            if (!e.privateLink()) {
                verdicts.add(evaluate(set, sourcePrefixes, e, List.of()));
            }
        }
        verdicts.sort(Comparator.comparingInt(FirewallEvaluator::severity));
        return verdicts;
    }

    private static int severity(FirewallVerdict v) {
        switch (v.decision()) {
            case DENIED:
            case NO_RULE:
                return 0;
            case UNDECIDED:
                return 2;
            default:
                return v.tlsInspected() ? 1 : 3;
        }
    }

    static final Comparator<FirewallRuleCollection> ORDER = Comparator
            .comparingInt((FirewallRuleCollection c) -> c.kind().ordinal())
            .thenComparing(c -> !c.inherited())
            .thenComparingInt(FirewallRuleCollection::groupPriority)
            .thenComparingInt(FirewallRuleCollection::priority)
            .thenComparingInt(c -> c.action() == FirewallAction.DENY ? 0 : 1);

    private static Tri networkMatch(FirewallRuleSet set, FirewallRule rule, List<String> sources,
            RequiredEndpoint endpoint, List<String> ips, List<String> notes) {
        Tri protocol = Tri.NO;
        for (String p : rule.ipProtocols()) {
            if ("any".equalsIgnoreCase(p) || p.equalsIgnoreCase(endpoint.transport())) {
                protocol = Tri.YES;
            }
        }
        if (protocol == Tri.NO) {
            return Tri.NO;
        }
        Tri ports = portsMatch(rule.destinationPorts(), endpoint.port(), notes);
        if (ports == Tri.NO) {
            return Tri.NO;
        }
        Tri destination = Tri.NO;
        for (String d : rule.destinationAddresses()) {
            destination = destination.or(destinationAddress(d, endpoint, ips, notes));
        }
        for (String g : rule.destinationIpGroups()) {
            Optional<List<String>> members = ipGroup(set, g);
            if (members.isEmpty()) {
                notes.add("destination IP group " + shortName(g) + " is not known");
                destination = destination.or(Tri.UNKNOWN);
            } else {
                for (String d : members.get()) {
                    destination = destination.or(destinationAddress(d, endpoint, ips, notes));
                }
            }
        }
        for (String f : rule.destinationFqdns()) {
            Tri covers = endpoint.wildcard() ? (HostPatterns.covers(endpoint.host(), f) == Tri.NO ? Tri.NO : Tri.UNKNOWN)
                    : (f.equalsIgnoreCase(endpoint.host()) ? Tri.YES : Tri.NO);
            if (covers == Tri.UNKNOWN) {
                notes.add("destination FQDN " + f + " is one of the names " + endpoint.host() + " stands for");
            }
            if (covers == Tri.YES && !set.dnsProxy()) {
                notes.add("destination FQDN " + f + " needs the firewall's DNS proxy, which is off");
                covers = Tri.UNKNOWN;
            }
            destination = destination.or(covers);
        }
        if (destination == Tri.NO) {
            return Tri.NO;
        }
        return ports.and(destination).and(sourceMatch(set, rule, sources, notes));
    }

    private static Tri applicationMatch(FirewallRuleSet set, FirewallRule rule, List<String> sources,
            RequiredEndpoint endpoint, List<String> notes) {
        if (!endpoint.applicationProtocol()) {
            return Tri.NO;
        }
        boolean protocol = false;
        for (String p : rule.applicationProtocols()) {
            Matcher m = APP_PROTOCOL.matcher(p.replace(" ", ""));
            if (m.matches()) {
                String type = m.group(1).toUpperCase(Locale.ROOT);
                int port = m.group(2) != null ? Integer.parseInt(m.group(2)) : "HTTPS".equals(type) ? 443 : 80;
                if (type.equals(endpoint.protocol()) && port == endpoint.port()) {
                    protocol = true;
                }
            }
        }
        if (!protocol) {
            return Tri.NO;
        }
        Tri destination = Tri.NO;
        for (String tag : rule.fqdnTags()) {
            for (String covered : endpoint.fqdnTags()) {
                if (covered.equalsIgnoreCase(tag)) {
                    destination = Tri.YES;
                }
            }
        }
        for (String f : rule.targetFqdns()) {
            Tri covers = HostPatterns.covers(f, endpoint.host());
            if (covers == Tri.UNKNOWN) {
                notes.add("target FQDN " + f + " covers only some of the names " + endpoint.host() + " stands for");
            }
            destination = destination.or(covers);
        }
        for (String url : rule.targetUrls()) {
            int slash = url.indexOf('/');
            String host = slash < 0 ? url : url.substring(0, slash);
            String path = slash < 0 ? "" : url.substring(slash);
            Tri covers = HostPatterns.covers(host, endpoint.host());
            if (covers == Tri.YES && !(path.isEmpty() || "/".equals(path) || "/*".equals(path))) {
                notes.add("target URL " + url + " allows some paths only");
                covers = Tri.UNKNOWN;
            }
            destination = destination.or(covers);
        }
        if (!rule.webCategories().isEmpty() && destination != Tri.YES) {
            notes.add("web categories " + String.join(", ", rule.webCategories()) + " are not known here");
            destination = destination.or(Tri.UNKNOWN);
        }
        if (destination == Tri.NO) {
            return Tri.NO;
        }
        return destination.and(sourceMatch(set, rule, sources, notes));
    }

    private static Tri destinationAddress(String entry, RequiredEndpoint endpoint, List<String> ips,
            List<String> notes) {
        if ("*".equals(entry)) {
            return Tri.YES;
        }
        Optional<IPAddressSeqRange> span = AddressRanges.parseSpan(entry);
        if (span.isPresent()) {
            if (ips.isEmpty()) {
                notes.add("destination " + entry + " is an address and the addresses of " + endpoint.host()
                        + " are not known here");
                return Tri.UNKNOWN;
            }
            for (String ip : ips) {
                Optional<IPAddressSeqRange> one = AddressRanges.parseSpan(ip);
                if (one.isPresent() && span.get().contains(one.get())) {
                    return Tri.YES;
                }
            }
            return Tri.NO;
        }
        return tagCovers(entry, endpoint.serviceTag(), endpoint.host(), notes);
    }

    static Tri tagCovers(String ruleTag, String endpointTag, String host, List<String> notes) {
        return ServiceTags.covers(ruleTag, endpointTag, host, notes);
    }

    private static Tri sourceMatch(FirewallRuleSet set, FirewallRule rule, List<String> sources, List<String> notes) {
        if (rule.sourceAddresses().isEmpty() && rule.sourceIpGroups().isEmpty()) {
            notes.add("it has no source");
            return Tri.UNKNOWN;
        }
        List<String> entries = new ArrayList<>(rule.sourceAddresses());
        boolean unknownGroup = false;
        for (String g : rule.sourceIpGroups()) {
            Optional<List<String>> members = ipGroup(set, g);
            if (members.isPresent()) {
                entries.addAll(members.get());
            } else {
                unknownGroup = true;
                notes.add("source IP group " + shortName(g) + " is not known");
            }
        }
        if (entries.contains("*")) {
            return Tri.YES;
        }
        if (sources.isEmpty()) {
            notes.add("the node subnet is not known");
            return Tri.UNKNOWN;
        }
        Tri all = Tri.YES;
        for (String source : sources) {
            Optional<IPAddressSeqRange> s = AddressRanges.parseSpan(source);
            if (s.isEmpty()) {
                notes.add("source " + source + " is not an address");
                all = all.and(Tri.UNKNOWN);
                continue;
            }
            Tri one = Tri.NO;
            for (String e : entries) {
                Optional<IPAddressSeqRange> span = AddressRanges.parseSpan(e);
                if (span.isEmpty()) {
                    continue;
                }
                if (span.get().contains(s.get())) {
                    one = Tri.YES;
                    break;
                }
                if (span.get().overlaps(s.get())) {
                    notes.add("source " + e + " covers only part of " + source);
                    one = Tri.UNKNOWN;
                }
            }
            if (one == Tri.NO && unknownGroup) {
                one = Tri.UNKNOWN;
            }
            all = all.and(one);
        }
        return all;
    }

    private static Tri portsMatch(List<String> ports, int port, List<String> notes) {
        if (ports.isEmpty()) {
            return Tri.NO;
        }
        for (String entry : ports) {
            for (String part : entry.split(",")) {
                String p = part.trim();
                if ("*".equals(p)) {
                    return Tri.YES;
                }
                Matcher m = PORT_RANGE.matcher(p);
                if (!m.matches()) {
                    notes.add("port '" + p + "' is not valid");
                    continue;
                }
                int low = Integer.parseInt(m.group(1));
                int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
                if (port >= low && port <= high) {
                    return Tri.YES;
                }
            }
        }
        return Tri.NO;
    }

    private static Optional<List<String>> ipGroup(FirewallRuleSet set, String id) {
        return Optional.ofNullable(set.ipGroups().get(id.toLowerCase(Locale.ROOT)));
    }

    private static String kindName(FirewallRuleCollection c) {
        return c.kind() == FirewallRuleKind.NETWORK ? "network" : "application";
    }

    private static String protocolName(RequiredEndpoint e) {
        return "HTTPS".equals(e.protocol()) ? "Https" : "Http";
    }

    private static String uncertain(FirewallRule firstUnknown, List<String> notes) {
        if (firstUnknown == null) {
            return "";
        }
        return "; not certain: " + notes.size() + (notes.size() == 1 ? " rule" : " rules")
                + " ahead of it could not be decided (" + String.join("; ", notes) + ")";
    }

    private static String shortName(String resourceId) {
        int slash = resourceId.lastIndexOf('/');
        return slash >= 0 && slash < resourceId.length() - 1 ? resourceId.substring(slash + 1) : resourceId;
    }
}
