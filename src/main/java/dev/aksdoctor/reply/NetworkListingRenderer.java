package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import dev.aksdoctor.azure.NsgFacts;
import dev.aksdoctor.azure.RouteTableFacts;
import dev.aksdoctor.network.Access;
import dev.aksdoctor.network.Direction;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.NsgRule;
import dev.aksdoctor.network.RouteEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "Show the matching NSG rules" and "Show routes" answers: every rule of an NSG (outbound first, by
 * priority, denies marked) or every route of a route table, as an ephemeral message. Pure; whatever does not
 * fit Slack's limits is counted, never cut mid-line.
 */
public final class NetworkListingRenderer {

    /** What to post: the notification text and the blocks. */
    public record Listing(String text, List<LayoutBlock> blocks) {
        public Listing {
            blocks = List.copyOf(blocks);
        }
    }

    /** Room for the heading, the closing note and the sections in between, below Slack's 50. */
    static final int MAX_SECTIONS = 40;
    /** Characters of one section, below {@link SlackLimits#SECTION_TEXT} to leave room for a heading line. */
    static final int SECTION_BUDGET = SlackLimits.SECTION_TEXT - 100;
    private static final int LINE_MAX = 600;

    /** How to read an NSG listing. */
    public static final String NSG_HOW = "Read from Azure just now. Rules apply by priority, lowest number first; the "
            + "first match decides.";
    /** How to read a route listing. */
    public static final String ROUTES_HOW = "Read from Azure just now. The longest matching prefix wins; a next hop of "
            + "None drops the traffic.";

    private NetworkListingRenderer() {
    }

    public static Listing nsg(NsgFacts nsg) {
        return nsg(nsg, NSG_HOW);
    }

    public static Listing routes(RouteTableFacts table) {
        return routes(table, ROUTES_HOW);
    }

    public static String cannotReadSubnets(String cluster, String why) {
        return ":warning: I couldn't read the node subnets of " + Mrkdwn.code(cluster) + ": " + Mrkdwn.escape(why);
    }

    /** {@code what} is "NSG" or "route table". */
    public static String noneAttached(String cluster, String what) {
        return "The node subnets of " + Mrkdwn.code(cluster) + " have no " + what + " attached (or AKS manages the VNet, "
                + "whose " + what + " lives in the node resource group).";
    }

    public static String cannotRead(String what, String resourceId, String why) {
        return ":warning: I couldn't read the " + what + " " + Mrkdwn.code(resourceId) + ": " + Mrkdwn.escape(why);
    }

    public static String cannotPost(String what, String slackError) {
        return "I couldn't post the " + what + " here (" + slackError + ").";
    }

    public static Listing nsg(NsgFacts nsg, String how) {
        List<NsgRule> rules = new ArrayList<>(nsg.rules());
        rules.sort(Comparator.comparing((NsgRule r) -> r.direction() == Direction.OUTBOUND ? 0 : 1)
                .thenComparingInt(NsgRule::priority).thenComparing(NsgRule::name));
        long denies = rules.stream().filter(r -> r.access() == Access.DENY && !r.defaultRule()).count();
        String title = ":shield: *NSG " + Mrkdwn.escape(nsg.name()) + "* — " + rules.size() + " rules, outbound first"
                + (denies > 0 ? ", " + denies + " custom deny " + (denies == 1 ? "rule" : "rules") + " marked :no_entry:" : "");
        List<String> outbound = new ArrayList<>();
        List<String> inbound = new ArrayList<>();
        for (NsgRule r : rules) {
            (r.direction() == Direction.OUTBOUND ? outbound : inbound).add(ruleLine(r));
        }
        List<Group> groups = List.of(new Group("*Outbound* (" + outbound.size() + ")", outbound),
                new Group("*Inbound* (" + inbound.size() + ")", inbound));
        return listing(title, groups, "rules", how,
                "NSG " + Mrkdwn.truncate(nsg.name(), 200) + ": " + rules.size() + " rules");
    }

