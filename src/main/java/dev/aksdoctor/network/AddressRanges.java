package dev.aksdoctor.network;

import java.util.List;
import java.util.Optional;

/** IPv4 and IPv6 address and CIDR arithmetic. Never throws on bad input. */
public final class AddressRanges {

    private AddressRanges() {
    }

    /** True when {@code ipOrCidr} lies wholly inside {@code range}; a bare IP is a /32 or /128. */
    public static boolean contains(String range, String ipOrCidr) {
        throw new UnsupportedOperationException("todo");
    }

    public static Optional<String> firstContaining(List<String> ranges, String ipOrCidr) {
        throw new UnsupportedOperationException("todo");
    }

    /** RFC 1918, shared address space 100.64.0.0/10 (CGNAT) and IPv6 unique local fc00::/7. */
    public static boolean isPrivate(String ip) {
        throw new UnsupportedOperationException("todo");
    }

    public static boolean isValidIp(String value) {
        throw new UnsupportedOperationException("todo");
    }

    public static boolean isValidCidr(String value) {
        throw new UnsupportedOperationException("todo");
    }

    /** Addresses a VM can get in an IPv4 subnet: Azure reserves five per subnet. */
    public static long azureUsableAddresses(String subnetCidr) {
        throw new UnsupportedOperationException("todo");
    }
}
