package dev.aksdoctor.network;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Evaluates NSG rules the way Azure does: custom and default rules by priority, the first match decides. */
public final class NsgEvaluator {

    /** The platform address behind the {@code AzureLoadBalancer} tag (health probes, Azure DNS). */
    static final String AZURE_PLATFORM_IP = "168.63.129.16";

    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)?");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");

    private enum Match {
        YES,
        NO,
        UNKNOWN;

        Match and(Match other) {
            if (this == NO || other == NO) {
                return NO;
            }
            return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : YES;
        }
    }

    private NsgEvaluator() {
    }

    public static NsgVerdict evaluate(List<NsgRule> rules, Direction direction, Flow flow, AddressContext ctx) {
        if (direction == null || flow == null) {
            return new NsgVerdict(false, null, "cannot evaluate: no direction or flow given", List.of());
        }
        AddressContext context = ctx == null ? new AddressContext(List.of(), null, false) : ctx;
        List<NsgRule> all = rules == null ? new ArrayList<>() : new ArrayList<>(rules);
        all.removeIf(r -> r == null);
        boolean defaultsAdded = all.stream().noneMatch(NsgRule::defaultRule);
        if (defaultsAdded) {
            all.addAll(NsgRule.azureDefaults());
        }
        all.removeIf(r -> r.direction() != direction);
        all.sort(Comparator.comparingInt(NsgRule::priority));

        Optional<IPAddress> source = AddressRanges.parseIp(flow.sourceIp());
        Optional<IPAddress> destination = AddressRanges.parseIp(flow.destinationIp());
        List<String> undecided = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (NsgRule rule : all) {
            List<String> ruleNotes = new ArrayList<>();
            Match m = protocolMatches(rule.protocol(), flow.protocol())
                    .and(portsMatch(rule.destinationPortRanges(), flow, ruleNotes))
                    .and(sourcePortsMatch(rule.sourcePortRanges(), ruleNotes))
                    .and(addressesMatch(rule.sourceAddressPrefixes(), source, false, context, ruleNotes))
                    .and(addressesMatch(rule.destinationAddressPrefixes(), destination, true, context, ruleNotes));
            if (m == Match.YES) {
                return new NsgVerdict(rule.access() == Access.ALLOW, rule,
                        explain(rule, direction, flow, defaultsAdded, undecided, notes), undecided);
            }
            if (m == Match.UNKNOWN) {
                undecided.add(rule.name());
                notes.add("rule '" + rule.name() + "' skipped: " + String.join("; ", ruleNotes));
            }
        }
        // Unreachable with Azure's defaults present (DenyAll matches every flow), kept for safety.
        return new NsgVerdict(false, null, "no rule matched " + describe(flow) + withNotes(notes), undecided);
    }

    /**
     * A flow through both NSGs; a null layer (or a layer with a null id) means no NSG is associated there.
     * Azure evaluates inbound traffic subnet NSG first, then NIC NSG; outbound traffic NIC NSG first, then
     * subnet NSG. Both must allow, and the second is not reached when the first denies.
     */
    public static NsgPathVerdict evaluatePath(NsgLayer subnetNsg, NsgLayer nicNsg, Direction direction, Flow flow,
            AddressContext ctx) {
        boolean nicFirst = direction == Direction.OUTBOUND;
        NsgLayer first = nicFirst ? nicNsg : subnetNsg;
        NsgLayer second = nicFirst ? subnetNsg : nicNsg;
        String firstLabel = nicFirst ? "NIC NSG" : "subnet NSG";
        String secondLabel = nicFirst ? "subnet NSG" : "NIC NSG";

        NsgVerdict firstVerdict = present(first) ? evaluate(first.rules(), direction, flow, ctx) : null;
        if (firstVerdict != null && !firstVerdict.allowed()) {
            return path(false, first, firstVerdict, null, nicFirst,
                    "Denied by " + firstLabel + " '" + shortName(first.nsgId()) + "': " + firstVerdict.explanation());
        }
        NsgVerdict secondVerdict = present(second) ? evaluate(second.rules(), direction, flow, ctx) : null;
        if (secondVerdict != null && !secondVerdict.allowed()) {
            return path(false, second, firstVerdict, secondVerdict, nicFirst,
                    "Denied by " + secondLabel + " '" + shortName(second.nsgId()) + "': " + secondVerdict.explanation());
        }
        List<String> parts = new ArrayList<>();
        parts.add(layerSummary(firstLabel, first, firstVerdict));
        parts.add(layerSummary(secondLabel, second, secondVerdict));
        return path(true, null, firstVerdict, secondVerdict, nicFirst, "Allowed: " + String.join("; ", parts));
    }

    /**
     * A node's connection to a required endpoint through both NSGs: the destination is the endpoint's host name,
     * decided by the service tag that holds it ({@code MicrosoftContainerRegistry}, {@code AzureActiveDirectory}…).
     */
    public static NsgPathVerdict evaluateEndpoint(NsgLayer subnetNsg, NsgLayer nicNsg, String sourceIp,
            RequiredEndpoint endpoint, AddressContext ctx) {
        AddressContext base = ctx == null ? new AddressContext(List.of(), null, false) : ctx;
        Flow flow = new Flow(sourceIp, endpoint.host(), endpoint.port(), endpoint.transport());
        return evaluatePath(subnetNsg, nicNsg, Direction.OUTBOUND, flow, base.toEndpoint(endpoint));
    }

    private static NsgPathVerdict path(boolean allowed, NsgLayer denying, NsgVerdict firstVerdict,
            NsgVerdict secondVerdict, boolean nicFirst, String explanation) {
        NsgVerdict subnet = nicFirst ? secondVerdict : firstVerdict;
        NsgVerdict nic = nicFirst ? firstVerdict : secondVerdict;
        NsgVerdict denyingVerdict = denying == null ? null : (secondVerdict != null ? secondVerdict : firstVerdict);
        return new NsgPathVerdict(allowed, denying == null ? null : denying.nsgId(),
                denyingVerdict == null ? null : denyingVerdict.decidingRule(), subnet, nic, explanation);
    }

    private static boolean present(NsgLayer layer) {
        return layer != null && layer.nsgId() != null;
    }

    private static String layerSummary(String label, NsgLayer layer, NsgVerdict verdict) {
        if (verdict == null) {
            return "no " + label + " associated";
        }
        return label + " '" + shortName(layer.nsgId()) + "': " + verdict.explanation();
    }

    private static String shortName(String resourceId) {
        int slash = resourceId.lastIndexOf('/');
        return slash >= 0 && slash < resourceId.length() - 1 ? resourceId.substring(slash + 1) : resourceId;
    }

    private static Match protocolMatches(String ruleProtocol, String flowProtocol) {
        if ("*".equals(ruleProtocol) || "any".equalsIgnoreCase(ruleProtocol)) {
            return Match.YES;
        }
        return ruleProtocol.equalsIgnoreCase(flowProtocol == null ? "" : flowProtocol.trim()) ? Match.YES : Match.NO;
    }

    private static Match portsMatch(List<String> ranges, Flow flow, List<String> notes) {
        if (ranges.isEmpty() || "icmp".equalsIgnoreCase(flow.protocol())) {
            return Match.YES;
        }
        Match result = Match.NO;
        for (String entry : splitEntries(ranges)) {
            if ("*".equals(entry) || "any".equalsIgnoreCase(entry)) {
                return Match.YES;
            }
            Matcher m = PORT_RANGE.matcher(entry);
            if (!m.matches()) {
                notes.add("port range '" + entry + "' is not valid");
                result = Match.UNKNOWN;
                continue;
            }
            int low = Integer.parseInt(m.group(1));
            int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
            if (flow.destinationPort() >= low && flow.destinationPort() <= high) {
                return Match.YES;
            }
        }
        return result;
    }

    private static Match sourcePortsMatch(List<String> ranges, List<String> notes) {
        for (String entry : splitEntries(ranges)) {
            if ("*".equals(entry) || "any".equalsIgnoreCase(entry)) {
                return Match.YES;
            }
        }
        if (ranges.isEmpty()) {
            return Match.YES;
        }
        // The source port of an outgoing connection is ephemeral, so a rule limited to source ports may or may not apply.
        notes.add("it restricts source ports " + String.join(",", ranges) + " and the flow's source port is ephemeral");
        return Match.UNKNOWN;
    }

    private static Match addressesMatch(List<String> prefixes, Optional<IPAddress> address, boolean isDestination,
            AddressContext ctx, List<String> notes) {
        if (prefixes.isEmpty()) {
            notes.add("its " + (isDestination ? "destination" : "source")
                    + " is an application security group, whose members are not known here");
            return Match.UNKNOWN;
        }
        Match result = Match.NO;
        for (String entry : splitEntries(prefixes)) {
            Match m = entryMatches(entry, address, isDestination, ctx, notes);
            if (m == Match.YES) {
                return Match.YES;
            }
            if (m == Match.UNKNOWN) {
                result = Match.UNKNOWN;
            }
        }
        return result;
    }

    private static Match entryMatches(String entry, Optional<IPAddress> address, boolean isDestination,
            AddressContext ctx, List<String> notes) {
        if ("*".equals(entry) || "any".equalsIgnoreCase(entry)) {
            return Match.YES;
        }
        if (address.isEmpty() && isDestination && ctx.destinationHost()) {
            return hostMatches(entry, ctx, notes);
        }
        if (address.isEmpty()) {
            notes.add("the flow's " + (isDestination ? "destination" : "source") + " is not an IP address");
            return Match.UNKNOWN;
        }
        IPAddress ip = address.get();
        Optional<IPAddress> range = AddressRanges.parseRange(entry);
        if (range.isPresent()) {
            return AddressRanges.contains(range.get(), ip) ? Match.YES : Match.NO;
        }
        if (!TAG.matcher(entry).matches()) {
            notes.add("address prefix '" + entry + "' is not valid");
            return Match.UNKNOWN;
        }
        Optional<List<String>> tagPrefixes = ServiceTags.prefixesOf(ctx.serviceTagPrefixes(), entry);
        if (tagPrefixes.isPresent()) {
            return AddressRanges.firstContaining(tagPrefixes.get(), ip.toCanonicalString()).isPresent()
                    ? Match.YES : Match.NO;
        }
        String tag = entry.toLowerCase(Locale.ROOT);
        if ("virtualnetwork".equals(tag)) {
            return inVnet(ip, ctx, notes);
        }
        if ("internet".equals(tag)) {
            Match vnet = inVnet(ip, ctx, notes);
            if (vnet == Match.YES || AddressRanges.isPrivate(ip)) {
                return Match.NO;
            }
            return vnet == Match.UNKNOWN ? Match.UNKNOWN : Match.YES;
        }
        if ("azureloadbalancer".equals(tag)) {
            return AZURE_PLATFORM_IP.equals(ip.toCanonicalString()) ? Match.YES : Match.NO;
        }
        if ("azurecloud".equals(tag) || tag.startsWith("azurecloud.")) {
            return azureCloud(tag, ip, isDestination, ctx, notes);
        }
        notes.add("service tag '" + entry + "' is unknown here and was skipped");
        return Match.UNKNOWN;
    }

    /**
     * A destination known by name and service tag only (a required endpoint): outside the VNet unless a route
     * for 0.0.0.0/0 put the whole internet into the VirtualNetwork tag.
     */
    private static Match hostMatches(String entry, AddressContext ctx, List<String> notes) {
        boolean vnetHoldsAll = ctx.vnetAddressPrefixes().stream().anyMatch(p -> p.trim().endsWith("/0"));
        if (AddressRanges.parseRange(entry).isPresent()) {
            if (entry.trim().endsWith("/0")) {
                return Match.YES;
            }
            notes.add("destination " + entry + " is an address range and the addresses behind the host name are not known here");
            return Match.UNKNOWN;
        }
        if (!TAG.matcher(entry).matches()) {
            notes.add("address prefix '" + entry + "' is not valid");
            return Match.UNKNOWN;
        }
        String tag = entry.toLowerCase(Locale.ROOT);
        if ("virtualnetwork".equals(tag)) {
            return vnetHoldsAll ? Match.YES : Match.NO;
        }
        if ("internet".equals(tag)) {
            return Match.YES;
        }
        if ("azureloadbalancer".equals(tag)) {
            return Match.NO;
        }
        switch (ServiceTags.covers(entry, ctx.destinationServiceTag(), "the destination", notes)) {
            case YES:
                return Match.YES;
            case NO:
                return Match.NO;
            default:
                return Match.UNKNOWN;
        }
    }

    private static Match inVnet(IPAddress ip, AddressContext ctx, List<String> notes) {
        if (ctx.vnetAddressPrefixes().isEmpty()) {
            notes.add("the VNet address space is not known");
            return Match.UNKNOWN;
        }
        for (String prefix : ctx.vnetAddressPrefixes()) {
            Optional<IPAddress> range = AddressRanges.parseRange(prefix);
            if (range.isPresent() && AddressRanges.contains(range.get(), ip)) {
                return Match.YES;
            }
        }
        return Match.NO;
    }

    private static Match azureCloud(String tag, IPAddress ip, boolean isDestination, AddressContext ctx,
            List<String> notes) {
        if (AddressRanges.isPrivate(ip)) {
            return Match.NO;
        }
        if (!isDestination || !ctx.destinationIsAzurePublicIp()) {
            notes.add("whether " + ip.toCanonicalString() + " is in service tag '" + tag + "' is not known here");
            return Match.UNKNOWN;
        }
        if ("azurecloud".equals(tag)) {
            return Match.YES;
        }
        String region = ctx.region() == null ? "" : ctx.region().replace(" ", "").toLowerCase(Locale.ROOT);
        if (region.isEmpty()) {
            notes.add("the cluster's region is not known, so service tag '" + tag + "' cannot be decided");
            return Match.UNKNOWN;
        }
        return tag.equals("azurecloud." + region) ? Match.YES : Match.NO;
    }

    private static List<String> splitEntries(List<String> values) {
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    entries.add(trimmed);
                }
            }
        }
        return entries;
    }

    private static String explain(NsgRule rule, Direction direction, Flow flow, boolean defaultsAdded,
            List<String> undecided, List<String> notes) {
        StringBuilder sb = new StringBuilder();
        sb.append(rule.access() == Access.ALLOW ? "Allowed" : "Denied").append(" by ")
                .append(rule.defaultRule() ? "default rule '" : "rule '").append(rule.name()).append("' (priority ")
                .append(rule.priority()).append(", ").append(direction == Direction.OUTBOUND ? "outbound" : "inbound")
                .append(' ').append(rule.protocol()).append(" from ").append(String.join(",", rule.sourceAddressPrefixes()))
                .append(" to ").append(String.join(",", rule.destinationAddressPrefixes())).append(" port ")
                .append(rule.destinationPortRanges().isEmpty() ? "*" : String.join(",", rule.destinationPortRanges()))
                .append(") for ").append(describe(flow));
        if (defaultsAdded) {
            sb.append("; Azure's default rules were assumed because none were supplied");
        }
        if (!undecided.isEmpty()) {
            sb.append("; not certain: ").append(undecided.size() == 1 ? "a rule" : undecided.size() + " rules")
                    .append(" ahead of it could not be decided");
        }
        return sb.append(withNotes(notes)).toString();
    }

    private static String withNotes(List<String> notes) {
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    private static String describe(Flow flow) {
        return flow.protocol() + " " + flow.sourceIp() + " -> " + flow.destinationIp() + ":" + flow.destinationPort();
    }
}
