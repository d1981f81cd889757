package dev.aksdoctor.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.action.RangeInput;
import dev.aksdoctor.network.AddressRanges;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15 item 7: an address no client reaches the API server from is refused as an authorized range, IPv6
 * as IPv4 (before: {@code ::1} was accepted while private IPv4 was refused).
 */
class NonPublicAuthorizedRangeTest {

    @ParameterizedTest
    @CsvSource({
            "::1, loopback",
            "::1/128, loopback",
            "::, unspecified",
            "fe80::1, link-local",
            "fe80::/64, link-local",
            "fd12:3456:789a::1, unique local",
            "fc00::/8, unique local",
            "ff02::1, multicast",
            "::ffff:10.0.0.1, IPv4-mapped",
            "127.0.0.1, loopback",
            "169.254.169.254, link-local",
            "10.1.2.3, private",
            "192.168.1.0/24, private",
            "100.64.0.1, shared",
            "0.0.0.0/8, unspecified",
            "224.0.0.1, multicast",
            // a wide range that takes in non-public space is no narrower in effect
            "::/1, unspecified"})
    void nonPublicAddressOrRange_refusedNamingWhatItIs(String typed, String kind) {
        RangeInput read = RangeInput.read(typed);

        assertEquals(Optional.empty(), read.cidr(), typed + " must not be offered for the authorized ranges");
        String why = read.problem().orElseThrow();
        assertTrue(why.contains(kind) && why.contains("ifconfig.me"), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8:abcd::/48", "2a01:111:f100:3000::a83e:1b2c", "203.0.113.7", "20.50.60.70"})
    void publicAddress_accepted(String typed) {
        RangeInput read = RangeInput.read(typed);

        assertTrue(read.cidr().isPresent(), () -> typed + ": " + read.problem().orElse(""));
        assertEquals(Optional.empty(), AddressRanges.nonPublicKind(typed));
    }
}
