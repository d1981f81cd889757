package dev.aksdoctor.answer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.check.Finding;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.slack.SlackBolt;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackSettings;
import dev.aksdoctor.slack.Sleeper;
import dev.aksdoctor.testing.FakeSlackApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live progress against the fake Slack: it never holds up a check or the answer, and never lands after it. */
class ThreadProgressTest {

    private static final String CHANNEL = "C111";
    private static final String TS = "1700000000.000100";
    private static final Diagnosis DIAGNOSIS = new PasteParser().parse("(VMExtensionError_K8SAPIServerConnFail) "
            + "Node 10.240.0.4 could not reach API server at 20.61.1.10:443. Connection timed out.");

    private final List<Duration> sleeps = new ArrayList<>();
    private FakeSlackApi slack;
    private SlackGateway gateway;
    private ScheduledExecutorService sender;

    @BeforeEach
    void start() {
        slack = new FakeSlackApi();
        Sleeper counting = new Sleeper() {
            @Override
            public void sleep(Duration duration) {
                sleeps.add(duration);
            }
        };
        gateway = new SlackGateway(new SlackBolt(settings(slack.apiUrl()), List.of()), settings(slack.apiUrl()),
                new SimpleMeterRegistry(), counting, Clock.systemUTC());
        sender = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void stop() {
        sender.shutdownNow();
        slack.close();
    }

    @Test
    void slowSlack_checksNeverWait_answerFollowsLastCheckWithinOneRoundTrip_andIsTheLastEdit() {
        Duration roundTrip = Duration.ofMillis(1500);
        slack.delay("chat.update", roundTrip);
        ThreadProgress progress = new ThreadProgress(gateway, Clock.systemUTC(), sender, CHANNEL, TS, DIAGNOSIS, 5);

        long checksStarted = System.nanoTime();
        progress.checkFinished(finding(CheckId.NODE_SUBNET));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("chat.update").size() == 1);
        for (CheckId id : List.of(CheckId.NSG_OUTBOUND, CheckId.ROUTE_TABLE, CheckId.EGRESS_APPLIANCE,
                CheckId.CLUSTER_STATE)) {
            progress.checkFinished(finding(id));
        }
        Duration inChecks = Duration.ofNanos(System.nanoTime() - checksStarted);
        long lastCheck = System.nanoTime();
        progress.close();
        gateway.updateMessage(CHANNEL, TS, "answer", List.of());
        Duration toAnswer = Duration.ofNanos(System.nanoTime() - lastCheck);

        // The old way: each update on the check's thread (1.5 s each), then one more for the last check.
        assertTrue(inChecks.compareTo(roundTrip) < 0, "the checks waited for Slack: " + inChecks);
        assertTrue(toAnswer.compareTo(roundTrip.multipliedBy(2).plusMillis(900)) < 0,
                "at most the update Slack already had, then the answer: " + toAnswer);
        List<String> edits = texts();
        assertEquals(List.of("AKS Doctor is investigating " + title() + " — 1 of 5 checks done", "answer"), edits,
                "the updates coalesced behind the slow one are dropped, and nothing follows the answer");
    }

    @Test
    void fastChecks_coalescedIntoOneUpdatePerInterval_showingTheLatestState() {
        ThreadProgress progress = new ThreadProgress(gateway, Clock.systemUTC(), sender, CHANNEL, TS, DIAGNOSIS, 10);
        long first = System.nanoTime();
        progress.checkFinished(finding(CheckId.NODE_SUBNET));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("chat.update").size() == 1);
        progress.checkFinished(finding(CheckId.NSG_OUTBOUND));
        progress.checkFinished(finding(CheckId.ROUTE_TABLE));
        progress.checkFinished(finding(CheckId.EGRESS_APPLIANCE));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("chat.update").size() == 2);
        // At least the interval between the first update leaving and the second arriving.
        Duration spacing = Duration.ofNanos(System.nanoTime() - first);
        progress.close();

        assertTrue(spacing.compareTo(ThreadProgress.MIN_INTERVAL.minusMillis(50)) >= 0, "spaced out: " + spacing);
        assertTrue(texts().get(1).endsWith("4 of 10 checks done"), texts().toString());
        assertEquals(2, slack.calls("chat.update").size());
    }

    @Test
    void rateLimitedProgress_notRetried_noMoreProgress_answerStillRetriedAfterRetryAfter() throws Exception {
        slack.failNext("chat.update", "ratelimited");
        ThreadProgress progress = new ThreadProgress(gateway, Clock.systemUTC(), sender, CHANNEL, TS, DIAGNOSIS, 3);
        progress.checkFinished(finding(CheckId.NODE_SUBNET));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("chat.update").size() == 1);
        Thread.sleep(ThreadProgress.MIN_INTERVAL.toMillis() + 200); // nothing to await: proving an absence
        progress.checkFinished(finding(CheckId.NSG_OUTBOUND));
        progress.close();
        assertEquals(1, slack.calls("chat.update").size(), "no progress after Slack said ratelimited");
        assertTrue(sleeps.isEmpty(), "progress never sleeps out a Retry-After: " + sleeps);

        slack.failNext("chat.update", "ratelimited");
        gateway.updateMessage(CHANNEL, TS, "answer", List.of());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps, "the answer waits Retry-After, then is sent again");
        assertEquals("answer", texts().get(texts().size() - 1));
    }

    private List<String> texts() {
        return slack.calls("chat.update").stream().map(c -> c.param("text")).collect(Collectors.toList());
    }

    private static String title() {
        String running = dev.aksdoctor.reply.InvestigationReplyRenderer.runningText(DIAGNOSIS, 0, 1);
        return running.substring("AKS Doctor is investigating ".length(), running.lastIndexOf(" — "));
    }

    private static Finding finding(CheckId id) {
        return Finding.pass(id, id + " is fine", List.of(), null);
    }

    private static SlackSettings settings(String apiUrl) {
        Map<String, String> values = new HashMap<>();
        values.put("slack.api-url", apiUrl);
        values.put("slack.signing-secret", "test-signing-secret");
        values.put("slack.bot-token", "xoxb-test");
        return new SmallRyeConfigBuilder().withMapping(SlackSettings.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test"))
                .build().getConfigMapping(SlackSettings.class);
    }
}
