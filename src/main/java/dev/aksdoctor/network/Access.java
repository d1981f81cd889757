package dev.aksdoctor.network;

/** Access of an NSG security rule, as ARM's {@code access} ("Allow" / "Deny"). */
public enum Access {
    ALLOW,
    DENY;

    /** Maps ARM's spelling, case-insensitively; {@code null} for anything else. */
    public static Access fromAzure(String value) {
        if (value == null) {
            return null;
        }
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "allow":
                return ALLOW;
            case "deny":
                return DENY;
            default:
                return null;
        }
    }
}
