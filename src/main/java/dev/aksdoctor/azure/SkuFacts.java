package dev.aksdoctor.azure;

import java.util.List;

/**
 * A VM size as the region offers it to this subscription.
 *
 * @param family the quota family, e.g. {@code standardDSv3Family}
 * @param restrictions reason codes with where they apply, e.g. {@code NotAvailableForSubscription (zones 1, 2)}
 */
public record SkuFacts(String name, String family, int vCpus, List<String> zones, List<String> restrictions,
        boolean restrictedInRegion) {
    public SkuFacts {
        zones = zones == null ? List.of() : List.copyOf(zones);
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }
}
