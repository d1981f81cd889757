package dev.aksdoctor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeTargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io,                   secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io",
            "MyAks-Cluster-DNS-a1b2c3d4.HCP.EastUS.azmk8s.io,               myaks-cluster-dns-a1b2c3d4.hcp.eastus.azmk8s.io",
            "aks-1-abcd1234.3c5d7e9f-1111.privatelink.westeurope.azmk8s.io, aks-1-abcd1234.3c5d7e9f-1111.privatelink.westeurope.azmk8s.io",
            "mcr.microsoft.com,                                             mcr.microsoft.com"
    })
    void fqdn_plainDnsName_isAcceptedLowerCased(String fqdn, String expected) {
        assertEquals(expected, new ProbeTarget(fqdn, null, 443).fqdn());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "98.67.228.23,                            98.67.228.23",
            "10.0.2.10,                               10.0.2.10",
            "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "fd00:0:0:0::a,                           fd00::a"
    })
    void ip_validAddress_isRenderedCanonically(String ip, String expected) {
        ProbeTarget target = new ProbeTarget(null, ip, 443);
        assertEquals(expected, target.ip());
        assertEquals(expected, target.host());
    }

    static Stream<String> hostileFqdns() {
        return Stream.of(
                "; rm -rf /",
                "example.com; rm -rf /",
                "example.com;rm -rf /",
                "$(reboot).hcp.eastus.azmk8s.io",
                "${IFS}.example.com",
                "`id`.example.com",
                "example.com\nrm -rf /",
                "example.com\n",
                "example.com\r\nid",
                "ex\u0430mple.com",            // Cyrillic a
                "\u212Aelvin.example.com",     // Kelvin sign, lower-cases to ASCII k
                "example\uFF0Ecom",            // full-width full stop
                "exa\u200Bmple.com",           // zero-width space
                "my host.example.com",
                " example.com",
                "example.com ",
                "'example.com'",
                "\"example.com\"",
                "example.com'; reboot; echo '",
                "a".repeat(64) + ".example.com",
                ("a".repeat(63) + ".").repeat(4) + "com",
                "-bad.example.com",
                "bad-.example.com",
                "example..com",
                "example.com.",
                "localhost",
                "example.c0m",
                "*.hcp.eastus.azmk8s.io",
                "exa_mple.com",
                "example.com/healthz",
                "example.com:443",
                "user@example.com",
                "",
                "98.67.228.23");
    }

    @ParameterizedTest
    @MethodSource("hostileFqdns")
    void fqdn_injectionOrNotAHostName_isRejected(String fqdn) {
        assertThrows(IllegalArgumentException.class, () -> new ProbeTarget(fqdn, null, 443));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "98.67.228.23; id", "98.67.228.23\n", " 98.67.228.23", "98.67.228.23 ", "$(id)", "0x62.0.0.1",
            "98.67.228", "98.67.228.23/32", "fe80::1%eth0", "::ffff:1.2.3.4'", "98.67.228.23:443", "\u0669\u0668.1.1.1",
            "example.com", ""})
    void ip_injectionOrNotAnAddress_isRejected(String ip) {
        assertThrows(IllegalArgumentException.class, () -> new ProbeTarget(null, ip, 443));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void port_outOfRange_isRejected(int port) {
        assertThrows(IllegalArgumentException.class, () -> new ProbeTarget("example.com", null, port));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 443, 6443, 65535})
    void port_inRange_isAccepted(int port) {
        assertEquals(port, new ProbeTarget("example.com", null, port).port());
    }

    @Test
    void constructor_neitherFqdnNorIp_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ProbeTarget(null, null, 443));
    }

    @Test
    void rejection_message_doesNotEchoThePaste() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProbeTarget("secret-token-abc; rm -rf /", null, 443));
        assertEquals("not a host name", e.getMessage());
    }
}