    public static Listing routes(RouteTableFacts table, String how) {
        List<RouteEntry> routes = new ArrayList<>(table.routes());
        routes.sort(Comparator.comparing(RouteEntry::addressPrefix));
        String title = ":world_map: *Route table " + Mrkdwn.escape(table.name()) + "* — " + routes.size()
                + (routes.size() == 1 ? " route" : " routes")
                + (table.bgpPropagationDisabled() ? " · gateway route propagation *disabled*" : "");
        List<String> lines = routes.stream().map(NetworkListingRenderer::routeLine).toList();
        String empty = routes.isEmpty() ? "No user-defined routes: Azure's system routes apply (Internet via the "
                + "default outbound path)." : null;
        List<Group> groups = empty == null ? List.of(new Group(null, lines)) : List.of(new Group(empty, List.of()));
        return listing(title, groups, "routes", how,
                "Route table " + Mrkdwn.truncate(table.name(), 200) + ": " + routes.size() + " routes");
    }

    static String ruleLine(NsgRule r) {
        boolean deny = r.access() == Access.DENY;
        String line = (deny ? ":no_entry: " : ":white_check_mark: ") + "`" + r.priority() + "` "
                + (deny ? "*" + Mrkdwn.escape(r.name()) + "*" : Mrkdwn.escape(r.name()))
                + (r.defaultRule() ? " _(default)_" : "")
                + " · " + (deny ? "*Deny*" : "Allow") + " " + Mrkdwn.escape(protocol(r.protocol()))
                + " · from " + endpoint(r.sourceAddressPrefixes(), r.sourcePortRanges())
                + " to " + endpoint(r.destinationAddressPrefixes(), r.destinationPortRanges());
        return Mrkdwn.truncate(line, LINE_MAX);
    }

    static String routeLine(RouteEntry r) {
        String hop;
        if (r.nextHopType() == NextHopType.NONE) {
            hop = ":no_entry: *None* (traffic is dropped)";
        } else if (r.nextHopType() == NextHopType.VIRTUAL_APPLIANCE) {
            hop = "VirtualAppliance " + (r.nextHopIpAddress() == null ? "(no IP)" : Mrkdwn.code(r.nextHopIpAddress()));
        } else {
            hop = r.nextHopType().azureName();
        }
        String name = r.name() == null ? "" : " " + Mrkdwn.escape(r.name());
        return Mrkdwn.truncate(Mrkdwn.code(r.addressPrefix()) + " → " + hop + " ·" + name, LINE_MAX);
    }

    private static String protocol(String p) {
        return "*".equals(p) ? "any protocol" : p.toUpperCase(java.util.Locale.ROOT);
    }

    private static String endpoint(List<String> prefixes, List<String> ports) {
        String where = prefixes.isEmpty() ? "_application security group_" : Mrkdwn.code(String.join(", ", prefixes));
        String port = ports.isEmpty() || ports.equals(List.of("*")) ? "any port" : "port " + Mrkdwn.code(String.join(", ", ports));
        return where + " " + port;
    }

    private record Group(String heading, List<String> lines) {
    }

    private static Listing listing(String title, List<Group> groups, String noun, String how, String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(title, SlackLimits.SECTION_TEXT)))));
        int total = groups.stream().mapToInt(g -> g.lines().size()).sum();
        int shown = 0;
        int sections = 0;
        outer:
        for (Group g : groups) {
            if (sections >= MAX_SECTIONS) {
                break;
            }
            StringBuilder chunk = new StringBuilder(g.heading() == null ? "" : g.heading());
            for (String line : g.lines()) {
                if (chunk.length() > 0 && chunk.length() + 1 + line.length() > SECTION_BUDGET) {
                    blocks.add(textSection(chunk));
                    sections++;
                    chunk = new StringBuilder();
                }
                if (sections >= MAX_SECTIONS) {
                    break outer;
                }
                if (chunk.length() > 0) {
                    chunk.append('\n');
                }
                chunk.append(line);
                shown++;
            }
            if (chunk.length() > 0) {
                blocks.add(textSection(chunk));
                sections++;
            }
        }
        List<ContextBlockElement> note = new ArrayList<>();
        if (shown < total) {
            int more = total - shown;
            note.add(markdownText(":scissors: " + more + " more " + noun + " not shown (Slack's message limit). "));
        }
        note.add(markdownText(Mrkdwn.truncate(Mrkdwn.escape(how), SlackLimits.FIELD_TEXT)));
        blocks.add(context(note));
        return new Listing(Mrkdwn.truncate(text, SlackLimits.MESSAGE_TEXT), blocks);
    }

    private static LayoutBlock textSection(StringBuilder chunk) {
        String t = chunk.toString();
        return section(s -> s.text(markdownText(t)));
    }
}
