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
 * Each client is closed-loop (the next command leaves when the previous ack arrives) on its own keep-alive
 * connection; both apps get the same JIT warm-up (100 commands per client by default) before measuring.
 * Options: {@code -Dclients}, {@code -Drequests} and {@code -Dwarmup} (per client), {@code -Dapp.jvm.args}.
 *
 * <p>Run: {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -q -Pbench test-compile exec:exec
 * -Dbench.main=dev.aksdoctor.bench.AckLatencyBenchmark}
 */
public final class AckLatencyBenchmark {

    static final String SECRET = "bench-signing-secret-0123456789abcdef";
    static final int CLIENTS = Integer.getInteger("clients", 50);
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("requests", 100);
    static final int WARMUP_PER_CLIENT = Integer.getInteger("warmup", 100);
    static final String PASTE = "(VMExtensionError_K8SAPIServerConnFail) Agents are unable to establish connection to "
            + "Kubernetes API server. Node 10.0.2.10 could not reach API server at 98.67.228.23:443. Connection timed out.";

    public static void main(String[] args) throws Exception {
        // The JDK HTTP server (bare app, fake Slack) writes headers and body separately; with Nagle on, the
        // body waits for the client's delayed ACK and every request takes ~40 ms whatever the app does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build first: ./mvnw -B -q package -DskipTests");
        }
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Path dataDir = Files.createTempDirectory("aksdoctor-bench");
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            List<String> command = new ArrayList<>(List.of("java", "-Dfile.encoding=UTF-8", "-Xmx512m"));
            // e.g. -Dapp.jvm.args=-XX:StartFlightRecording=filename=/tmp/app.jfr to profile the service under load
            String extraJvmArgs = System.getProperty("app.jvm.args", "").strip();
            if (!extraJvmArgs.isEmpty()) {
                command.addAll(List.of(extraJvmArgs.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
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
                    // The bare app and the refused-request floor run first, while AKS Doctor is idle: the
                    // background investigations its own warm-up queues must not slow them down.
                    Stats bareWarm = load(bare.url(), WARMUP_PER_CLIENT, slack, true);
                    Stats bareStats = load(bare.url(), REQUESTS_PER_CLIENT, slack, true);
                    // Wrongly signed commands are refused before Bolt and the database: what remains is the
                    // HTTP stack (Vert.x, Undertow servlet, metrics filter) and the signature check.
                    load(base + "/slack/events", WARMUP_PER_CLIENT, slack, false);
                    long floorCpuBefore = cpuMillis(app.pid());
                    Stats floor = load(base + "/slack/events", REQUESTS_PER_CLIENT, slack, false);
                    long floorCpu = cpuMillis(app.pid()) - floorCpuBefore;
                    Stats oursWarm = load(base + "/slack/events", WARMUP_PER_CLIENT, slack, true);
                    long cpuBefore = cpuMillis(app.pid());
                    Stats ours = load(base + "/slack/events", REQUESTS_PER_CLIENT, slack, true);
                    long cpuUsed = cpuMillis(app.pid()) - cpuBefore;
                    System.out.printf("%nAKS Doctor ack latency benchmark (%d clients x %d signed slash commands, loopback, fake Slack)%n",
                            CLIENTS, REQUESTS_PER_CLIENT);
                    System.out.printf("  warm-up discarded: bare %d requests, AKS Doctor %d requests%n", bareWarm.count(), oursWarm.count());
                    System.out.printf("  bare Bolt app : median %6.2f ms  p99 %6.2f ms  (%d ok, %d errors)%n",
                            bareStats.median(), bareStats.p99(), bareStats.count(), bareStats.errors());
                    System.out.printf("  AKS Doctor    : median %6.2f ms  p99 %6.2f ms  (%d ok, %d errors)%n",
                            ours.median(), ours.p99(), ours.count(), ours.errors());
                    System.out.printf("  ratio         : median %.2fx  p99 %.2fx%n", ours.median() / bareStats.median(),
                            ours.p99() / bareStats.p99());
                    System.out.printf("  HTTP floor    : median %6.2f ms  p99 %6.2f ms  (AKS Doctor answering 401 to wrongly signed commands: %d)%n",
                            floor.median(), floor.p99(), floor.count());
                    System.out.printf("  AKS Doctor CPU: %.3f ms per command while measured (background work included), "
                            + "%.3f ms per refused one%n", (double) cpuUsed / Math.max(1, ours.count()),
                            (double) floorCpu / Math.max(1, floor.count()));
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

    /**
     * Closed-loop load; a request counts when it gets 200 with "Investigating…" (signed) or 401 (signed with
     * the wrong secret); anything else is an error.
     */
    static Stats load(String url, int perClient, FakeSlackApi slack, boolean rightSecret) throws InterruptedException {
        SlackSigner signer = new SlackSigner(rightSecret ? SECRET : "not-" + SECRET);
        int expected = rightSecret ? 200 : 401;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection(URI.create(url))) {
                    for (int i = 0; i < perClient; i++) {
                        String form = SlackRequests.slashCommandForm(PASTE + " #" + client + "-" + i,
                                slack.responseUrl("bench"));
                        byte[] body = form.getBytes(StandardCharsets.UTF_8);
                        long start = System.nanoTime();
                        SlackSigner.Signed signed = signer.signNow(form);
                        try {
                            KeepAliveConnection.Answer answer = connection.postForm(body,
                                    "X-Slack-Request-Timestamp: " + signed.timestamp(),
                                    "X-Slack-Signature: " + signed.signature());
                            double ms = (System.nanoTime() - start) / 1e6;
                            // An ack must accept the paste: a "backlog, paste again" answer is not a success.
                            if (answer.status() == expected && (!rightSecret || answer.body().contains("Investigating"))) {
                                latencies.add(ms);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            connection.close();
                            errors.incrementAndGet();
                        }
                    }
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

    /** User plus system CPU time of a process, from /proc (clock ticks are 10 ms on Linux). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
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
