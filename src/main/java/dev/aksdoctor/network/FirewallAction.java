package dev.aksdoctor.network;

import java.util.Locale;

/** A rule collection's {@code action.type}. */
public enum FirewallAction {
    ALLOW,
    DENY,
    DNAT;

    /** Maps ARM's spelling ("Allow", "Deny", "Dnat"/"DNAT"), case-insensitively; null for anything else. */
    public static FirewallAction fromAzure(String value) {
        if (value == null) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "allow":
                return ALLOW;
            case "deny":
                return DENY;
            case "dnat":
                return DNAT;
            default:
                return null;
        }
    }
}
