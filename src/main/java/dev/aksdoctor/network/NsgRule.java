package dev.aksdoctor.network;

import java.util.List;
import java.util.Objects;

/**
 * One NSG security rule, custom or default. ARM has both the singular {@code sourceAddressPrefix} and the
 * plural {@code sourceAddressPrefixes} (likewise for ports and destinations); the caller merges them into
 * the lists. Rules that use application security groups have empty address lists here: they cannot be
 * decided offline and the evaluator skips them with a note.
 */
public record NsgRule(
        String name,
        String resourceId,
        Direction direction,
        Access access,
        int priority,
        String protocol,
        List<String> sourceAddressPrefixes,
        List<String> sourcePortRanges,
        List<String> destinationAddressPrefixes,
        List<String> destinationPortRanges,
        boolean defaultRule) {

    public NsgRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(access, "access");
        protocol = protocol == null || protocol.isBlank() ? "*" : protocol.trim();
        sourceAddressPrefixes = copy(sourceAddressPrefixes);
        sourcePortRanges = copy(sourcePortRanges);
        destinationAddressPrefixes = copy(destinationAddressPrefixes);
        destinationPortRanges = copy(destinationPortRanges);
    }

    /** Azure's six default security rules, present in every NSG and not removable. */
    public static List<NsgRule> azureDefaults() {
        throw new UnsupportedOperationException("todo");
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::trim).toList();
    }
}
