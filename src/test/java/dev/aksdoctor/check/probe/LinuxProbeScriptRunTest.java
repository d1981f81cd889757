package dev.aksdoctor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real Linux probe script with {@code sh} against local servers on ephemeral ports, and parses its
 * output: the script and the parser must agree. Skipped where sh, curl or openssl are missing.
 */
class LinuxProbeScriptRunTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void toolsPresent() throws Exception {
        for (String tool : List.of("sh", "curl", "openssl", "timeout", "getent")) {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, tool + " is not installed");
        }
    }

    @Test
    void script_apiServerWithClusterCa_reportsClusterCaIssuer() throws Exception {
        try (ServerSocket server = tlsServer("CN=ca")) {
            ProbeResult r = run(new ProbeTarget(null, "127.0.0.1", server.getLocalPort()));
            assertTrue(r.tcpOk(), r.rawTail());
            assertEquals(200, r.httpsStatus(), r.rawTail());
            assertEquals("CN=ca", r.tlsIssuer(), r.rawTail());
            assertTrue(r.complete());
            assertFalse(r.reported(ProbeStep.DNS));
            assertEquals(TlsInspectionVerdict.Status.CLUSTER_CA, TlsInspectionVerdict.from(r, "uksouth").status());
        }
    }

    @Test
    void script_inspectingMiddlebox_reportsItsIssuer() throws Exception {
        try (ServerSocket server = tlsServer("CN=Contoso TLS Inspection CA,O=Contoso")) {
            ProbeResult r = run(new ProbeTarget(null, "127.0.0.1", server.getLocalPort()));
            assertEquals("CN=Contoso TLS Inspection CA,O=Contoso", r.tlsIssuer(), r.rawTail());
            TlsInspectionVerdict v = TlsInspectionVerdict.from(r, "uksouth");
            assertEquals(TlsInspectionVerdict.Status.INSPECTED, v.status());
        }
    }

    @Test
    void script_plainTcpListener_tcpOkButNoCertificate() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = acceptAndClose(server);
            ProbeResult r = run(new ProbeTarget(null, "127.0.0.1", server.getLocalPort()));
            assertTrue(r.tcpOk(), r.rawTail());
            assertTrue(r.reported(ProbeStep.TLS));
            assertEquals(null, r.tlsIssuer(), r.rawTail());
            assertEquals(TlsInspectionVerdict.Status.UNKNOWN, TlsInspectionVerdict.from(r, "uksouth").status());
            acceptor.interrupt();
        }
    }

    @Test
    void script_nothingListening_tcpFails() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ProbeResult r = run(new ProbeTarget(null, "127.0.0.1", port));
        assertTrue(r.reported(ProbeStep.TCP), r.rawTail());
        assertFalse(r.tcpOk(), r.rawTail());
        assertEquals(0, r.httpsStatus());
        assertTrue(r.complete());
    }

    private static ProbeResult run(ProbeTarget target) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-s");
        for (String v : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY")) {
            pb.environment().remove(v);
        }
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((String.join("\n", NodeProbeScripts.linuxScript(target)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe script did not finish");
        return ProbeOutputParser.parse(out);
    }

    /** A TLS server whose certificate is self-signed with the given name, so issuer = that name. */
    private static ServerSocket tlsServer(String dname) throws Exception {
        Path keystore = dir.resolve("ks-" + Integer.toHexString(dname.hashCode()) + ".p12");
        if (!Files.exists(keystore)) {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "srv", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", dname, "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serveHealthz(server), "tls-healthz");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static void serveHealthz(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                int matched = 0;
                int b;
                while (matched < 4 && (b = in.read()) >= 0) {
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                if (matched == 4) {
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // a probe that only handshakes (openssl s_client) or only connects (nc) ends the connection early
            }
        }
    }

    private static Thread acceptAndClose(ServerSocket server) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getInputStream().read();
                } catch (IOException e) {
                    // closed by the client or by the test
                }
            }
        }, "tcp-accept");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
