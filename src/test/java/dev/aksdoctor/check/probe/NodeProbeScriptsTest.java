package dev.aksdoctor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeProbeScriptsTest {

    private static final ProbeTarget API = ProbeTarget.apiServer("secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io");

    @Test
    void linuxScript_apiServer_runsTheBaselineStepsInOrder() {
        String script = String.join("\n", NodeProbeScripts.linuxScript(API));
        int dns = script.indexOf("nslookup \"$H\"");
        int tcp = script.indexOf("nc -vz -w 5 \"$H\" \"$P\"");
        int https = script.indexOf("curl -sv -k -o /dev/null");
        int tls = script.indexOf("openssl s_client -connect \"$CONNECT\" -servername 'secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io'");
        int proxy = script.indexOf("HP=$(pv HTTPS_PROXY)");
        assertTrue(dns > 0 && tcp > dns && https > tcp && tls > https && proxy > 0, script);
        assertTrue(script.contains("URL='https://secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io:443/healthz'"), script);
        assertTrue(script.contains("openssl x509 -noout -issuer -subject"), script);
        assertTrue(script.contains("--max-time 10"), script);
        assertTrue(script.endsWith("mark 'done'"), script);
    }

    @Test
    void linuxScript_ipv6Only_bracketsTheAddressAndSkipsDnsAndSni() {
        String script = String.join("\n", NodeProbeScripts.linuxScript(new ProbeTarget(null, "2001:db8::1", 443)));
        assertTrue(script.contains("CONNECT='[2001:db8::1]:443'"), script);
        assertTrue(script.contains("URL='https://[2001:db8::1]:443/healthz'"), script);
        assertTrue(script.contains("DNS='dns=skipped'"), script);
        assertFalse(script.contains("-servername"), script);
        assertFalse(script.contains("nslookup"), script);
    }

    @Test
    void windowsScript_apiServer_usesResolveDnsNameTestNetConnectionAndSslStream() {
        String script = String.join("\n", NodeProbeScripts.windowsScript(API));
        assertTrue(script.contains("Resolve-DnsName -Name $h"), script);
        assertTrue(script.contains("Test-NetConnection -ComputerName $h -Port $p"), script);
        assertTrue(script.contains("System.Net.Security.SslStream"), script);
        assertTrue(script.contains("AuthenticateAsClient('secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io'"), script);
        assertTrue(script.contains("$h = 'secureaksdns-oxwzkm0h.hcp.uksouth.azmk8s.io'"), script);
        assertTrue(script.contains("'AKSDOCTOR_STEP '"), script);
    }

    static Stream<Arguments> scriptsAndTargets() {
        Function<ProbeTarget, List<String>> linux = NodeProbeScripts::linuxScript;
        Function<ProbeTarget, List<String>> windows = NodeProbeScripts::windowsScript;
        return Stream.of(
                Arguments.of("linux fqdn", linux, new ProbeTarget("a1.hcp.eastus.azmk8s.io", null, 443),
                        new ProbeTarget("zz-9.privatelink.westeurope.azmk8s.io", null, 6443)),
                Arguments.of("linux ip", linux, new ProbeTarget(null, "98.67.228.23", 443),
                        new ProbeTarget(null, "10.0.2.10", 8443)),
                Arguments.of("windows fqdn", windows, new ProbeTarget("a1.hcp.eastus.azmk8s.io", null, 443),
                        new ProbeTarget("zz-9.privatelink.westeurope.azmk8s.io", null, 6443)),
                Arguments.of("windows ip", windows, new ProbeTarget(null, "98.67.228.23", 443),
                        new ProbeTarget(null, "10.0.2.10", 8443)));
    }

    /**
     * Two targets of the same shape give the same script once their validated values are blanked out: the
     * scripts are fixed templates and nothing else from the target reaches them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scriptsAndTargets")
    void scripts_anyTwoTargets_differOnlyInTheirValidatedValues(String label, Function<ProbeTarget, List<String>> script,
            ProbeTarget first, ProbeTarget second) {
        assertEquals(blank(script.apply(first), first), blank(script.apply(second), second));
    }

    private static String blank(List<String> lines, ProbeTarget t) {
        String text = String.join("\n", lines);
        text = text.replace(t.host(), "HOST");
        if (t.fqdn() != null && t.ip() != null) {
            text = text.replace(t.ip(), "IP");
        }
        return text.replace(":" + t.port(), ":PORT").replace("'" + t.port() + "'", "'PORT'")
                .replace("$p = " + t.port(), "$p = PORT");
    }
}
