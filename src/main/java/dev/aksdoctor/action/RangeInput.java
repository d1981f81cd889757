package dev.aksdoctor.action;

import dev.aksdoctor.network.AddressRanges;
import java.util.Optional;

/**
 * What an operator typed as the address or range to authorize on the API server: the CIDR to add, or what is
 * wrong with it (plain text: Slack shows it under the input field).
 */
public record RangeInput(Optional<String> cidr, Optional<String> problem) {

    static final int MAX_LENGTH = 50;

    public static RangeInput read(String typed) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            return problem("Enter the public address kubectl connects from, e.g. 203.0.113.7, or a range such as "
                    + "203.0.113.0/24.");
        }
        Optional<String> cidr = value.length() > MAX_LENGTH ? Optional.empty() : AddressRanges.asCidr(value);
        if (cidr.isEmpty()) {
            return problem("That is not an IP address or CIDR range. Enter e.g. 203.0.113.7 or 203.0.113.0/24.");
        }
        if (cidr.get().endsWith("/0")) {
            return problem(cidr.get() + " would let every address reach the API server. To open it to all, turn "
                    + "authorized IP ranges off on purpose instead.");
        }
        String network = cidr.get().substring(0, cidr.get().indexOf('/'));
        // Every range a client cannot come from is refused, IPv6 as IPv4: loopback ::1, link-local fe80::/10,
        // unique local fc00::/7 and :: would authorize nothing real and hide the actual fix.
        int slash = value.indexOf('/');
        if (slash > 0 && !AddressRanges.canonicalIp(value.substring(0, slash)).equals(Optional.of(network))) {
            return problem(value + " has host bits set; did you mean " + cidr.get() + "?");
        }
        Optional<String> kind = AddressRanges.nonPublicKind(cidr.get());
        if (kind.isPresent()) {
            return problem(value + " is " + (kind.get().matches("(?i)[aeio].*|unspecified.*") ? "an " : "a ") + kind.get() + " address, not "
                    + "one the API server sees. It sees the public address your traffic leaves from: run "
                    + "curl -s https://ifconfig.me where kubectl runs.");
        }
        return new RangeInput(cidr, Optional.empty());
    }

    private static RangeInput problem(String why) {
        return new RangeInput(Optional.empty(), Optional.of(why));
    }
}
