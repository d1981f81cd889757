package dev.aksdoctor.check;

import static dev.aksdoctor.check.CheckHarness.run;
import static dev.aksdoctor.check.CheckHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.check.probe.NodeProbeScripts;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeProbeChecksTest {

    private static final String M = NodeProbeScripts.MARKER + " ";

    private static ArmWorld world(String... lines) {
        ArmWorld w = new ArmWorld();
        w.runCommandStdout = "Enable succeeded: \n[stdout]\n" + String.join("\n", lines) + "\n[stderr]\n";
        return w;
    }

    @Test
    void tcpProbe_notRequested_isSkippedWithButton() {
        Finding f = run(new NodeTcpProbeCheck(), world(), Diagnoses.timedOut(), false);
        assertEquals(Outcome.SKIPPED, f.outcome());
        assertEquals(List.of(SuggestedAction.of(NextAction.RUN_NODE_PROBE)), f.actions());
        assertEquals(0, CheckHarness.ARM.count("POST", ArmWorld.VMSS_ID + "/virtualMachines/0/runCommand"));
    }

    @Test
    void probes_healthyNode_passAndRunCommandOnce() {
        ArmWorld w = world(M + "dns=ok ips=" + ArmWorld.API_SERVER_IP, M + "tcp=ok", M + "https=200 rc=0",
                M + "tls=ok", M + "tls_issuer=CN=ca", M + "tls_subject=CN=apiserver", M + "proxy=none", M + "done");
        Finding dns = run(new NodeDnsProbeCheck(), w, Diagnoses.timedOut(), true);
        Finding tcp = run(new NodeTcpProbeCheck(), w, Diagnoses.timedOut(), true);
        Finding tls = run(new NodeTlsProbeCheck(), w, Diagnoses.timedOut(), true);
        assertEquals(Outcome.PASS, dns.outcome(), text(dns));
        assertEquals(Outcome.PASS, tcp.outcome(), text(tcp));
        assertEquals(Outcome.PASS, tls.outcome(), text(tls));
        assertEquals(1, CheckHarness.ARM.count("POST", ArmWorld.VMSS_ID + "/virtualMachines/0/runCommand"));
        String script = CheckHarness.ARM.requests().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("runCommand")).findFirst().orElseThrow().body();
        assertTrue(script.contains("RunShellScript") && script.contains(ArmWorld.FQDN), script);
    }

    @Test
    void tcpProbe_timeout_fails() {
        ArmWorld w = world(M + "dns=ok ips=" + ArmWorld.API_SERVER_IP, M + "tcp=fail rc=1", M + "done");
        Finding f = run(new NodeTcpProbeCheck(), w, Diagnoses.timedOut(), true);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
    }

    @Test
    void dnsProbe_failure_fails() {
        ArmWorld w = world(M + "dns=fail", M + "done");
        assertEquals(Outcome.FAIL, run(new NodeDnsProbeCheck(), w, Diagnoses.timedOut(), true).outcome());
    }

    @Test
    void dnsProbe_privateClusterResolvedToItsPrivateEndpoint_passes() {
        ArmWorld w = world(M + "dns=ok ips=10.240.0.200", M + "done").privateCluster();
        Finding f = run(new NodeDnsProbeCheck(), w, Diagnoses.timedOut(), true);
        assertEquals(Outcome.PASS, f.outcome(), text(f));
    }

    @Test
    void dnsProbe_privateClusterResolvedElsewhere_failsNamingTheEndpointAndTheZone() {
        ArmWorld w = world(M + "dns=ok ips=" + ArmWorld.API_SERVER_IP, M + "done").privateCluster();
        Finding f = run(new NodeDnsProbeCheck(), w, Diagnoses.timedOut(), true);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().endsWith("resolves the private API server to " + ArmWorld.API_SERVER_IP
                + ", not to its private endpoint 10.240.0.200"), f.title());
        assertEquals(ArmWorld.PE_ID, f.evidence().get(1).resourceId());
        assertTrue(f.remedy().contains("private DNS zone"), f.remedy());
    }

    @Test
    void tlsProbe_foreignIssuer_namesIssuerAndBypassPatterns() {
        ArmWorld w = world(M + "dns=ok ips=" + ArmWorld.API_SERVER_IP, M + "tcp=ok", M + "https=200 rc=0", M + "tls=ok",
                M + "tls_issuer=CN=Contoso TLS Inspection CA,O=Contoso", M + "tls_subject=CN=*.hcp.westeurope.azmk8s.io",
                M + "done");
        Finding f = run(new NodeTlsProbeCheck(), w, Diagnoses.timedOut(), true);
        assertEquals(Outcome.FAIL, f.outcome(), text(f));
        assertTrue(f.title().contains("Contoso TLS Inspection CA"), f.title());
        assertTrue(f.remedy().contains("*.hcp.westeurope.azmk8s.io"), f.remedy());
    }

    @Test
    void outboundProbe_tcpFails_fails() {
        ArmWorld w = world(M + "dns=ok ips=" + ArmWorld.API_SERVER_IP, M + "tcp=fail rc=1", M + "done");
        assertEquals(Outcome.FAIL, run(new NodeOutboundProbeCheck(), w, Diagnoses.timedOut(), true).outcome());
    }
}
