package dev.aksdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a cluster that a paste names by resource group and name rather than by resource ID: the RP's own sentences
 * and terraform's error headers first (machine output), then the {@code az aks} command the user ran, an
 * {@code az aks show -o table} row, and last the user's prose. The subscription is the one named beside them, if any.
 */
final class NamedClusterFinder {

    private static final int MAX_TRIES = 64;
    private static final int MAX_COMMAND_LINES = 40;
    /** A command or table line longer than this is not one: a megabyte on one line must not be split 64 times. */
    private static final int MAX_LINE = 4000;
    private static final String NAME = "([A-Za-z0-9][-\\w]{0,62})";
    private static final String GROUP = "([A-Za-z0-9_.()-][-\\w.()]{0,89})";
    private static final String GUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    /** {@code Provisioning of resource(s) for container service 'X' in resource group 'Y' failed}. */
    private static final Pattern RP_SENTENCE = Pattern.compile(
            "container service '?" + NAME + "'? in resource group '?" + GROUP + "'?(?![-\\w.()])");
    /** terraform before 3.x: {@code Managed Kubernetes Cluster "X" (Resource Group "Y")}. */
    private static final Pattern TERRAFORM = Pattern.compile(
            "cluster \"" + NAME + "\" \\(resource group \"" + GROUP + "\"\\)", Pattern.CASE_INSENSITIVE);
    /**
     * terraform 2.x to 3.x: {@code Cluster: (Managed Cluster Name "X" / Resource Group "Y")}, also after an
     * {@code Agent Pool Name "P" / } for a node pool.
     */
    private static final Pattern TERRAFORM_SLASHED = Pattern.compile(
            "managed cluster name \"" + NAME + "\" / resource group \"" + GROUP + "\"");
    /** terraform 3.x and later: {@code (Subscription: "…" / Resource Group Name: "Y" / … Cluster Name: "X")}. */
    private static final Pattern TERRAFORM_GROUP = Pattern.compile("resource group name: \"" + GROUP + "\"");
    private static final Pattern TERRAFORM_NAME = Pattern.compile(
            "(?:managed |kubernetes |managed kubernetes )?cluster name: \"" + NAME + "\"");
    private static final Pattern PROSE = Pattern.compile(
            "cluster [\"'`]?" + NAME + "[\"'`]? (?:in|from|of) (?:the )?(?:rg|resource group|resource-group)"
                    + " [\"'`]?" + GROUP + "(?![-\\w.()])");
    /** {@code (aks-x / rg-y)}: accepted only when one side reads as a resource group, since the order varies. */
    private static final Pattern PAIR = Pattern.compile("\\(" + NAME + " ?/ ?" + GROUP + "\\)");
    private static final Pattern SUBSCRIPTION = Pattern.compile(
            "subscription(?: ?id)?[\"']?\\s{0,3}[:=]?\\s{0,3}[\"'(]?" + GUID);
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9][-\\w.()]*");

    /** A cluster named in the text with the subscription when the text names one, or {@code null}. */
    ClusterRef find(String text, String lower) {
        ClusterRef named = rpSentence(text, lower);
        if (named == null) {
            named = terraform(text, lower);
        }
        if (named == null) {
            named = azCommand(text, lower);
        }
        if (named == null) {
            named = table(text, lower);
        }
        if (named == null) {
            named = prose(text, lower);
        }
        if (named != null && named.subscriptionId() == null) {
            String subscription = subscription(lower);
            if (subscription != null) {
                named = new ClusterRef(subscription, named.resourceGroup(), named.name());
            }
        }
        return named;
    }

    private static ClusterRef rpSentence(String text, String lower) {
        Matcher m = AnchoredMatch.first(RP_SENTENCE, lower, "container service ", 200, MAX_TRIES);
        return m == null ? null : ref(null, text.substring(m.start(2), m.end(2)), text.substring(m.start(1), m.end(1)));
    }

    private static ClusterRef terraform(String text, String lower) {
        Matcher m = AnchoredMatch.first(TERRAFORM, lower, "cluster \"", 250, MAX_TRIES);
        if (m != null) {
            return ref(null, text.substring(m.start(2), m.end(2)), text.substring(m.start(1), m.end(1)));
        }
        Matcher slashed = AnchoredMatch.first(TERRAFORM_SLASHED, lower, "managed cluster name \"", 250, MAX_TRIES);
        if (slashed != null) {
            return ref(null, text.substring(slashed.start(2), slashed.end(2)),
                    text.substring(slashed.start(1), slashed.end(1)));
        }
        Matcher group = AnchoredMatch.first(TERRAFORM_GROUP, lower, "resource group name: \"", 120, MAX_TRIES);
        if (group == null) {
            return null;
        }
        int from = group.end();
        String window = lower.substring(from, Math.min(lower.length(), from + 300));
        Matcher name = TERRAFORM_NAME.matcher(window);
        if (!name.find()) {
            return null;
        }
        String rg = text.substring(group.start(1), group.end(1));
        return ref(null, rg, text.substring(from + name.start(1), from + name.end(1)));
    }

    /**
     * {@code az aks <verb> --resource-group rg --name name} (or {@code -g}/{@code -n}; {@code --cluster-name} for
     * {@code az aks nodepool}, whose {@code --name} is the pool), over continuation lines ({@code \}, PowerShell's
     * backtick, cmd's caret, or flags on the lines that follow). Placeholders ({@code $RG}, {@code {}}) name nothing.
     */
    private static ClusterRef azCommand(String text, String lower) {
        int from = 0;
        for (int n = 0; n < MAX_TRIES; n++) {
            int at = lower.indexOf("az aks ", from);
            if (at < 0) {
                return null;
            }
            from = at + 7;
            List<String> tokens = tokens(text.substring(at, commandEnd(lower, at, Math.min(lower.length(),
                    at + MAX_LINE))));
            boolean nodepool = tokens.size() > 2 && "nodepool".equalsIgnoreCase(tokens.get(2));
            String rg = flag(tokens, "--resource-group", "-g");
            String name = nodepool ? flag(tokens, "--cluster-name", null) : flag(tokens, "--name", "-n");
            if (rg != null && name != null) {
                String subscription = flag(tokens, "--subscription", null);
                boolean id = subscription != null && subscription.toLowerCase(Locale.ROOT).matches(GUID);
                return ref(id ? subscription : null, rg, name);
            }
        }
        return null;
    }

    private static int commandEnd(String lower, int at, int limit) {
        int end = lineEnd(lower, at, limit);
        for (int n = 0; n < MAX_COMMAND_LINES && end < limit; n++) {
            String line = lower.substring(lineStart(lower, end, at), end).stripTrailing();
            boolean continued = line.endsWith("\\") || line.endsWith("`") || line.endsWith("^");
            int next = end + 1;
            int nextEnd = lineEnd(lower, next, limit);
            String nextLine = stripPrompt(lower.substring(next, nextEnd));
            if (nextLine.isEmpty() && nextEnd < limit) {
                // A blank line between flags (pasted with a line each) does not end the command.
                int after = nextEnd + 1;
                String afterLine = stripPrompt(lower.substring(after, lineEnd(lower, after, limit)));
                if (afterLine.startsWith("-")) {
                    end = lineEnd(lower, after, limit);
                    continue;
                }
            }
            if (!continued && !nextLine.startsWith("-")) {
                break;
            }
            end = nextEnd;
        }
        return end;
    }

    private static String stripPrompt(String line) {
        String s = line.strip();
        return s.startsWith(">") ? s.substring(1).strip() : s;
    }

    /** The end of the line that {@code from} is on, or {@code limit} if the line runs past it. */
    static int lineEnd(String s, int from, int limit) {
        int f = Math.min(from, limit);
        for (int i = f; i < limit; i++) {
            if (s.charAt(i) == '\n') {
                return i;
            }
        }
        return limit;
    }

    static int lineStart(String s, int end) {
        return lineStart(s, end, Math.max(0, end - MAX_LINE));
    }

    /** The start of the line that ends at {@code end}, not looking back past {@code floor}. */
    private static int lineStart(String s, int end, int floor) {
        for (int i = end - 1; i >= floor; i--) {
            if (s.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return floor;
    }

    private static List<String> tokens(String command) {
        List<String> out = new ArrayList<>();
        for (String raw : command.split("[\\s\\\\`^>]+")) {
            String t = raw;
            while (!t.isEmpty() && "\"'".indexOf(t.charAt(0)) >= 0) {
                t = t.substring(1);
            }
            while (!t.isEmpty() && "\"',;".indexOf(t.charAt(t.length() - 1)) >= 0) {
                t = t.substring(0, t.length() - 1);
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static String flag(List<String> tokens, String longName, String shortName) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String value = null;
            if (t.equalsIgnoreCase(longName) || t.equals(shortName)) {
                value = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            } else if (t.toLowerCase(Locale.ROOT).startsWith(longName + "=")) {
                value = t.substring(longName.length() + 1);
            }
            if (value != null) {
                return LITERAL.matcher(value).matches() && !value.startsWith("-") ? value : null;
            }
        }
        return null;
    }

    private static ClusterRef table(String text, String lower) {
        return AzTable.singleRow(text, lower)
                .map(row -> ref(null, row.cells().get("resourcegroup"), row.cells().get("name")))
                .orElse(null);
    }

    private static ClusterRef prose(String text, String lower) {
        Matcher m = AnchoredMatch.first(PROSE, lower, "cluster ", 200, MAX_TRIES);
        if (m != null) {
            return ref(null, text.substring(m.start(2), m.end(2)), text.substring(m.start(1), m.end(1)));
        }
        Matcher pair = AnchoredMatch.first(PAIR, lower, "(", 160, MAX_TRIES * 4);
        if (pair == null) {
            return null;
        }
        String a = text.substring(pair.start(1), pair.end(1));
        String b = text.substring(pair.start(2), pair.end(2));
        if (looksLikeGroup(b) != looksLikeGroup(a)) {
            return looksLikeGroup(b) ? ref(null, b, a) : ref(null, a, b);
        }
        return null;
    }

    private static boolean looksLikeGroup(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("rg-") || l.startsWith("rg_") || l.endsWith("-rg") || l.endsWith("_rg");
    }

    private static String subscription(String lower) {
        Matcher m = AnchoredMatch.first(SUBSCRIPTION, lower, "subscription", 60, MAX_TRIES);
        return m == null ? null : m.group(1);
    }

    private static ClusterRef ref(String subscription, String rg, String name) {
        if (rg == null || name == null || rg.isBlank() || name.isBlank() || !LITERAL.matcher(rg).matches()
                || !LITERAL.matcher(name).matches()) {
            return null;
        }
        return new ClusterRef(subscription == null ? null : subscription.toLowerCase(Locale.ROOT), rg, name);
    }
}
