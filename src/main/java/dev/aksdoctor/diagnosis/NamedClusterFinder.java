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
    private static final String NAME = "([A-Za-z0-9][-\\w]{0,62})";
    private static final String GROUP = "([A-Za-z0-9_.()-][-\\w.()]{0,89})";
    private static final String GUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    /** {@code Provisioning of resource(s) for container service 'X' in resource group 'Y' failed}. */
    private static final Pattern RP_SENTENCE = Pattern.compile(
            "container service '?" + NAME + "'? in resource group '?" + GROUP + "'?(?![-\\w.()])");
    /** terraform before 3.x: {@code Managed Kubernetes Cluster "X" (Resource Group "Y")}. */
    private static final Pattern TERRAFORM = Pattern.compile(
            "cluster \"" + NAME + "\" \\(resource group \"" + GROUP + "\"\\)", Pattern.CASE_INSENSITIVE);
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
            List<String> tokens = tokens(text.substring(at, commandEnd(lower, at)));
            boolean nodepool = tokens.size() > 2 && "nodepool".equalsIgnoreCase(tokens.get(2));
            String rg = flag(tokens, "--resource-group", "-g");
            String name = nodepool ? flag(tokens, "--cluster-name", null) : flag(tokens, "--name", "-n");
            if (rg != null && name != null) {
                String subscription = flag(tokens, "--subscription", null);
                return ref(subscription != null && subscription.matches(GUID) ? subscription : null, rg, name);
            }
        }
        return null;
    }

    private static int commandEnd(String lower, int at) {
        int end = lineEnd(lower, at);
        for (int n = 0; n < MAX_COMMAND_LINES && end < lower.length(); n++) {
            String line = lower.substring(lineStart(lower, end), end).stripTrailing();
            boolean continued = line.endsWith("\\") || line.endsWith("`") || line.endsWith("^");
            int next = end + 1;
            int nextEnd = lineEnd(lower, next);
            String nextLine = stripPrompt(lower.substring(next, nextEnd));
            if (nextLine.isEmpty() && nextEnd < lower.length()) {
                // A blank line between flags (pasted with a line each) does not end the command.
                int after = nextEnd + 1;
                String afterLine = stripPrompt(lower.substring(after, lineEnd(lower, after)));
                if (afterLine.startsWith("-")) {
                    end = lineEnd(lower, after);
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

    private static int lineEnd(String s, int from) {
        int nl = s.indexOf('\n', Math.min(from, s.length()));
        return nl < 0 ? s.length() : nl;
    }

    private static int lineStart(String s, int end) {
        int nl = s.lastIndexOf('\n', end - 1);
        return nl < 0 ? 0 : nl + 1;
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

    /**
     * An {@code az aks show/list -o table} row. The normaliser has already folded the padding into single spaces, so
     * columns are told apart by position among the words: the dashes line under the header has one run per column,
     * and no value in those columns holds a space.
     */
    private static ClusterRef table(String text, String lower) {
        int from = 0;
        for (int n = 0; n < MAX_TRIES; n++) {
            int at = lower.indexOf("resourcegroup", from);
            if (at < 0) {
                return null;
            }
            from = at + 13;
            int end = lineEnd(lower, at);
            int dashesEnd = lineEnd(lower, end + 1);
            if (dashesEnd + 1 >= lower.length()) {
                continue;
            }
            List<String> header = List.of(lower.substring(lineStart(lower, at), end).strip().split(" "));
            List<String> dashes = List.of(lower.substring(end + 1, dashesEnd).strip().split(" "));
            List<String> row = List.of(text.substring(dashesEnd + 1, lineEnd(lower, dashesEnd + 1)).strip()
                    .split(" "));
            if (header.size() != dashes.size() || row.size() != header.size()
                    || !dashes.stream().allMatch(d -> d.matches("-+"))) {
                continue;
            }
            int rowEnd = lineEnd(lower, dashesEnd + 1);
            if (rowEnd + 1 < lower.length()
                    && lower.substring(rowEnd + 1, lineEnd(lower, rowEnd + 1)).strip().split(" ").length
                            == header.size()) {
                // az aks list: several clusters, and nothing says which one the error is about.
                continue;
            }
            int name = header.indexOf("name");
            int rg = header.indexOf("resourcegroup");
            if (name >= 0 && rg >= 0) {
                ClusterRef ref = ref(null, row.get(rg), row.get(name));
                if (ref != null) {
                    return ref;
                }
            }
        }
        return null;
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
