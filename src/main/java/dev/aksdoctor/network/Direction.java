package dev.aksdoctor.network;

/** Direction of an NSG security rule, as ARM's {@code direction} ("Inbound" / "Outbound"). */
public enum Direction {
    INBOUND,
    OUTBOUND;

    /** Maps ARM's spelling, case-insensitively; {@code null} for anything else. */
    public static Direction fromAzure(String value) {
        if (value == null) {
            return null;
        }
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "inbound":
                return INBOUND;
            case "outbound":
                return OUTBOUND;
            default:
                return null;
        }
    }
}
