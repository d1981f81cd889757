package dev.aksdoctor.bench;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.testing.AppProcess;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.SlackRequests;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ack of the first slash sub-command a replica gets after start, when nothing is warm yet (Quartz, the ARM session,
 * Hibernate's queries, Bolt's handlers): a fresh packaged app per sub-command, the command sent as soon as readiness
 * answers, against the fake Slack and the fake ARM (behind TLS, {@code -Dlatency} ms per call, default 100). Slack
 * shows {@code operation_timeout} past 3 s, so each ack is printed beside that limit, with the time until the work
 * done after the ack reached Slack (response_url or a channel message).
 *
 * <p>Run: {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -q -Pbench test-compile exec:exec
 * -Dbench.main=dev.aksdoctor.bench.ColdAckBenchmark} (options as for {@link TimeToAnswerBenchmark}: {@code -Dcds},
 * {@code -Dlatency}, {@code -Dapp.jvm.args}).
 */
public final class ColdAckBenchmark {

    static final double SLACK_ACK_LIMIT_MS = 3000;

    static final List<String> COMMANDS = List.of(
            "watch " + ArmWorld.CLUSTER_ID,
            "digest now",
            "use " + ArmWorld.RG + "/" + ArmWorld.NAME,
            "alerts on " + ArmWorld.CLUSTER_ID,
            "digest schedule \"0 0 9 * * ?\"");

    private ColdAckBenchmark() {
    }

    public static void main(String[] args) {
        TimeToAnswerBenchmark.runThenExit(ColdAckBenchmark::run);
    }

    static void run() throws Exception {
        Path appDir = TimeToAnswerBenchmark.packagedApp();
        Path work = Files.createTempDirectory("aksdoctor-coldack");
        Optional<Path> archive = TimeToAnswerBenchmark.CDS ? Optional.of(TimeToAnswerBenchmark.writeAppCds(appDir))
                : Optional.empty();
        try (FakeSlackApi slack = new FakeSlackApi(); FakeArm arm = FakeArm.start();
             ArmTlsFront front = ArmTlsFront.start(arm, work)) {
            Map<String, String> env = TimeToAnswerBenchmark.env(slack, front);
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            System.out.printf("%nFirst slash sub-command after start: %d cores, load %s, ARM +%d ms per call, AppCDS %s%n",
                    Runtime.getRuntime().availableProcessors(), load, TimeToAnswerBenchmark.LATENCY_MS,
                    archive.isPresent() ? "on" : "off");
            System.out.printf("  %-40s %10s %10s %14s%n", "sub-command", "ack ms", "÷ 3 s", "work done ms");
            for (int i = 0; i < COMMANDS.size(); i++) {
                arm.reset();
                new ArmWorld().install(arm);
                arm.latency(Duration.ofMillis(TimeToAnswerBenchmark.LATENCY_MS));
                slack.reset();
                try (AppProcess app = AppProcess.start("coldack-" + i, appDir, env,
                        TimeToAnswerBenchmark.jvmArgs(front, archive))) {
                    TimeToAnswerBenchmark.awaitReady(app);
                    String channel = "CCOLD" + i;
                    long sent = System.nanoTime();
                    HttpResponse<String> ack = app.postSignedForm(form(COMMANDS.get(i), channel, slack));
                    double ackMs = (System.nanoTime() - sent) / 1e6;
                    if (ack.statusCode() != 200) {
                        throw new IllegalStateException(COMMANDS.get(i) + " not acked: " + ack.statusCode() + " "
                                + ack.body() + "\n" + app.logTail());
                    }
                    double doneMs = awaitFollowUp(slack, channel, sent);
                    String shown = COMMANDS.get(i).length() > 40 ? COMMANDS.get(i).substring(0, 37) + "..."
                            : COMMANDS.get(i);
                    System.out.printf("  %-40s %10.0f %10.2f %14s%n", shown, ackMs, ackMs / SLACK_ACK_LIMIT_MS,
                            Double.isNaN(doneMs) ? "(ack only)" : String.format(Locale.ROOT, "%.0f", doneMs));
                }
            }
        }
    }

    static String form(String text, String channel, FakeSlackApi slack) {
        return SlackRequests.slashCommandForm(text, slack.responseUrl(channel)).replace("channel_id=C111",
                "channel_id=" + channel);
    }

    /** Time until the first response_url answer or message in the channel; NaN when the ack said it all. */
    static double awaitFollowUp(FakeSlackApi slack, String channel, long sent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            boolean followed = slack.calls().stream().anyMatch(c -> ("response_url".equals(c.method())
                    && c.param("path").endsWith("/" + channel))
                    || (c.method().startsWith("chat.") && channel.equals(c.param("channel"))));
            if (followed) {
                return (System.nanoTime() - sent) / 1e6;
            }
            Thread.sleep(2);
        }
        return Double.NaN;
    }
}
