package dev.aksdoctor.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpServer;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.SlackRequests;
import dev.aksdoctor.testing.SlackSigner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ack latency of signed /aks-doctor slash commands at 50 concurrent clients, measured in one run against
 * the packaged AKS Doctor (target/quarkus-app) and, beside it, a bare Bolt app that only acks. Also
 * start-up time and idle memory of AKS Doctor. All traffic stays on loopback; Slack is a local fake.
 *
 * <p>Run: {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -q -Pbench test-compile exec:exec
 * -Dbench.main=dev.aksdoctor.bench.AckLatencyBenchmark}
 */
public final class AckLatencyBenchmark {

    static final String SECRET = "bench-signing-secret-0123456789abcdef";
    static final int CLIENTS = Integer.getInteger("clients", 50);
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("requests", 40);
    static final int WARMUP_PER_CLIENT = Integer.getInteger("warmup", 20);
    static final String PASTE = "(VMExtensionError_K8SAPIServerConnFail) Agents are unable to establish connection to "
            + "Kubernetes API server. Node 10.0.2.10 could not reach API server at 98.67.228.23:443. Connection timed out.";

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build first: ./mvnw -B -q package -DskipTests");
        }
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Path dataDir = Files.createTempDirectory("aksdoctor-bench");
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            ProcessBuilder pb = new ProcessBuilder("java", "-Dfile.encoding=UTF-8", "-Xmx512m", "-jar",
                    jar.toAbsolutePath().toString())
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("app.log").toFile());
            pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
            pb.environment().put("SLACK_BOT_TOKEN", "xoxb-bench-token");
            pb.environment().put("SLACK_API_URL", slack.apiUrl());
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            long launched = System.nanoTime();
            Process app = pb.start();
            try {
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS))
                        .connectTimeout(Duration.ofSeconds(5)).build();
                Duration startup = awaitReady(http, base + "/q/health/ready", launched);
                Thread.sleep(3000); // let start-up work settle before reading idle memory
                long rssKb = rssKb(app.pid());

                try (BareBoltApp bare = new BareBoltApp(slack.apiUrl())) {
                    Stats bareWarm = load(http, bare.url(), WARMUP_PER_CLIENT, slack);
                    Stats oursWarm = load(http, base + "/slack/events", WARMUP_PER_CLIENT, slack);
                    Stats bareStats = load(http, bare.url(), REQUESTS_PER_CLIENT, slack);
                    Stats ours = load(http, base + "/slack/events", REQUESTS_PER_CLIENT, slack);
                    System.out.printf("%nAKS Doctor ack latency benchmark (%d clients x %d signed slash commands, loopback, fake Slack)%n",
                            CLIENTS, REQUESTS_PER_CLIENT);
                    System.out.printf("  warm-up discarded: bare %d requests, AKS Doctor %d requests%n", bareWarm.count(), oursWarm.count());
                    System.out.printf("  bare Bolt app : median %6.2f ms  p99 %6.2f ms  (%d ok, %d errors)%n",
                            bareStats.median(), bareStats.p99(), bareStats.count(), bareStats.errors());
                    System.out.printf("  AKS Doctor    : median %6.2f ms  p99 %6.2f ms  (%d ok, %d errors)%n",
                            ours.median(), ours.p99(), ours.count(), ours.errors());
                    System.out.printf("  ratio         : median %.2fx  p99 %.2fx%n", ours.median() / bareStats.median(),
                            ours.p99() / bareStats.p99());
                    System.out.printf("  start-up      : %d ms to /q/health/ready 200 (JVM launch included)%n", startup.toMillis());
                    System.out.printf("  idle memory   : %d MiB resident (RSS), -Xmx512m%n", rssKb / 1024);
                }
            } finally {
                app.destroy();
                app.waitFor();
            }
        }
        System.exit(0);
    }

    record Stats(List<Double> millis, int errors) {
        int count() {
            return millis.size();
        }

        double median() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        double percentile(double p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }
    }

    static Stats load(HttpClient http, String url, int perClient, FakeSlackApi slack) throws InterruptedException {
        SlackSigner signer = new SlackSigner(SECRET);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < perClient; i++) {
                        String body = SlackRequests.slashCommandForm(PASTE + " #" + client + "-" + i,
                                slack.responseUrl("bench"));
                        SlackSigner.Signed signed = signer.signNow(body);
                        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Slack-Request-Timestamp", signed.timestamp())
                                .header("X-Slack-Signature", signed.signature())
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                            double ms = (System.nanoTime() - start) / 1e6;
                            if (resp.statusCode() == 200) {
                                latencies.add(ms);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        return new Stats(latencies, errors.get());
    }

    static Duration awaitReady(HttpClient http, String url, long launchedNanos) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("AKS Doctor did not become ready within 120 s");
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The baseline: Bolt with its own verification, on the JDK HTTP server, whose handler only acks. */
    static final class BareBoltApp implements AutoCloseable {
        private final HttpServer server;

        BareBoltApp(String slackApiUrl) throws IOException {
            SlackConfig slackConfig = new SlackConfig();
            slackConfig.setMethodsEndpointUrlPrefix(slackApiUrl);
            App app = new App(AppConfig.builder().signingSecret(SECRET).singleTeamBotToken("xoxb-bench-token")
                    .slack(Slack.getInstance(slackConfig)).build());
            app.command("/aks-doctor", (req, ctx) -> ctx.ack(r -> r.responseType("ephemeral").text("Investigating…")));
            SlackRequestParser parser = new SlackRequestParser(app.config());
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(200));
            server.createContext("/slack/events", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
                try {
                    Request<?> slackReq = parser.parse(SlackRequestParser.HttpRequest.builder()
                            .requestUri("/slack/events").headers(new RequestHeaders(headers)).requestBody(body)
                            .remoteAddress("127.0.0.1").build());
                    Response resp = app.run(slackReq);
                    byte[] out = resp.getBody() == null ? new byte[0] : resp.getBody().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", resp.getContentType());
                    exchange.sendResponseHeaders(resp.getStatusCode(), out.length == 0 ? -1 : out.length);
                    exchange.getResponseBody().write(out);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
