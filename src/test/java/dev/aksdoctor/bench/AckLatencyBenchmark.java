package dev.aksdoctor.bench;

import dev.aksdoctor.testing.AppProcess;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.SlackRequests;
import dev.aksdoctor.testing.SlackSigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * the packaged AKS Doctor (target/quarkus-app) and, beside it, a bare Bolt app that only acks ({@link BareBoltApp}),
 * each in a JVM of its own. Also
 * start-up time and idle memory of AKS Doctor. All traffic stays on loopback; Slack is a local fake.
 * Each client is closed-loop (the next command leaves when the previous ack arrives) on its own keep-alive
 * connection; both apps get the same JIT warm-up (100 commands per client by default) before measuring.
 * Options: {@code -Dclients}, {@code -Drequests} and {@code -Dwarmup} (per client), {@code -Dapp.jvm.args} (for the
 * service's JVM), passed through Maven as {@code -Dbench.jvm.args="-Dclients=100 -Drequests=200"}.
 *
 * <p>Run: {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -q -Pbench test-compile exec:exec
 * -Dbench.main=dev.aksdoctor.bench.AckLatencyBenchmark}
 */
public final class AckLatencyBenchmark {

    static final String SECRET = "bench-signing-secret-0123456789abcdef";
    static final int CLIENTS = Integer.getInteger("clients", 50);
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("requests", 100);
    static final int WARMUP_PER_CLIENT = Integer.getInteger("warmup", 100);
    /** Commands spread over this many channels: 10,000 commands stay under the default 20 per channel a minute. */
    static final int CHANNELS = 1000;
    static final AtomicInteger SENT = new AtomicInteger();
    static final String PASTE = "(VMExtensionError_K8SAPIServerConnFail) Agents are unable to establish connection to "
            + "Kubernetes API server. Node 10.0.2.10 could not reach API server at 98.67.228.23:443. Connection timed out.";

    public static void main(String[] args) throws Exception {
        // The fake Slack runs on the JDK HTTP server, which writes headers and body separately; with Nagle on,
        // the body waits for the client's delayed ACK and every call takes ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build first: ./mvnw -B -q package -DskipTests");
        }
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Path dataDir = Files.createTempDirectory("aksdoctor-bench");
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            List<String> command = new ArrayList<>(List.of("java", AppProcess.serviceJvmOptions(), "-Xmx512m"));
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
            // The default per-user and per-channel limits hold: each command comes from a user of its own, in one of
            // CHANNELS channels, so none reaches a limit (a busy workspace, not one user pasting 10,000 times).
            long launched = System.nanoTime();
            Process app = pb.start();
            try {
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS))
                        .connectTimeout(Duration.ofSeconds(5)).build();
                Duration startup = awaitReady(http, base + "/q/health/ready", launched);
                Thread.sleep(3000); // let start-up work settle before reading idle memory
                long rssKb = rssKb(app.pid());

                Process bare = startBareApp(slack.apiUrl(), dataDir);
                try {
                    String bareUrl = "http://127.0.0.1:" + readPort(bare) + "/slack/events";
                    // The bare app and the refused-request floor run first, while AKS Doctor is idle: the
                    // background investigations its own warm-up queues must not slow them down.
                    Stats bareWarm = load(bareUrl, WARMUP_PER_CLIENT, slack, true);
                    long bareCpuBefore = cpuMillis(bare.pid());
                    Stats bareStats = load(bareUrl, REQUESTS_PER_CLIENT, slack, true);
                    long bareCpu = cpuMillis(bare.pid()) - bareCpuBefore;
                    // Wrongly signed commands are refused before Bolt and the database: what remains is the
                    // HTTP stack (Vert.x, Undertow servlet, metrics filter) and the signature check.
                    load(base + "/slack/events", WARMUP_PER_CLIENT, slack, false);
                    long floorCpuBefore = cpuMillis(app.pid());
                    Map<String, Long> floorThreadsBefore = cpuByThreadGroup(app.pid());
                    Stats floor = load(base + "/slack/events", REQUESTS_PER_CLIENT, slack, false);
                    long floorCpu = cpuMillis(app.pid()) - floorCpuBefore;
                    Map<String, Long> floorThreadsAfter = cpuByThreadGroup(app.pid());
                    Stats oursWarm = load(base + "/slack/events", WARMUP_PER_CLIENT, slack, true);
                    long cpuBefore = cpuMillis(app.pid());
                    Map<String, Long> threadsBefore = cpuByThreadGroup(app.pid());
                    Stats ours = load(base + "/slack/events", REQUESTS_PER_CLIENT, slack, true);
                    long cpuUsed = cpuMillis(app.pid()) - cpuBefore;
                    Map<String, Long> threadsAfter = cpuByThreadGroup(app.pid());
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
                            + "%.3f ms per refused one; bare app %.3f ms per command%n",
                            (double) cpuUsed / Math.max(1, ours.count()), (double) floorCpu / Math.max(1, floor.count()),
                            (double) bareCpu / Math.max(1, bareStats.count()));
                    System.out.printf("  CPU by thread : commands: %s%n", cpuDelta(threadsBefore, threadsAfter));
                    System.out.printf("                  refused: %s%n", cpuDelta(floorThreadsBefore, floorThreadsAfter));
                    System.out.printf("  start-up      : %d ms to /q/health/ready 200 (JVM launch included)%n", startup.toMillis());
                    System.out.printf("  idle memory   : %d MiB resident (RSS), -Xmx512m%n", rssKb / 1024);
                } finally {
                    bare.destroy();
                    bare.waitFor();
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
                        int sequence = SENT.getAndIncrement();
                        String form = SlackRequests.slashCommandForm(PASTE + " #" + client + "-" + i,
                                slack.responseUrl("bench"), "UB" + sequence, "CB" + sequence % CHANNELS);
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

    /** The bare Bolt app, in a JVM of its own with the same JVM options and heap limit as AKS Doctor. */
    static Process startBareApp(String slackApiUrl, Path dataDir) throws IOException {
        return new ProcessBuilder("java", AppProcess.serviceJvmOptions(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), BareBoltApp.class.getName(), SECRET, slackApiUrl)
                .redirectError(dataDir.resolve("bare-app.log").toFile())
                .start();
    }

    static int readPort(Process bare) throws IOException {
        String line = new BufferedReader(new InputStreamReader(bare.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalStateException("The bare Bolt app did not start; see bare-app.log in the data directory");
        }
        return Integer.parseInt(line.strip());
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

    /** CPU milliseconds per thread group (thread name with digits dropped), from /proc/<pid>/task. */
    static Map<String, Long> cpuByThreadGroup(long pid) throws IOException {
        Map<String, Long> groups = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+$", "");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    groups.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10, Long::sum);
                } catch (IOException e) {
                    // the thread ended while being read
                }
            }
        }
        return groups;
    }

    static String cpuDelta(Map<String, Long> before, Map<String, Long> after) {
        List<String> parts = new ArrayList<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getKey() + " " + e.getValue() + " ms"));
        return String.join(", ", parts);
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
}
