package dev.aksdoctor.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AksEndpointsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "uksouth     | *.hcp.uksouth.azmk8s.io;*.privatelink.uksouth.azmk8s.io",
            "UK South    | *.hcp.uksouth.azmk8s.io;*.privatelink.uksouth.azmk8s.io",
            "eastus2     | *.hcp.eastus2.azmk8s.io;*.privatelink.eastus2.azmk8s.io",
            "            | *.azmk8s.io",
            "east;us     | *.azmk8s.io",
            "$(reboot)   | *.azmk8s.io"
    })
    void tlsBypassPatterns_region_namesBothApiServerPatterns(String region, String expected) {
        assertEquals(List.of(expected.split(";")), AksEndpoints.tlsBypassPatterns(region));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io,           uksouth",
            "myaks-cluster-dns-a1b2c3d4.hcp.eastus.azmk8s.io,       eastus",
            "aks-1-abcd1234.3c5d7e9f-1111.privatelink.westeurope.azmk8s.io, westeurope",
            "MYAKS-DNS-1.HCP.EASTUS.AZMK8S.IO,                       eastus",
            "example.com,                                            ",
            "hcp.eastus.azmk8s.io.evil.com,                          "
    })
    void regionOf_apiServerFqdn_readsTheRegion(String fqdn, String region) {
        assertEquals(Optional.ofNullable(region), AksEndpoints.regionOf(fqdn));
    }

    @Test
    void requiredOutbound_publicApiServer_listsItFirstThenTheFixedEndpoints() {
        List<RequiredEndpoint> endpoints = AksEndpoints.requiredOutbound("secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io");
        assertEquals("secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io", endpoints.get(0).host());
        assertEquals(443, endpoints.get(0).port());
        List<String> hosts = endpoints.stream().map(RequiredEndpoint::host).toList();
        assertTrue(hosts.containsAll(List.of("mcr.microsoft.com", "*.data.mcr.microsoft.com", "management.azure.com",
                "login.microsoftonline.com", "packages.microsoft.com", "acs-mirror.azureedge.net")), hosts.toString());
    }

    @Test
    void requiredOutbound_privateApiServer_saysItGoesThroughThePrivateEndpoint() {
        RequiredEndpoint api = AksEndpoints.requiredOutbound("aks-1-abcd1234.privatelink.westeurope.azmk8s.io").get(0);
        assertTrue(api.purpose().contains("private endpoint"), api.purpose());
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "uksouth, ,               *.hcp.uksouth.azmk8s.io",
            "uksouth, not a fqdn,     *.hcp.uksouth.azmk8s.io",
            ",        ,               *.hcp.<region>.azmk8s.io"
    })
    void requiredOutbound_apiServerUnknown_usesTheRegionPattern(String region, String fqdn, String expected) {
        assertEquals(expected, AksEndpoints.requiredOutbound(region, fqdn).get(0).host());
    }

}
