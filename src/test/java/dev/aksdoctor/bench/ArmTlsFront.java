package dev.aksdoctor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.aksdoctor.azure.FakeArm;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS in front of the {@link FakeArm} for an app in another JVM: the SDK's bearer-token policy and MSAL refuse
 * plain HTTP, and the app's HTTP client cannot be swapped from outside. A self-signed certificate for 127.0.0.1
 * (made with the JDK's keytool) is handed to the app as its trust store. Every forwarded call is logged with its
 * start and end, from which the benchmark derives the chain of dependent calls.
 */
final class ArmTlsFront implements AutoCloseable {

    /** One call as the app saw it: from the request's arrival to the end of the answer. */
    record Call(String method, String path, long startNanos, long endNanos) {
    }

    private static final String PASSWORD = "changeit";
    private static final Set<String> HOP_HEADERS = Set.of("content-length", "transfer-encoding", "connection", "date");

    private final HttpsServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final FakeArm arm;
    private final Path trustStore;
    private final List<Call> calls = new ArrayList<>();

    private ArmTlsFront(HttpsServer server, ExecutorService executor, FakeArm arm, Path trustStore) {
        this.server = server;
        this.executor = executor;
        this.arm = arm;
        this.trustStore = trustStore;
        this.client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static ArmTlsFront start(FakeArm arm, Path dir) throws Exception {
        Path keyStore = dir.resolve("arm-front.p12");
        Path cert = dir.resolve("arm-front.crt");
        Path trustStore = dir.resolve("arm-trust.p12");
        keytool("-genkeypair", "-alias", "arm", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "arm", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "arm", "-file", cert.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "arm-front");
            t.setDaemon(true);
            return t;
        });
        ArmTlsFront front = new ArmTlsFront(server, executor, arm, trustStore);
        server.createContext("/", front::forward);
        server.setExecutor(executor);
        server.start();
        return front;
    }

    String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** JVM options for the app: trust the front's certificate (and nothing else, which is all the app needs here). */
    List<String> trustArgs() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI target = URI.create(arm.baseUrl() + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } finally {
            synchronized (calls) {
                calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), start, System.nanoTime()));
            }
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
