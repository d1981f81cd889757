package dev.aksdoctor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeOutputParserTest {

    /** Shaped like a VMSS RunShellScript result message: stdout then stderr sections. */
    private static final String HEALTHY = """
            Enable succeeded: \n[stdout]
            AKSDOCTOR_STEP dns=ok ips=98.67.228.23
            AKSDOCTOR_STEP tcp=ok
            AKSDOCTOR_STEP https=401 rc=0
            AKSDOCTOR_STEP tls=ok
            AKSDOCTOR_STEP tls_issuer=CN=ca
            AKSDOCTOR_STEP tls_subject=CN=apiserver
            AKSDOCTOR_STEP proxy=none
            AKSDOCTOR_STEP no_proxy=
            AKSDOCTOR_STEP done

            [stderr]
            Server:		127.0.0.53
            Address:	127.0.0.53#53
            *  issuer: CN=ca
            """;

    private static final String INSPECTED = """
            Enable succeeded: \n[stdout]
            AKSDOCTOR_STEP dns=ok ips=98.67.228.23,98.67.228.23,not-an-ip,2603:1030:0:0::1
            AKSDOCTOR_STEP tcp=ok
            AKSDOCTOR_STEP https=000 rc=35
            AKSDOCTOR_STEP tls=ok
            AKSDOCTOR_STEP tls_issuer=CN=Zscaler Intermediate Root CA (zscalertwo.net),OU=Zscaler Inc.,O=Zscaler Inc.,ST=California,C=US
            AKSDOCTOR_STEP tls_subject=CN=secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io
            AKSDOCTOR_STEP proxy=http://svc-aks:Pa55w0rd!@proxy.corp.example:3128/
            AKSDOCTOR_STEP done

            [stderr]
            > Proxy-Authorization: Basic c3ZjLWFrczpQYTU1dzByZCE=
            AKSDOCTOR_STEP tls_issuer=CN=ca
            """;

    @Test
    void parse_healthyNode_readsEveryStep() {
        ProbeResult r = ProbeOutputParser.parse(HEALTHY);
        assertTrue(r.dnsOk());
        assertEquals(List.of("98.67.228.23"), r.resolvedIps());
        assertTrue(r.tcpOk());
        assertEquals(401, r.httpsStatus());
        assertEquals("CN=ca", r.tlsIssuer());
        assertEquals("CN=apiserver", r.tlsSubject());
        assertNull(r.proxy());
        assertTrue(r.complete());
        assertEquals(Set.of(ProbeStep.values()), r.reported());
    }

    @Test
    void parse_inspectingProxy_readsIssuerAndIgnoresForgedStderrMarker() {
        ProbeResult r = ProbeOutputParser.parse(INSPECTED);
        assertEquals("CN=Zscaler Intermediate Root CA (zscalertwo.net),OU=Zscaler Inc.,O=Zscaler Inc.,ST=California,C=US",
                r.tlsIssuer());
        assertEquals(List.of("98.67.228.23", "2603:1030::1"), r.resolvedIps());
        assertEquals(0, r.httpsStatus());
        assertTrue(r.reported(ProbeStep.HTTPS));
    }

    @Test
    void parse_proxyWithCredentials_neverKeepsThem() {
        ProbeResult r = ProbeOutputParser.parse(INSPECTED);
        assertEquals("http://***@proxy.corp.example:3128/", r.proxy());
        assertFalse(r.rawTail().contains("Pa55w0rd"), r.rawTail());
        assertFalse(r.rawTail().contains("c3ZjLWFrczpQYTU1dzByZCE="), r.rawTail());
        assertTrue(r.rawTail().contains("Proxy-Authorization: ***"), r.rawTail());
    }

    @Test
    void parse_forgedMarkerBeforeTheRealOne_firstWins() {
        ProbeResult r = ProbeOutputParser.parse("AKSDOCTOR_STEP tcp=fail rc=1\nAKSDOCTOR_STEP tcp=ok\n");
        assertFalse(r.tcpOk());
        assertTrue(r.reported(ProbeStep.TCP));
    }

    @Test
    void parse_outputCutBeforeTheMarkers_reportsNothingAsFailed() {
        String cut = "[stdout]\n... Connection to mcr.microsoft.com 443 port [tcp/https] succeeded!\nAKSDOCTOR_STEP tls_subject=CN=api";
        ProbeResult r = ProbeOutputParser.parse(cut);
        assertFalse(r.reported(ProbeStep.DNS));
        assertFalse(r.reported(ProbeStep.TCP));
        assertFalse(r.complete());
        assertEquals("CN=api", r.tlsSubject());
    }

    @Test
    void parse_ipOnlyTarget_dnsSkippedIsNotReported() {
        ProbeResult r = ProbeOutputParser.parse("AKSDOCTOR_STEP dns=skipped\nAKSDOCTOR_STEP tcp=fail rc=1\nAKSDOCTOR_STEP done");
        assertFalse(r.reported(ProbeStep.DNS));
        assertFalse(r.tcpOk());
        assertTrue(r.reported(ProbeStep.TCP));
    }

    @Test
    void parse_dnsOkWithoutUsableAddress_isNotOk() {
        ProbeResult r = ProbeOutputParser.parse("AKSDOCTOR_STEP dns=ok ips=;reboot");
        assertFalse(r.dnsOk());
        assertTrue(r.resolvedIps().isEmpty());
    }

    @Test
    void parse_windowsOutputWithCrLfAndControlCharacters_isCleaned() {
        ProbeResult r = ProbeOutputParser.parse(
                "AKSDOCTOR_STEP dns=ok ips=20.1.2.3\r\nAKSDOCTOR_STEP tls_issuer=CN=Fortinet\u0007 CA, O=Fortinet\r\nAKSDOCTOR_STEP done\r\n");
        assertTrue(r.dnsOk());
        assertEquals("CN=Fortinet CA, O=Fortinet", r.tlsIssuer());
        assertTrue(r.complete());
    }

    @Test
    void parse_hugeOutput_keepsOnlyTheTail() {
        ProbeResult r = ProbeOutputParser.parse("x".repeat(100_000) + "\nAKSDOCTOR_STEP done");
        assertTrue(r.rawTail().length() <= 2000);
        assertTrue(r.rawTail().endsWith("AKSDOCTOR_STEP done"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "AKSDOCTOR_STEP", "AKSDOCTOR_STEP =", "AKSDOCTOR_STEP dns=", "AKSDOCTOR_STEP https=abc"})
    void parse_badInput_givesAnEmptyResultWithoutThrowing(String text) {
        ProbeResult r = ProbeOutputParser.parse(text);
        assertFalse(r.dnsOk());
        assertFalse(r.tcpOk());
        assertTrue(r.reported().isEmpty());
        assertNull(r.tlsIssuer());
    }
}
