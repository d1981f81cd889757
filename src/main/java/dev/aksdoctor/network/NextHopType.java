package dev.aksdoctor.network;

import java.util.Optional;

/** Next hop of a route, as ARM's {@code nextHopType}. */
public enum NextHopType {
    VIRTUAL_NETWORK_GATEWAY("VirtualNetworkGateway"),
    VNET_LOCAL("VnetLocal"),
    INTERNET("Internet"),
    VIRTUAL_APPLIANCE("VirtualAppliance"),
    NONE("None");

    private final String azureName;

    NextHopType(String azureName) {
        this.azureName = azureName;
    }

    public String azureName() {
        return azureName;
    }

    /** Maps ARM's spelling, case-insensitively; throws for anything else (see {@link #tryFromAzure}). */
    public static NextHopType fromAzure(String value) {
        return tryFromAzure(value).orElseThrow(() -> new IllegalArgumentException("unknown next hop type: " + value));
    }

    public static Optional<NextHopType> tryFromAzure(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        for (NextHopType t : values()) {
            if (t.azureName.equalsIgnoreCase(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
