package dev.aksdoctor.diagnosis;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which cluster a paste is about (a managed-cluster resource ID, or the node resource group
 * {@code MC_<rg>_<cluster>_<region>}) and the region named outside the FQDN.
 */
final class ClusterNameExtractor {

    /** The cluster and the region when the text names them. */
    record Location(ClusterRef cluster, String region) {
    }

    private static final int MAX_TRIES = 64;
    private static final Pattern MC_GROUP = Pattern.compile("(?<![a-z0-9_.()-])mc_([a-z0-9_.()-]{5,200})");
    private static final Pattern SUBSCRIPTION = Pattern.compile(
            "/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Pattern LABELLED_REGION = Pattern.compile(
            "(?:location|region)\"? {0,2}[:=]? {0,2}[\"']?([a-z][a-z0-9 ]{2,30})");
    /** A managed-cluster ID whose subscription was redacted ({@code **OBFUSCATED**}, {@code <sub-id>}, {@code xxx}). */
    private static final Pattern REDACTED_ID = Pattern.compile(
            "/subscriptions/[^/\\s\"']{1,80}/resourcegroups/([-\\w._()]{1,90})"
                    + "/providers/microsoft\\.containerservice/managedclusters/([-\\w]{1,63})");
    private static final Pattern REGION_PHRASE = Pattern.compile("\\bin (?:the )?([a-z][a-z0-9 ]{2,24})$");

    private final NamedClusterFinder named = new NamedClusterFinder();

    Location locate(NormalizedPaste paste) {
        String text = paste.text();
        String lower = paste.lower();
        ClusterRef fromId = resourceId(text, lower);
        ClusterRef fromGroup = null;
        String region = null;
        int from = 0;
        for (int n = 0; n < MAX_TRIES && fromGroup == null; n++) {
            int at = lower.indexOf("mc_", from);
            if (at < 0) {
                break;
            }
            from = at + 3;
            Matcher mc = MC_GROUP.matcher(lower);
            mc.useTransparentBounds(true);
            mc.region(at, Math.min(lower.length(), at + 210));
            if (!mc.lookingAt()) {
                continue;
            }
            String[] parts = trimEnd(text.substring(mc.start(1), mc.end(1))).split("_");
            if (parts.length < 3) {
                continue;
            }
            String groupRegion = parts[parts.length - 1].toLowerCase(Locale.ROOT);
            if (!AzureRegions.isRegion(groupRegion)) {
                continue;
            }
            String name = parts[parts.length - 2];
            String resourceGroup = String.join("_", Arrays.copyOf(parts, parts.length - 2));
            if (name.isEmpty() || resourceGroup.isEmpty()) {
                continue;
            }
            fromGroup = new ClusterRef(subscriptionBefore(lower, mc.start()), resourceGroup, name);
            region = groupRegion;
        }
        if (region == null) {
            region = labelledRegion(lower);
        }
        ClusterRef cluster = fromId != null ? fromId : fromGroup != null ? fromGroup : named.find(text, lower);
        if (cluster != null && cluster.subscriptionId() == null) {
            String only = onlySubscription(lower);
            if (only != null) {
                cluster = new ClusterRef(only, cluster.resourceGroup(), cluster.name());
            }
        }
        return new Location(cluster, region);
    }

    private static ClusterRef resourceId(String text, String lower) {
        int from = 0;
        for (int n = 0; n < MAX_TRIES; n++) {
            int at = lower.indexOf("/subscriptions/", from);
            if (at < 0) {
                break;
            }
            from = at + 1;
            ClusterRef ref = ClusterRef.findResourceId(text.substring(at, Math.min(text.length(), at + 400)))
                    .orElse(null);
            if (ref != null) {
                return ref;
            }
        }
        return redactedResourceId(text, lower);
    }

    /** Resource group and name are still known when the subscription was redacted; the subscription is not. */
    private static ClusterRef redactedResourceId(String text, String lower) {
        Matcher m = AnchoredMatch.first(REDACTED_ID, lower, "/subscriptions/", 400, MAX_TRIES);
        if (m == null) {
            return null;
        }
        return new ClusterRef(null, text.substring(m.start(1), m.end(1)), text.substring(m.start(2), m.end(2)));
    }

    private static String trimEnd(String group) {
        int end = group.length();
        while (end > 0 && ".()-_".indexOf(group.charAt(end - 1)) >= 0) {
            end--;
        }
        return group.substring(0, end);
    }

    private static String subscriptionBefore(String lower, int mcStart) {
        int start = Math.max(0, mcStart - 80);
        String before = lower.substring(start, mcStart);
        if (!before.endsWith("/resourcegroups/")) {
            return null;
        }
        Matcher m = SUBSCRIPTION.matcher(before);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** The subscription when every resource ID in the paste is in the same one. */
    private static String onlySubscription(String lower) {
        String only = null;
        int from = 0;
        for (int n = 0; n < MAX_TRIES; n++) {
            int at = lower.indexOf("/subscriptions/", from);
            if (at < 0) {
                break;
            }
            from = at + 1;
            Matcher m = SUBSCRIPTION.matcher(lower);
            m.region(at, Math.min(lower.length(), at + 60));
            if (!m.lookingAt()) {
                continue;
            }
            if (only == null) {
                only = m.group(1);
            } else if (!only.equals(m.group(1))) {
                return null;
            }
        }
        return only;
    }

    private static String labelledRegion(String lower) {
        for (String anchor : new String[] {"location", "region"}) {
            Matcher m = LABELLED_REGION.matcher(lower);
            m.useTransparentBounds(true);
            int from = 0;
            for (int n = 0; n < MAX_TRIES; n++) {
                int at = lower.indexOf(anchor, from);
                if (at < 0) {
                    break;
                }
                from = at + 1;
                m.region(at, Math.min(lower.length(), at + 50));
                if (m.lookingAt()) {
                    String region = AzureRegions.leading(m.group(1));
                    if (region != null) {
                        return region;
                    }
                }
            }
        }
        int from = 0;
        for (int n = 0; n < MAX_TRIES; n++) {
            int at = lower.indexOf(" region", from);
            if (at < 0) {
                return null;
            }
            from = at + 1;
            Matcher m = REGION_PHRASE.matcher(lower.substring(Math.max(0, at - 40), at));
            if (m.find()) {
                String region = AzureRegions.leading(m.group(1));
                if (region != null) {
                    return region;
                }
            }
        }
        return null;
    }
}
