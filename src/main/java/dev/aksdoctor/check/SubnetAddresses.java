package dev.aksdoctor.check;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Optional;

/** A stand-in node address for a subnet when the paste gave none: the first one Azure hands out (.4). */
final class SubnetAddresses {

    private SubnetAddresses() {
    }

    static Optional<String> firstAssignable(String cidr) {
        IPAddress block = new IPAddressString(cidr).getAddress();
        if (block == null) {
            return Optional.empty();
        }
        IPAddress lower = block.toPrefixBlock().getLower();
        IPAddress fourth = lower.increment(4);
        return Optional.ofNullable(fourth == null ? lower : fourth).map(a -> a.withoutPrefixLength().toCanonicalString());
    }
}
