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
        return DEFAULTS;
    }

    private static final List<NsgRule> DEFAULTS = List.of(
            azureDefault("AllowVnetInBound", Direction.INBOUND, Access.ALLOW, 65000, "VirtualNetwork", "VirtualNetwork"),
            azureDefault("AllowAzureLoadBalancerInBound", Direction.INBOUND, Access.ALLOW, 65001, "AzureLoadBalancer", "*"),
            azureDefault("DenyAllInBound", Direction.INBOUND, Access.DENY, 65500, "*", "*"),
            azureDefault("AllowVnetOutBound", Direction.OUTBOUND, Access.ALLOW, 65000, "VirtualNetwork", "VirtualNetwork"),
            azureDefault("AllowInternetOutBound", Direction.OUTBOUND, Access.ALLOW, 65001, "*", "Internet"),
            azureDefault("DenyAllOutBound", Direction.OUTBOUND, Access.DENY, 65500, "*", "*"));

    private static NsgRule azureDefault(String name, Direction direction, Access access, int priority, String source,
            String destination) {
        return new NsgRule(name, null, direction, access, priority, "*", List.of(source), List.of("*"),
                List.of(destination), List.of("*"), true);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::trim).toList();
    }
}
