package dev.aksdoctor.command;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type-ahead options of the cluster picker, and the values they carry. Pure. Slack caps an option's value
 * at 150 characters and its text at 75, and answers at most 100 options; a cluster whose value would not fit
 * is left out (its resource ID can still be pasted).
 */
public final class ClusterChoices {

    public static final int MAX_OPTIONS = 100;
    static final int MAX_VALUE = 150;
    static final int MAX_TEXT = 75;

    /** One option: what the user reads and the value Slack hands back. */
    public record Choice(String text, String value) {
    }

    private static final Pattern SUB = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern GROUP_VALUE = Pattern.compile("(" + SUB.pattern() + ")/([-\\w.()]{1,90})");
    private static final Pattern CLUSTER_VALUE = Pattern.compile(GROUP_VALUE.pattern() + "/([A-Za-z0-9][-\\w]{0,62})");

    private ClusterChoices() {
    }

    public static List<Choice> subscriptions(List<ClusterRef> visible, Predicate<ClusterRef> allowed, String typed) {
        Map<String, Choice> out = new LinkedHashMap<>();
        for (ClusterRef c : sorted(visible, allowed)) {
            String sub = c.subscriptionId().toLowerCase(Locale.ROOT);
            if (matches(sub, typed)) {
                out.putIfAbsent(sub, new Choice(sub, sub));
            }
        }
        return cap(out);
    }

    /** Resource groups holding clusters, within {@code subscription} when one was picked. */
    public static List<Choice> groups(List<ClusterRef> visible, Predicate<ClusterRef> allowed, String typed,
            String subscription) {
        Map<String, Choice> out = new LinkedHashMap<>();
        for (ClusterRef c : sorted(visible, allowed)) {
            String sub = c.subscriptionId().toLowerCase(Locale.ROOT);
            if ((subscription == null || subscription.equals(sub)) && matches(c.resourceGroup(), typed)) {
                String value = sub + "/" + c.resourceGroup();
                out.putIfAbsent(value.toLowerCase(Locale.ROOT), new Choice(
                        truncate(c.resourceGroup() + (subscription == null ? " (" + sub.substring(0, 8) + "…)" : "")), value));
            }
        }
        return cap(out);
    }

    /** Clusters, within the picked subscription and group; typed text matches the name or the group. */
    public static List<Choice> clusters(List<ClusterRef> visible, Predicate<ClusterRef> allowed, String typed,
            String subscription, String group) {
        Map<String, Choice> out = new LinkedHashMap<>();
        for (ClusterRef c : sorted(visible, allowed)) {
            String sub = c.subscriptionId().toLowerCase(Locale.ROOT);
            if ((subscription == null || subscription.equals(sub))
                    && (group == null || group.equalsIgnoreCase(c.resourceGroup()))
                    && (matches(c.name(), typed) || matches(c.resourceGroup(), typed))) {
                String value = sub + "/" + c.resourceGroup() + "/" + c.name();
                if (value.length() <= MAX_VALUE) {
                    out.putIfAbsent(value.toLowerCase(Locale.ROOT), new Choice(truncate(c.displayName()), value));
                }
            }
        }
        return cap(out);
    }

    /** The subscription in a subscription option's value, or empty when the value is not one we could have sent. */
    public static Optional<String> parseSubscription(String value) {
        return value != null && SUB.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    /** {@code [subscription, group]} from a resource group option's value. */
    public static Optional<String[]> parseGroup(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = GROUP_VALUE.matcher(value);
        return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
    }

    public static Optional<ClusterRef> parseCluster(String value) {
        if (value == null || value.length() > MAX_VALUE) {
            return Optional.empty();
        }
        Matcher m = CLUSTER_VALUE.matcher(value);
        return m.matches() ? Optional.of(new ClusterRef(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    private static List<ClusterRef> sorted(List<ClusterRef> visible, Predicate<ClusterRef> allowed) {
        List<ClusterRef> out = new ArrayList<>();
        for (ClusterRef c : visible) {
            if (c.subscriptionId() != null && allowed.test(c)) {
                out.add(c);
            }
        }
        out.sort(java.util.Comparator.comparing((ClusterRef c) -> c.resourceGroup().toLowerCase(Locale.ROOT))
                .thenComparing(c -> c.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    private static boolean matches(String candidate, String typed) {
        return typed == null || typed.isBlank()
                || candidate.toLowerCase(Locale.ROOT).contains(typed.strip().toLowerCase(Locale.ROOT));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static List<Choice> cap(Map<String, Choice> out) {
        return out.values().stream().limit(MAX_OPTIONS).toList();
    }
}
