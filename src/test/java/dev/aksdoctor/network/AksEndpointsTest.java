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

    @ParameterizedTest(name = "{0} {1} private={2}")
    @CsvSource(delimiter = '|', value = {
            "PUBLIC        | uksouth       | false | *.hcp.uksouth.azmk8s.io;mcr.microsoft.com;*.data.mcr.microsoft.com;mcr-0001.mcr-msedge.net;management.azure.com;login.microsoftonline.com;packages.microsoft.com;acs-mirror.azureedge.net;packages.aks.azure.com",
            "PUBLIC        | uksouth       | true  | mcr.microsoft.com;*.data.mcr.microsoft.com;mcr-0001.mcr-msedge.net;management.azure.com;login.microsoftonline.com;packages.microsoft.com;acs-mirror.azureedge.net;packages.aks.azure.com",
            "CHINA         | chinaeast2    | false | *.hcp.chinaeast2.cx.prod.service.azk8s.cn;*.tun.chinaeast2.cx.prod.service.azk8s.cn;mcr.microsoft.com;*.data.mcr.microsoft.com;management.chinacloudapi.cn;login.chinacloudapi.cn;packages.microsoft.com;*.azk8s.cn;ntp.ubuntu.com",
            "US_GOVERNMENT | usgovvirginia | false | *.hcp.usgovvirginia.cx.aks.containerservice.azure.us;mcr.microsoft.com;*.data.mcr.microsoft.com;management.usgovcloudapi.net;login.microsoftonline.us;packages.microsoft.com;acs-mirror.azureedge.net;ntp.ubuntu.com"
    })
    void requiredOutbound_perCloud_listsTheDocumentedTable(Cloud cloud, String region, boolean privateCluster,
            String hosts) {
        List<RequiredEndpoint> endpoints = AksEndpoints.requiredOutbound(ClusterOptions.basic(cloud, region, null,
                privateCluster));
        assertEquals(List.of(hosts.split(";")), endpoints.stream().map(RequiredEndpoint::host).toList());
        assertTrue(endpoints.stream().allMatch(e -> e.docLink() != null && e.docLink().startsWith(cloud.outboundDoc())),
                endpoints.toString());
    }

    @ParameterizedTest(name = "{0} -> tag {1}")
    @CsvSource({
            "mcr.microsoft.com,          MicrosoftContainerRegistry",
            "*.data.mcr.microsoft.com,   AzureFrontDoor.FirstParty",
            "management.azure.com,       AzureResourceManager",
            "login.microsoftonline.com,  AzureActiveDirectory",
            "*.hcp.uksouth.azmk8s.io,    AzureCloud.uksouth",
            "packages.microsoft.com,     "
    })
    void requiredOutbound_publicCloud_carriesTheCoveringServiceTagAndTheAksFqdnTag(String host, String tag) {
        RequiredEndpoint e = AksEndpoints.requiredOutbound(ClusterOptions.basic(Cloud.PUBLIC, "uksouth", null, false))
                .stream().filter(x -> x.host().equals(host)).findFirst().orElseThrow();
        assertEquals(tag, e.serviceTag());
        assertEquals(List.of("AzureKubernetesService"), e.fqdnTags());
        assertEquals(443, e.port());
        assertEquals("HTTPS", e.protocol());
    }

    @Test
    void requiredOutbound_windowsGpuAndAddons_addTheirTables() {
        ClusterOptions o = ClusterOptions.basic(Cloud.PUBLIC, "uksouth", null, false).withWindowsPools().withGpuPools()
                .withAddons(true, true, true, true, true);
        List<String> labels = AksEndpoints.requiredOutbound(o).stream().map(RequiredEndpoint::label).toList();
        assertTrue(labels.containsAll(List.of("HTTP *.mp.microsoft.com:80", "HTTPS go.microsoft.com:443",
                "HTTPS nvidia.github.io:443", "HTTPS download.docker.com:443", "HTTPS *.ods.opinsights.azure.com:443",
                "HTTPS uksouth.handler.control.monitor.azure.com:443", "HTTPS data.policy.core.windows.net:443",
                "HTTPS *.vault.azure.net:443", "HTTPS uksouth.dp.kubernetesconfiguration.azure.com:443")), labels.toString());
        assertEquals(labels.size(), labels.stream().distinct().count(), "no endpoint twice");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "aks-1.hcp.chinaeast2.cx.prod.service.azk8s.cn,               CHINA,         chinaeast2",
            "aks-1.privatelink.usgovvirginia.cx.aks.containerservice.azure.us, US_GOVERNMENT, usgovvirginia",
            "aks-1.hcp.uksouth.azmk8s.io,                                 PUBLIC,        uksouth"
    })
    void cloudOf_apiServerFqdn_readsTheCloudAndRegion(String fqdn, Cloud cloud, String region) {
        assertEquals(Optional.of(cloud), AksEndpoints.cloudOf(fqdn));
        assertEquals(Optional.of(region), AksEndpoints.regionOf(fqdn));
    }

    @Test
    void requiredOutbound_privateCluster_marksTheApiServerAsPrivateLink() {
        List<RequiredEndpoint> endpoints = AksEndpoints.requiredOutbound(ClusterOptions.basic(Cloud.PUBLIC, "uksouth",
                "aks-1-abcd1234.privatelink.uksouth.azmk8s.io", true));
        assertTrue(endpoints.get(0).privateLink());
        assertTrue(endpoints.stream().skip(1).noneMatch(RequiredEndpoint::privateLink));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CHINA,         chinaeast2, *.hcp.chinaeast2.cx.prod.service.azk8s.cn;*.privatelink.chinaeast2.cx.prod.service.azk8s.cn",
            "US_GOVERNMENT, ,           *.cx.aks.containerservice.azure.us"
    })
    void tlsBypassPatterns_sovereignClouds(Cloud cloud, String region, String expected) {
        assertEquals(List.of(expected.split(";")), AksEndpoints.tlsBypassPatterns(cloud, region));
    }
}
