package dev.aksdoctor.access;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part of Azure that a permission covers: every subscription ({@code /}), one subscription
 * ({@code /subscriptions/<id>}) or one resource group ({@code /subscriptions/<id>/resourceGroups/<name>}).
 *
 * @param subscriptionId lower case, null for every subscription
 * @param resourceGroup  null for the whole subscription
 */
public record Scope(String subscriptionId, String resourceGroup) {

    private static final Pattern FORM = Pattern.compile(
            "/subscriptions/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
                    + "(?:/resourceGroups/([-\\w.()]{1,90}))?/?",
            Pattern.CASE_INSENSITIVE);

    public static final Scope EVERYTHING = new Scope(null, null);

    public Scope {
        if (subscriptionId == null && resourceGroup != null) {
            throw new IllegalArgumentException("a resource group scope needs its subscription");
        }
    }

    /** Parses the configured text; empty when it is not one of the three forms. */
    public static Optional<Scope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.equals("/") || t.equals("*")) {
            return Optional.of(EVERYTHING);
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Scope(m.group(1).toLowerCase(Locale.ROOT), m.group(2)));
    }

    /** Whether the cluster lies inside this scope (resource group names compare without case, as in ARM). */
    public boolean contains(ClusterRef cluster) {
        if (subscriptionId == null) {
            return true;
        }
        if (cluster == null || cluster.subscriptionId() == null
                || !subscriptionId.equalsIgnoreCase(cluster.subscriptionId())) {
            return false;
        }
        return resourceGroup == null || resourceGroup.equalsIgnoreCase(cluster.resourceGroup());
    }

    /** Whether {@code subscription} (and, when given, {@code group}) may hold clusters in this scope. */
    public boolean overlaps(String subscription, String group) {
        if (subscriptionId == null) {
            return true;
        }
        if (!subscriptionId.equalsIgnoreCase(subscription)) {
            return false;
        }
        return resourceGroup == null || group == null || resourceGroup.equalsIgnoreCase(group);
    }

    @Override
    public String toString() {
        if (subscriptionId == null) {
            return "/";
        }
        return "/subscriptions/" + subscriptionId + (resourceGroup == null ? "" : "/resourceGroups/" + resourceGroup);
    }
}
