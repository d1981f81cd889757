package dev.aksdoctor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsInspectionVerdictTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CN=ca                                                          | CLUSTER_CA",
            "CN = ca                                                        | CLUSTER_CA",
            "cn=CA                                                          | CLUSTER_CA",
            "CN=Zscaler Intermediate Root CA (zscalertwo.net),O=Zscaler Inc.| INSPECTED",
            "CN=FortiGate CA,O=Fortinet,C=US                                | INSPECTED",
            "CN=ca,O=Contoso Proxy                                          | INSPECTED",
            "CN=cafe                                                        | INSPECTED"
    })
    void from_issuer_decidesWhetherTlsIsInspected(String issuer, TlsInspectionVerdict.Status expected) {
        assertEquals(expected, TlsInspectionVerdict.from(result(issuer, true, Set.of(ProbeStep.TCP, ProbeStep.TLS)), "uksouth").status());
    }

    @Test
    void from_inspected_namesIssuerAndBypassPatterns() {
        TlsInspectionVerdict v = TlsInspectionVerdict.from(
                result("CN=Zscaler Intermediate Root CA (zscalertwo.net),O=Zscaler Inc.", true, Set.of(ProbeStep.TLS)),
                "uksouth");
        assertEquals(List.of("*.hcp.uksouth.azmk8s.io", "*.privatelink.uksouth.azmk8s.io"), v.bypassPatterns());
        assertTrue(v.explanation().contains("'CN=Zscaler Intermediate Root CA (zscalertwo.net),O=Zscaler Inc.'"), v.explanation());
        assertTrue(v.explanation().contains("*.hcp.uksouth.azmk8s.io and *.privatelink.uksouth.azmk8s.io"), v.explanation());
    }

    @ParameterizedTest(name = "tcp {0}, reported {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "true  | TCP,TLS | reset or timed out",
            "false | TCP,TLS | could not connect",
            "true  | TCP     | no TLS result"
    })
    void from_noCertificate_isUnknownWithTheReason(boolean tcpOk, String steps, String reason) {
        Set<ProbeStep> reported = java.util.Arrays.stream(steps.split(",")).map(String::trim).map(ProbeStep::valueOf)
                .collect(java.util.stream.Collectors.toSet());
        TlsInspectionVerdict v = TlsInspectionVerdict.from(result(null, tcpOk, reported), "uksouth");
        assertEquals(TlsInspectionVerdict.Status.UNKNOWN, v.status());
        assertTrue(v.explanation().contains(reason), v.explanation());
    }

    @Test
    void from_nullResult_isUnknown() {
        assertEquals(TlsInspectionVerdict.Status.UNKNOWN, TlsInspectionVerdict.from(null, null).status());
    }

    private static ProbeResult result(String issuer, boolean tcpOk, Set<ProbeStep> reported) {
        return new ProbeResult(true, List.of("98.67.228.23"), tcpOk, issuer, null, null, "", reported, 0, true);
    }
}
