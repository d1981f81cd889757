package dev.aksdoctor.jobs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.testing.AppProcess;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.PostgresResource;
import dev.aksdoctor.testing.SlackRequests;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged application (the PostgreSQL build in target/quarkus-app-postgresql) as separate
 * JVMs on one PostgreSQL, one fake Slack. Run by Failsafe after {@code package}: {@code ./mvnw -B verify}.
 */
class TwoReplicasIT {

    private static final String PASTE = "Code=\"VMExtensionError_K8SAPIServerConnFail\" exit status=51 "
            + "Node 10.0.2.10 could not reach API server at 98.67.228.23:443. Connection timed out.";
    private static final String TOKEN_A = "xoxb-replica-a";
    private static final String TOKEN_B = "xoxb-replica-b";

    private static PostgresResource postgres;
    private static Map<String, String> db;
    private static FakeSlackApi slack;

    private AppProcess a;
    private AppProcess b;

    @BeforeAll
    static void startInfrastructure() {
        postgres = new PostgresResource();
        db = postgres.start();
        slack = new FakeSlackApi();
    }

    @AfterAll
    static void stopInfrastructure() {
        if (slack != null) {
            slack.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @BeforeEach
    void startReplicas() {
        slack.reset();
        a = AppProcess.start("replica-a", appDir(), env(TOKEN_A));
        b = AppProcess.start("replica-b", appDir(), env(TOKEN_B));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> a.ready() && b.ready());
    }

    @AfterEach
    void stopReplicas() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void replicaKilledMidInvestigation_otherReplicaFinishesIt_oneRootOneAnswerOneFinalUpdate() {
        // The first edit of the answer message never reaches Slack: the replica running the job is killed there.
        slack.stallNext("chat.update", 1);

        HttpResponse<String> ack = a.postSignedForm(SlackRequests.slashCommandForm(PASTE, slack.responseUrl("1")));
        assertEquals(200, ack.statusCode(), ack.body());
        assertTrue(ack.body().contains("Investigating"), ack.body());

        await().atMost(Duration.ofSeconds(60)).until(() -> !slack.stalled().isEmpty());
        boolean ranOnA = slack.stalled().get(0).param("_authorization").contains(TOKEN_A);
        // Progress edits are coalesced and skipped when the checks finish at once (as here, with Azure off), so
        // the stalled edit is either a progress edit (the job dies mid-run) or the final answer (it dies mid-delivery).
        boolean diedMidRun = String.valueOf(slack.stalled().get(0).param("text")).startsWith("AKS Doctor is investigating");
        AppProcess victim = ranOnA ? a : b;
        String survivorToken = ranOnA ? TOKEN_B : TOKEN_A;
        long id = single("select id from investigation", Long.class);
        assertEquals(0L, single(delivered(id), Long.class), "killed before the answer was delivered");
        victim.kill();

        await().atMost(Duration.ofSeconds(60)).until(
                () -> single(delivered(id), Long.class) == 1L);

        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertEquals(2, posts.size(), () -> "one root and one answer message, not re-posted: " + posts);
        List<FakeSlackApi.Call> finals = finalUpdates();
        assertEquals(1, finals.size(), () -> "one final answer: " + finals);
        FakeSlackApi.Call answer = finals.get(0);
        assertEquals(single("select answer_ts from investigation where id = " + id, String.class), answer.param("ts"),
                "the final answer edits the message posted before the kill");
        assertTrue(answer.param("_authorization").contains(survivorToken), "the surviving replica delivered it");
        assertTrue(answer.param("blocks").contains("VMExtensionError_K8SAPIServerConnFail"), answer.param("blocks"));
        assertEquals("ANSWERED", single("select status from investigation where id = " + id, String.class));
        // Died mid-run: the survivor runs it again. Died mid-delivery: the answer was claimed, so the survivor
        // delivers it without a second run.
        assertEquals(diedMidRun ? 2 : 1, single("select attempts from investigation where id = " + id, Integer.class).intValue(),
                diedMidRun ? "run once on each replica" : "claimed answer delivered by the survivor, not run again");
    }

    @Test
    void scheduleFiresOnTwoReplicas_eachSlotPostedOnce() {
        String channelDigests = "select count(*) from digest_run where channel = 'C111'";
        long runsBefore = single(channelDigests, Long.class);
        HttpResponse<String> watch = a.postSignedForm(SlackRequests.slashCommandForm("watch " + ArmWorld.CLUSTER_ID,
                slack.responseUrl("1")));
        assertEquals(200, watch.statusCode(), watch.body());
        HttpResponse<String> schedule = b.postSignedForm(SlackRequests.slashCommandForm(
                "digest schedule \"* * * * * ?\" UTC", slack.responseUrl("1")));
        assertTrue(schedule.body().contains("* * * * * ?"), schedule.body());

        await().atMost(Duration.ofSeconds(45)).until(() -> digests().size() >= 4);
        HttpResponse<String> unwatch = a.postSignedForm(SlackRequests.slashCommandForm("unwatch " + ArmWorld.CLUSTER_ID,
                slack.responseUrl("1")));
        assertEquals(200, unwatch.statusCode(), unwatch.body());
        Supplier<Long> runs = () -> single(channelDigests, Long.class) - runsBefore;
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofSeconds(2))
                .until(() -> runs.get() == digests().size());

        List<FakeSlackApi.Call> digests = digests();
        assertTrue(digests.size() >= 4, "the schedule fired several times: " + digests.size());
        assertEquals(runs.get().longValue(), digests.size(), "one post per slot, never two replicas for one slot");
        assertTrue(digests.stream().allMatch(d -> "C111".equals(d.param("channel"))));
    }

    private static String delivered(long id) {
        return "select count(*) from investigation where answered_at is not null and id = " + id;
    }

    private static List<FakeSlackApi.Call> digests() {
        return slack.calls("chat.postMessage").stream().filter(c -> "C111".equals(c.param("channel")))
                .collect(Collectors.toList());
    }

    /** Updates that carry an answer, not the live progress of the checks. */
    private static List<FakeSlackApi.Call> finalUpdates() {
        return slack.calls("chat.update").stream()
                .filter(c -> !String.valueOf(c.param("text")).startsWith("AKS Doctor is investigating"))
                .collect(Collectors.toList());
    }

    private static Map<String, String> env(String botToken) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", db.get("quarkus.datasource.username"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.get("quarkus.datasource.password"));
        env.put("SLACK_SIGNING_SECRET", FakeSlackResource.SIGNING_SECRET);
        env.put("SLACK_BOT_TOKEN", botToken);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("SLACK_CHANNEL_POST_INTERVAL", "0s");
        env.put("AKS_DOCTOR_AZURE_ENABLED", "false");
        env.put("AKS_DOCTOR_JOBS_POLL_INTERVAL", "1s");
        env.put("AKS_DOCTOR_JOBS_CLUSTER_CHECKIN_INTERVAL", "2s");
        // The test's schedule fires every second; production refuses anything more often than hourly.
        env.put("AKS_DOCTOR_DIGEST_MIN_INTERVAL", "1s");
        return env;
    }

    private static Path appDir() {
        return Path.of(System.getProperty("aksdoctor.app.dir", "target/quarkus-app-postgresql"));
    }

    private static <T> T single(String sql, Class<T> type) {
        try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            assertTrue(r.next(), "no row for " + sql);
            T value = r.getObject(1, type);
            assertTrue(!r.next(), "more than one row for " + sql);
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
