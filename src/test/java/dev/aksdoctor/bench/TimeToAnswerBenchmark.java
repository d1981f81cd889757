package dev.aksdoctor.bench;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.NetworkWatcherWorld;
import dev.aksdoctor.testing.AppProcess;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.SlackRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Time to answer, end to end: the packaged app (target/quarkus-app) in a JVM of its own, the fake Slack, and the
 * fake ARM adding {@code -Dlatency} ms (default 100) to every call, behind TLS ({@link ArmTlsFront}) because the
 * SDK sends bearer tokens over HTTPS only. For five planted misconfigurations it measures the ack, the first
 * message in the thread and the final answer (likely cause and buttons), for the first paste after start (a fresh
 * app per scenario; the paste leaves as soon as readiness answers) and for {@code -Dwarm} (default 10) later
 * pastes (median). Beside each answer time: the <em>limit</em>, the longest chain of dependent calls in the fake
 * ARM's log for that paste (a call that starts after another ended depends on it) times the latency, and the
 * ratio. For the "connection timed out" pastes also the platform-confirmed answer: the edit that adds Network
 * Watcher's verdict (the fake serves next hop, IP flow verify and effective routes as long-running operations,
 * 202 then polling after {@code Retry-After: 1}). Also the size of target/quarkus-app, start time to ready and idle
 * RSS.
 *
 * <p>Run: {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -q -Pbench test-compile exec:exec
 * -Dbench.main=dev.aksdoctor.bench.TimeToAnswerBenchmark} (options through
 * {@code -Dbench.jvm.args="-Dlatency=100 -Dwarm=10 -Dapp.jvm.args=…"}).
 */
public final class TimeToAnswerBenchmark {

    static final long LATENCY_MS = Long.getLong("latency", 100);
    static final int WARM = Integer.getInteger("warm", 10);
    static final String APP_JVM_ARGS = System.getProperty("app.jvm.args", "");
    /** As the image runs it (docker/Dockerfile): with the AppCDS archive of docker/appcds.sh. {@code -Dcds=false}: without. */
    static final boolean CDS = Boolean.parseBoolean(System.getProperty("cds", "true"));
    static final String TENANT = "22222222-3333-4444-5555-666666666666";

    /** {@code platform}: what Network Watcher sees of the planted cause (it agrees with the offline verdict). */
    record Scenario(String name, String paste, Consumer<ArmWorld> plant, Consumer<NetworkWatcherWorld> platform) {
        Scenario(String name, String paste, Consumer<ArmWorld> plant) {
            this(name, paste, plant, w -> { });
        }
    }

