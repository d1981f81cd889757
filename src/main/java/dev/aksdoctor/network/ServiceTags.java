package dev.aksdoctor.network;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Service tag arithmetic. Offline, a tag is known only by name: distinct service tags are taken as disjoint,
 * {@code AzureCloud} holds the Azure services' tags, and a regional tag ({@code Storage.uksouth}) holds part of
 * its global one. With the prefixes from the Service Tag Discovery API
 * ({@code Microsoft.Network/locations/{location}/serviceTags}), an address is decided exactly.
 */
public final class ServiceTags {

    /** Tags whose prefixes lie inside {@code AzureCloud}. */
    private static final Set<String> IN_AZURE_CLOUD = Set.of("microsoftcontainerregistry", "azureresourcemanager",
            "azureactivedirectory", "azuremonitor", "azurekeyvault", "storage", "azurecontainerregistry");

    private ServiceTags() {
    }

    /** A service tag's name as NSGs and authorized ranges write it ({@code AzureCloud.uksouth}), not an address. */
    public static boolean looksLikeTag(String value) {
        return value != null && value.trim().matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)?");
    }

    /**
     * Whether {@code ruleTag} holds the addresses of a destination known to be in {@code endpointTag} (null: in no
     * tag, e.g. a CDN name); notes say why when it cannot be told.
     */
    static Tri covers(String ruleTag, String endpointTag, String host, List<String> notes) {
        String rule = ruleTag.toLowerCase(Locale.ROOT);
        String ep = endpointTag == null ? "" : endpointTag.toLowerCase(Locale.ROOT);
        boolean broad = rule.startsWith("azurecloud") || rule.startsWith("azurefrontdoor");
        if (ep.isEmpty()) {
            return broad ? unknown(ruleTag, host, notes) : Tri.NO;
        }
        if (rule.equals(ep) || ep.startsWith(rule + ".")) {
            return Tri.YES;
        }
        if ("azurecloud".equals(rule) && (ep.startsWith("azurecloud.") || IN_AZURE_CLOUD.contains(ep))) {
            return Tri.YES;
        }
        if (rule.startsWith(ep + ".") || (rule.startsWith("azurecloud.") && IN_AZURE_CLOUD.contains(ep))) {
            notes.add("service tag " + ruleTag + " holds only the regional part of " + endpointTag);
            return Tri.UNKNOWN;
        }
        if (rule.startsWith("azurecloud.") && ep.startsWith("azurecloud.")) {
            return Tri.NO;
        }
        return broad ? unknown(ruleTag, host, notes) : Tri.NO;
    }

    /** The prefixes of {@code tag} in {@code prefixes} (keys compared case-insensitively). */
    public static Optional<List<String>> prefixesOf(Map<String, List<String>> prefixes, String tag) {
        if (prefixes == null || tag == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> e : prefixes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(tag.trim())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static Tri unknown(String ruleTag, String host, List<String> notes) {
        notes.add("service tag " + ruleTag + ": whether it holds " + host + " is not known here");
        return Tri.UNKNOWN;
    }
}
