package dev.aksdoctor.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.224.0.0/16,   10.224.0.4,       true",
            "10.224.0.0/16,   10.224.3.0/24,    true",
            "10.224.0.0/16,   10.224.0.0/16,    true",
            "10.224.0.0/16,   10.0.0.0/8,       false",
            "10.224.0.0/16,   10.225.0.4,       false",
            "98.67.228.23,    98.67.228.23,     true",
            "98.67.228.23,    98.67.228.24,     false",
            "98.67.228.23/32, 98.67.228.23,     true",
            "0.0.0.0/0,       98.67.228.23,     true",
            "10.224.0.5/16,   10.224.9.9,       true",
            "2001:db8::/32,   2001:db8:1::5,    true",
            "2001:db8::/32,   2001:db9::5,      false",
            "::/0,            2603:1030::1,     true",
            "fd00::1,         fd00:0:0::1,      true",
            "0.0.0.0/0,       ::1,              false",
            "::/0,            10.0.0.1,         false",
            "::ffff:0:0/96,   10.0.0.1,         false",
            "10.0.0.0/8,      not-an-ip,        false",
            "VirtualNetwork,  10.0.0.1,         false",
            "10.0.0.0/33,     10.0.0.1,         false",
            "10.1/16,         10.1.0.1,         false",
            "10.0.0.0/8,      010.0.0.1,        false",
            "10.0.0.0/8,      10.0.0.1-5,       false",
            "10.0.0.0/8,      10.0.0.*,         false",
            "10.0.0.0/255.0.0.0, 10.0.0.1,      false",
            "fe80::/10,       fe80::1%eth0,     false",
            "*,               10.0.0.1,         false",
            "' 10.0.0.0/8 ',  ' 10.1.2.3 ',     true"
    })
    void contains_rangeAndCandidate_decidesContainment(String range, String candidate, boolean expected) {
        assertEquals(expected, AddressRanges.contains(range, candidate));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "garbage", "1.2.3.4/", "/24", "1.2.3.4/24/5"})
    void contains_unparseableInput_isFalseAndDoesNotThrow(String bad) {
        assertEquals(false, AddressRanges.contains(bad, "10.0.0.1"));
        assertEquals(false, AddressRanges.contains("10.0.0.0/8", bad));
    }

    @ParameterizedTest
    @CsvSource({
            "10.224.0.4,  10.224.0.0/16",
            "20.1.2.3,    20.0.0.0/8",
            "192.168.1.1, ",
            "bogus,       "
    })
    void firstContaining_ranges_returnsTheFirstThatContains(String ip, String expected) {
        List<String> ranges = List.of("not-a-range", "10.224.0.0/16", "10.0.0.0/8", "20.0.0.0/8");
        assertEquals(Optional.ofNullable(expected), AddressRanges.firstContaining(ranges, ip));
    }

    @ParameterizedTest(name = "{0} private: {1}")
    @CsvSource({
            "10.0.0.1,        true",
            "172.16.0.1,      true",
            "172.31.255.254,  true",
            "172.32.0.1,      false",
            "192.168.10.10,   true",
            "100.64.0.1,      true",
            "100.127.255.255, true",
            "100.128.0.1,     false",
            "98.67.228.23,    false",
            "168.63.129.16,   false",
            "fd12:3456::1,    true",
            "fc00::1,         true",
            "2603:1030::1,    false",
            "10.0.0.0/8,      false",
            "nope,            false"
    })
    void isPrivate_address_followsRfc1918CgnatAndUla(String ip, boolean expected) {
        assertEquals(expected, AddressRanges.isPrivate(ip));
    }

    @ParameterizedTest(name = "{0}: ip {1}, cidr {2}")
    @CsvSource({
            "10.0.0.1,         true,  false",
            "10.0.0.0/24,      false, true",
            "2001:db8::1,      true,  false",
            "2001:db8::/64,    false, true",
            "::ffff:10.0.0.1,  true,  false",
            "256.0.0.1,        false, false",
            "10.0.0,           false, false",
            "0x0a.0.0.1,       false, false",
            "10.0.0.1/,        false, false",
            "10.0.0.0/024,     false, false",
            "'10.0.0.1;ls',    false, false",
            "example.com,      false, false"
    })
    void isValidIpAndCidr_text_recognisesOnlyPlainForms(String value, boolean ip, boolean cidr) {
        assertEquals(ip, AddressRanges.isValidIp(value));
        assertEquals(cidr, AddressRanges.isValidCidr(value));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "10.0.2.10,                               10.0.2.10",
            "' 10.0.2.10 ',                           10.0.2.10"
    })
    void canonicalIp_address_isRenderedCanonically(String raw, String canonical) {
        assertEquals(Optional.of(canonical), AddressRanges.canonicalIp(raw));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "10.224.0.0/16,  65531",
            "10.240.0.0/24,  251",
            "10.240.0.0/29,  3",
            "10.240.0.0/30,  0",
            "10.240.0.4/32,  0",
            "2001:db8::/64,  9223372036854775807",
            "10.240.0.1,     0",
            "junk,           0"
    })
    void azureUsableAddresses_subnet_subtractsAzuresFiveReserved(String cidr, long expected) {
        assertEquals(expected, AddressRanges.azureUsableAddresses(cidr));
    }
}