    static final String TIMED_OUT = "(VMExtensionError_K8SAPIServerConnFail) CSE failed with "
            + "'VMExtensionError_K8SAPIServerConnFail'. Agents are unable to establish connection to Kubernetes API "
            + "server. Node 10.240.0.4 could not reach API server at " + ArmWorld.API_SERVER_IP + ":443. Connection "
            + "timed out. Check firewall/NSG rules on port 443.\nTarget: " + ArmWorld.CLUSTER_ID;

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("NSG denies 443", TIMED_OUT,
                    w -> w.rule(w.subnetNsg, "block-api", "Outbound", "Deny", 150, "Tcp", "AzureCloud", "443"),
                    nw -> nw.ipFlow("Deny", "securityRules/block-api")),
            new Scenario("route to None", TIMED_OUT, w -> w.route("black-hole", "20.61.0.0/16", "None", null),
                    nw -> nw.nextHop("None", null, ArmWorld.ROUTE_TABLE_ID).effectiveRoutes("{\"value\":[{\"name\":"
                            + "\"black-hole\",\"source\":\"User\",\"state\":\"Active\",\"addressPrefix\":[\"20.61.0.0/16\"],"
                            + "\"nextHopType\":\"None\",\"nextHopIpAddress\":[]}]}")),
            new Scenario("ranges miss egress IP", TIMED_OUT, w -> w.authorizedRanges("203.0.113.0/24")),
            new Scenario("stopped cluster", "$ az aks start -g " + ArmWorld.RG + " -n " + ArmWorld.NAME + "\n"
                    + "(VMExtensionError_K8SAPIServerConnFail) CSE failed with 'VMExtensionError_K8SAPIServerConnFail'. "
                    + "Agents are unable to establish connection to Kubernetes API server. API server IP: "
                    + ArmWorld.API_SERVER_IP + ". Connection refused. The API server port is not accepting "
                    + "connections.\nTarget: " + ArmWorld.CLUSTER_ID,
                    w -> w.clusterProperties().putObject("powerState").put("code", "Stopped")),
            new Scenario("failed cluster + failed op", "$ az aks show --ids " + ArmWorld.CLUSTER_ID
                    + " --query \"{state:provisioningState}\"\n{\n  \"state\": \"Failed\"\n}\n\"provisioningState\": \"Failed\"",
                    w -> {
                        w.clusterProperties().put("provisioningState", "Failed");
                        w.failedOperation("Microsoft.ContainerService/managedClusters/write",
                                "VMExtensionProvisioningError", "Provisioning of VM extension vmssCSE has failed");
                    }));

    /**
     * One paste's timings in ms from the moment the signed command left; limit from the ARM call log (up to the offline
     * answer). {@code confirmed}: the edit with Network Watcher's verdict, NaN when the paste has none.
     */
    record Run(double ack, double firstThreadMessage, double finalAnswer, double confirmed, int chain, int armCalls,
            String cause) {
        double limit() {
            return chain * (double) LATENCY_MS;
        }

        double ratio() {
            return limit() == 0 ? Double.NaN : finalAnswer / limit();
        }
    }

    private TimeToAnswerBenchmark() {
    }

    public static void main(String[] args) {
        runThenExit(TimeToAnswerBenchmark::run);
    }

    /** A benchmark's body. */
    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} and exits: the fakes' server threads would keep this JVM alive after a failure. */
    static void runThenExit(Body body) {
        int status = 1;
        try {
            body.run();
            status = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    /** The packaged app, which the benchmarks start as processes of their own. */
    static Path packagedApp() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path appDir = Path.of("target/quarkus-app").toAbsolutePath();
        if (!Files.exists(appDir.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("Build first: ./mvnw -B -q package -DskipTests");
        }
        return appDir;
    }

    static void run() throws Exception {
        Path appDir = packagedApp();
        Path work = Files.createTempDirectory("aksdoctor-tta");
        Optional<Path> archive = CDS ? Optional.of(writeAppCds(appDir)) : Optional.empty();
        try (FakeSlackApi slack = new FakeSlackApi(); FakeArm arm = FakeArm.start();
             ArmTlsFront front = ArmTlsFront.start(arm, work)) {
            Map<String, String> env = env(slack, front);
            String load = Files.readString(Path.of("/proc/loadavg")).strip();

            // Start time and idle memory, on a replica that gets no traffic.
            arm.reset();
            new ArmWorld().install(arm);
            long launched = System.nanoTime();
            double startMs;
            long idleRssKb;
            List<Integer> authTests = new ArrayList<>();
            try (AppProcess app = AppProcess.start("tta-idle", appDir, env, jvmArgs(front, archive))) {
                awaitReady(app);
                startMs = (System.nanoTime() - launched) / 1e6;
                Thread.sleep(5000);
                idleRssKb = rssKb(app.pid());
            }

            List<Run> firsts = new ArrayList<>();
            Map<String, List<Run>> warm = new HashMap<>();
            for (int s = 0; s < SCENARIOS.size(); s++) {
                Scenario scenario = SCENARIOS.get(s);
                arm.reset();
                ArmWorld world = new ArmWorld();
                scenario.plant().accept(world);
                world.install(arm);
                NetworkWatcherWorld platform = new NetworkWatcherWorld().retryAfter(1);
                scenario.platform().accept(platform);
                platform.install(arm, front.baseUrl());
                arm.latency(Duration.ofMillis(LATENCY_MS));
                slack.reset();
                front.clear();
                try (AppProcess app = AppProcess.start("tta-" + s, appDir, env, jvmArgs(front, archive))) {
                    awaitReady(app);
                    firsts.add(paste(app, slack, front, scenario, "F" + s));
                    List<Run> runs = new ArrayList<>();
                    for (int i = 0; i < WARM; i++) {
                        runs.add(paste(app, slack, front, scenario, "W" + s + "x" + i));
                    }
                    warm.put(scenario.name(), runs);
                }
                authTests.add(slack.calls("auth.test").size());
            }

            System.out.printf("%nAKS Doctor time to answer (packaged app, fake Slack, fake ARM +%d ms per call over TLS)%n",
                    LATENCY_MS);
            System.out.printf("  machine: %d cores, load average %s (at start), %s (at end)%n",
                    Runtime.getRuntime().availableProcessors(), load,
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf("  %-27s %-10s %8s %10s %10s %8s %8s %6s %12s  %s%n", "scenario", "paste", "ack ms",
                    "thread ms", "answer ms", "limit ms", "ratio", "ARM", "platform ms", "likely cause");
            for (int s = 0; s < SCENARIOS.size(); s++) {
                Scenario scenario = SCENARIOS.get(s);
                print(scenario.name(), "first", firsts.get(s));
                print(scenario.name(), "warm med", median(warm.get(scenario.name())));
            }
            Run worstWarm = warm.values().stream().map(TimeToAnswerBenchmark::median)
                    .max((a, b) -> Double.compare(a.ratio(), b.ratio())).orElseThrow();
            double maxFirst = firsts.stream().mapToDouble(Run::finalAnswer).max().orElse(Double.NaN);
            double maxThread = Stream.concat(firsts.stream(), warm.values().stream().flatMap(List::stream))
                    .mapToDouble(Run::firstThreadMessage).max().orElse(Double.NaN);
            System.out.printf("  targets: warm answer <= 2x limit and <= 1000 ms (worst median: %.0f ms, %.2fx); "
                    + "first paste <= 2500 ms (worst %.0f ms); first thread message <= 500 ms (worst %.0f ms)%n",
                    worstWarm.finalAnswer(), worstWarm.ratio(), maxFirst, maxThread);
            long archiveBytes = archive.isPresent() ? Files.size(archive.get()) : 0;
            System.out.printf("  jar: %.1f MiB (target/quarkus-app)   AppCDS: %s   start: %.0f ms to /q/health/ready   "
                    + "idle RSS: %d MiB%n", (dirBytes(appDir) - archiveBytes) / 1048576.0,
                    archive.isPresent() ? String.format("%.1f MiB archive", archiveBytes / 1048576.0) : "off (-Dcds=false)",
                    startMs, idleRssKb / 1024);
            System.out.printf("  auth.test calls per start (through %d pastes): %s%n", WARM + 1, authTests);
        }
    }

    static void print(String scenario, String kind, Run r) {
        System.out.printf("  %-27s %-10s %8.0f %10.0f %10.0f %8.0f %7.2fx %6d %12s  %s%n", scenario, kind, r.ack(),
                r.firstThreadMessage(), r.finalAnswer(), r.limit(), r.ratio(), r.armCalls(),
                Double.isNaN(r.confirmed()) ? "—" : String.format("%.0f", r.confirmed()), r.cause());
    }

    /** Per column median (each column on its own). */
    static Run median(List<Run> runs) {
        return new Run(med(runs.stream().map(Run::ack).toList()),
                med(runs.stream().map(Run::firstThreadMessage).toList()),
                med(runs.stream().map(Run::finalAnswer).toList()),
                med(runs.stream().map(Run::confirmed).toList()),
                (int) Math.round(med(runs.stream().map(r -> (double) r.chain()).toList())),
                (int) Math.round(med(runs.stream().map(r -> (double) r.armCalls()).toList())),
                runs.get(runs.size() - 1).cause());
    }

    static double med(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One paste in a channel of its own (the per-channel pacing of one paste must not slow the next). */
    static Run paste(AppProcess app, FakeSlackApi slack, ArmTlsFront front, Scenario scenario, String channel)
            throws InterruptedException {
        String ch = "C" + channel.toUpperCase(java.util.Locale.ROOT);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("token", "verification_token");
        fields.put("team_id", "T111");
        fields.put("team_domain", "test-domain");
        fields.put("channel_id", ch);
        fields.put("channel_name", "aks-oncall-" + channel.toLowerCase(java.util.Locale.ROOT));
        fields.put("user_id", "W111");
        fields.put("user_name", "primary-owner");
        fields.put("command", "/aks-doctor");
        fields.put("text", scenario.paste());
        fields.put("response_url", slack.responseUrl(channel));
        fields.put("trigger_id", "111.111." + System.nanoTime());
        String form = SlackRequests.encode(fields);
        int callsBefore = front.calls().size();
        long sent = System.nanoTime();
        HttpResponse<String> ack = app.postSignedForm(form);
        double ackMs = (System.nanoTime() - sent) / 1e6;
        if (ack.statusCode() != 200 || !ack.body().contains("Investigating")) {
            throw new IllegalStateException("not acked: " + ack.statusCode() + " " + ack.body() + "\n" + app.logTail());
        }
        double thread = Double.NaN;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (Double.isNaN(thread) && slack.calls("chat.postMessage").stream()
                    .anyMatch(c -> ch.equals(c.param("channel")) && c.param("thread_ts") != null)) {
                thread = (now - sent) / 1e6;
            }
            Optional<FakeSlackApi.Call> answer = slack.calls("chat.update").stream()
                    .filter(c -> ch.equals(c.param("channel")))
                    .filter(c -> !String.valueOf(c.param("text")).startsWith("AKS Doctor is investigating"))
                    .findFirst();
            if (answer.isPresent()) {
                double answerMs = (now - sent) / 1e6;
                if (Double.isNaN(thread)) {
                    thread = answerMs;
                }
                List<ArmTlsFront.Call> calls = front.calls();
                List<ArmTlsFront.Call> mine = List.copyOf(calls.subList(callsBefore, calls.size()));
                double confirmed = scenario.paste().contains("Connection timed out")
                        ? awaitConfirmed(app, slack, ch, sent) : Double.NaN;
                return new Run(ackMs, thread, answerMs, confirmed, longestChain(mine), mine.size(), cause(answer.get()));
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no final answer within 60 s in " + ch + "\n" + app.logTail());
    }

    /** When the edit carrying Network Watcher's verdict (marked :satellite:) reached Slack, in ms after {@code sent}. */
    static double awaitConfirmed(AppProcess app, FakeSlackApi slack, String channel, long sent)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (slack.calls("chat.update").stream().anyMatch(c -> channel.equals(c.param("channel"))
                    && String.valueOf(c.param("blocks")).contains(":satellite:"))) {
                return (now - sent) / 1e6;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no platform-confirmed answer within 90 s in " + channel + "\n" + app.logTail());
    }

    /**
     * The longest chain of dependent calls: a call depends on every call that ended before it started, so the chain
     * ending at a call is one longer than the longest chain ending before its start.
     */
    static int longestChain(List<ArmTlsFront.Call> calls) {
        List<ArmTlsFront.Call> byStart = new ArrayList<>(calls);
        byStart.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        int[] chain = new int[byStart.size()];
        int best = 0;
        for (int i = 0; i < byStart.size(); i++) {
            int longest = 0;
            for (int j = 0; j < i; j++) {
                if (byStart.get(j).endNanos() <= byStart.get(i).startNanos()) {
                    longest = Math.max(longest, chain[j]);
                }
            }
            chain[i] = longest + 1;
            best = Math.max(best, chain[i]);
        }
        return best;
    }

    static String cause(FakeSlackApi.Call answer) {
        String text = String.valueOf(answer.param("text"));
        String firstLine = text.lines().findFirst().orElse("");
        boolean buttons = String.valueOf(answer.param("blocks")).contains("\"actions\"");
        return (firstLine.length() > 70 ? firstLine.substring(0, 70) + "…" : firstLine) + (buttons ? " [buttons]" : "");
    }

    static Map<String, String> env(FakeSlackApi slack, ArmTlsFront front) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_SIGNING_SECRET", FakeSlackResource.SIGNING_SECRET);
        env.put("SLACK_BOT_TOKEN", "xoxb-tta-token");
        env.put("SLACK_API_URL", slack.apiUrl());
        // One user pastes 11 times a minute here, past the per-user limit meant for people.
        env.put("AKS_DOCTOR_INVESTIGATIONS_PER_USER_PER_MINUTE", "1000");
        env.put("AKS_DOCTOR_AZURE_CLOUD", "CUSTOM");
        env.put("AKS_DOCTOR_AZURE_RESOURCE_MANAGER_URL", front.baseUrl() + "/");
        env.put("AKS_DOCTOR_AZURE_AUTHORITY_HOST", front.baseUrl() + "/");
        env.put("AKS_DOCTOR_AZURE_SUBSCRIPTIONS", ArmWorld.SUB);
        // EnvironmentCredential: a client secret the fake token endpoint accepts.
        env.put("AZURE_TENANT_ID", TENANT);
        env.put("AZURE_CLIENT_ID", "33333333-4444-5555-6666-777777777777");
        env.put("AZURE_CLIENT_SECRET", "tta-secret");
        env.put("AZURE_AUTHORITY_HOST", front.baseUrl() + "/");
        return env;
    }

    /** The same script the image build runs, so the benchmark measures the start the image has. */
    static Path writeAppCds(Path appDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker/appcds.sh", appDir.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("docker/appcds.sh failed; run with -Dcds=false to measure without AppCDS");
        }
        return appDir.resolve("app-cds.jsa");
    }

    static List<String> jvmArgs(ArmTlsFront front, Optional<Path> appCds) {
        // As AckLatencyBenchmark runs the service: its own JVM options and the heap limit of a small pod.
        List<String> args = new ArrayList<>(List.of(AppProcess.serviceJvmOptions(), "-Xmx512m"));
        appCds.ifPresent(a -> args.add("-XX:SharedArchiveFile=" + a));
        args.addAll(front.trustArgs());
        if (!APP_JVM_ARGS.isBlank()) {
            args.addAll(List.of(APP_JVM_ARGS.strip().split("\\s+")));
        }
        return args;
    }

    static void awaitReady(AppProcess app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (app.ready()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(app.name() + " not ready within 120 s:\n" + app.logTail());
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static long dirBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
