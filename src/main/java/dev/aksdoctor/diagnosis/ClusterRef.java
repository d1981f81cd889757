package dev.aksdoctor.diagnosis;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifies one AKS managed cluster. Pure value: no Azure SDK types. */
public record ClusterRef(String subscriptionId, String resourceGroup, String name) {

    private static final Pattern RESOURCE_ID = Pattern.compile(
            "/subscriptions/([0-9a-fA-F-]{36})/resourceGroups/([-\\w._()]{1,90})"
                    + "/providers/Microsoft\\.ContainerService/managedClusters/([-\\w]{1,63})",
            Pattern.CASE_INSENSITIVE);

    public ClusterRef {
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(name, "name");
        if (resourceGroup.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("resource group and cluster name must not be blank");
        }
    }

    /** Finds the first managed-cluster resource ID in a text, e.g. {@code /subscriptions/…/managedClusters/aks1}. */
    public static Optional<ClusterRef> findResourceId(String text) {
        Matcher m = RESOURCE_ID.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterRef(m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3)));
    }

    /** The ARM resource ID, when the subscription is known. */
    public Optional<String> resourceId() {
        if (subscriptionId == null) {
            return Optional.empty();
        }
        return Optional.of("/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.ContainerService/managedClusters/" + name);
    }

    /** Short human form: {@code rg/name}. */
    public String displayName() {
        return resourceGroup + "/" + name;
    }
}
