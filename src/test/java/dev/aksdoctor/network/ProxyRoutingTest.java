package dev.aksdoctor.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyRoutingTest {

    private static final RequiredEndpoint MCR = new RequiredEndpoint("mcr.microsoft.com", 443, "HTTPS", "images");
    private static final RequiredEndpoint UBUNTU = new RequiredEndpoint("security.ubuntu.com", 80, "HTTP", "packages");
    private static final RequiredEndpoint NTP = new RequiredEndpoint("ntp.ubuntu.com", 123, "UDP", "time");

    private static ProxyRouting routing(String... noProxy) {
        return new ProxyRouting("http://10.0.0.4:3128/", "http://user:secret@10.0.0.5:3129/", List.of(noProxy));
    }

    @Test
    void https_notInNoProxy_goesToTheHttpsProxyWithoutCredentials() {
        assertEquals(Optional.of(new ProxyTarget("http://10.0.0.5:3129", "10.0.0.5", 3129)), routing().destination(MCR));
    }

    @Test
    void http_notInNoProxy_goesToTheHttpProxy() {
        assertEquals(Optional.of(new ProxyTarget("http://10.0.0.4:3128", "10.0.0.4", 3128)),
                routing().destination(UBUNTU));
    }

    @Test
    void udp_neverGoesThroughAnHttpProxy() {
        assertEquals(Optional.empty(), routing().destination(NTP));
    }

    @Test
    void https_onlyHttpProxySet_goesDirect() {
        assertEquals(Optional.empty(), new ProxyRouting("http://10.0.0.4:3128", null, List.of()).destination(MCR));
    }

    @Test
    void https_inNoProxy_goesDirect() {
        assertEquals(Optional.empty(), routing("microsoft.com").destination(MCR));
    }

    @Test
    void proxyWithoutPort_usesTheSchemePort() {
        ProxyTarget t = new ProxyRouting(null, "https://proxy.corp.example", List.of()).destination(MCR).orElseThrow();
        assertEquals(443, t.port());
        assertEquals("proxy.corp.example", t.host());
        assertFalse(t.ipLiteral());
    }

    @Test
    void unreadableProxyUrl_stillGoesToAProxy_whoseAddressIsUnknown() {
        ProxyTarget t = new ProxyRouting(null, "http://", List.of()).destination(MCR).orElseThrow();
        assertFalse(t.readable());
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "mcr.microsoft.com, mcr.microsoft.com, true",
        "microsoft.com, mcr.microsoft.com, true",
        ".microsoft.com, mcr.microsoft.com, true",
        "*.microsoft.com, mcr.microsoft.com, true",
        ".microsoft.com, microsoft.com, false",
        "microsoft.com, notmicrosoft.com, false",
        "MCR.Microsoft.com, mcr.microsoft.com, true",
        "mcr.microsoft.com:443, mcr.microsoft.com, true",
        "*, anything.example, true",
        "10.0.0.0/16, 10.0.3.7, true",
        "10.0.0.0/16, 10.1.3.7, false",
        "168.63.129.16, 168.63.129.16, true",
        "10.0.0.0/16, mcr.microsoft.com, false",
        "windows.net, *.blob.core.windows.net, true",
        "blob.core.windows.net, *.blob.core.windows.net, true",
        "x.blob.core.windows.net, *.blob.core.windows.net, false",
    })
    void noProxyEntry_coversHost(String entry, String host, boolean covered) {
        assertEquals(covered, routing(entry).bypasses(host));
    }

    @Test
    void emptyNoProxy_coversNothing() {
        assertFalse(routing().bypasses("mcr.microsoft.com"));
        assertTrue(routing("", "mcr.microsoft.com").bypasses("mcr.microsoft.com"));
    }
}
