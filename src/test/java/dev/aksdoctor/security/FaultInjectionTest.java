package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.UnavailableInvestigationStore;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults around an investigation: ARM throttling, failing and hanging, Slack rate-limiting or failing the final
 * update, the database not answering at the ack. Each time the investigation ends answered (saying what it could not check, never an all-clear), exactly one
 * answer message carries the final form, and the row records it.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class FaultInjectionTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final String PASTE = "Code=\"VMExtensionError_K8SAPIServerConnFail\" exit status=51 Node 10.0.2.10 could not "
            + "reach API server at 20.61.1.10:443. Connection timed out. " + ArmWorld.CLUSTER_ID;

    @InjectFakeSlack
    FakeSlackApi slack;

    @BeforeEach
    void reset() {
        slack.reset();
        ARM.reset();
        new ArmWorld().install(ARM);
    }

    @Test
    void armThrottlesThenFails_investigationAnswersOnce() {
        for (int i = 0; i < 3; i++) {
            ARM.throttleOnce("GET", ArmWorld.CLUSTER_ID, 1);
        }
        ARM.respond("GET", ArmWorld.VNET_ID, 500, FakeArm.error("InternalServerError", "Something failed."), Map.of());

        Investigation row = paste("CFAULT1", "UFAULT1");

        assertEquals(InvestigationStatus.ANSWERED, row.status);
        assertOneFinalAnswer("CFAULT1", row);
    }

    @Test
    void slackRateLimitsTheFinalUpdate_oneFinalAnswerNothingLost() {
        // The running updates and the final one share chat.update: the first two calls are refused, then retried.
        slack.failNext("chat.update", "ratelimited", "ratelimited");

        Investigation row = paste("CFAULT2", "UFAULT2");

        assertEquals(InvestigationStatus.ANSWERED, row.status);
        assertOneFinalAnswer("CFAULT2", row);
    }

    @Test
    void armThrottlesEveryCall_answerSaysWhatCouldNotBeCheckedAndTheStormIsNotAmplified() {
        // A storm: every read of the cluster is refused, Retry-After 0 so that the SDK's retries do not sleep.
        ARM.respond("GET", ArmWorld.CLUSTER_ID, 429, FakeArm.error("TooManyRequests", "The request is being throttled."),
                Map.of("Retry-After", "0"));

        Investigation row = paste("CFAULT3", "UFAULT3");

        assertEquals(InvestigationStatus.ANSWERED, row.status);
        assertOneFinalAnswer("CFAULT3", row);
        String answer = finalAnswer("CFAULT3");
        assertTrue(answer.contains("Could not check") && answer.contains("ARM throttled the requests"), answer);
        assertFalse(answer.contains("looks right"), "not an all-clear: " + answer);
        // Every check needs the cluster: it is asked for once per investigation (and the SDK's retries), not per check.
        assertTrue(ARM.count("GET", ArmWorld.CLUSTER_ID) <= 4, "cluster reads: " + ARM.count("GET", ArmWorld.CLUSTER_ID));
    }

    @Test
    void armHangs_answerWithinTheTimeBoxSaysWhatCouldNotBeChecked() {
        // Accepted and never answered: each attempt is cut by aks-doctor.azure.read-timeout (TrustProfile), and the
        // checks waiting on it by aks-doctor.azure.check-timeout, counted once for all of them.
        ARM.hang("GET", ArmWorld.CLUSTER_ID);
        long started = System.nanoTime();

        Investigation row = paste("CFAULT4", "UFAULT4");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(InvestigationStatus.ANSWERED, row.status);
        assertEquals("no_cause", row.outcome);
        assertOneFinalAnswer("CFAULT4", row);
        String answer = finalAnswer("CFAULT4");
        assertTrue(answer.contains("Could not check") && answer.contains("Timed out after"), answer);
        assertFalse(answer.contains("looks right"), "not an all-clear: " + answer);
        assertTrue(ARM.count("GET", ArmWorld.CLUSTER_ID) >= 1, "the cluster was asked for");
        // The hung read (and the SDK's retries of it) would take 4 × 2 s and more; the check box is 4 s.
        assertTrue(took.compareTo(TrustProfile.CHECK_TIMEOUT.plusSeconds(6)) < 0, "answered after " + took);

        // The hung read is still being retried in the background: release it and let its last attempt land here,
        // not in the next test's counts.
        long asked = ARM.count("GET", ArmWorld.CLUSTER_ID);
        reset();
        await().atMost(Duration.ofSeconds(15)).until(() -> ARM.count("GET", ArmWorld.CLUSTER_ID) > 0
                || asked >= 4);
    }

    @Test
    void slackFailsTheFinalUpdateWithServerErrors_itIsRepeatedAndAnsweredOnce() {
        // chat.update is an edit: repeating it after a 5xx cannot post twice. (A progress edit may take the first.)
        slack.failNext("chat.update", "http_500", "http_500");

        Investigation row = paste("CFAULT5", "UFAULT5");

        assertEquals(InvestigationStatus.ANSWERED, row.status);
        assertOneFinalAnswer("CFAULT5", row);
        long finalAttempts = updates("CFAULT5").stream().filter(u -> !u.param("blocks").contains("checks queued")).count();
        assertTrue(finalAttempts >= 2, "the final update was refused once and repeated: " + finalAttempts);
    }

    @Test
    void databaseDownAtTheAck_theUserIsToldAndNothingIsHalfWritten() {
        UnavailableInvestigationStore.databaseDown(true);
        try {
            TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, "CFAULT6", "UFAULT6", PASTE,
                            TrustRequests.newTrigger(), slack.responseUrl("fault")))
                    .then().statusCode(200)
                    .body("response_type", equalTo("ephemeral"))
                    .body("text", containsString("my database is not answering, so no investigation started"))
                    .body("text", not(containsString("Exception")));
        } finally {
            UnavailableInvestigationStore.databaseDown(false);
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Investigation.count("channel", "CFAULT6")),
                "no row");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> slack.calls().stream()
                .noneMatch(c -> "CFAULT6".equals(c.param("channel"))));

        // Pasted again once the database answers: investigated as usual, once.
        Investigation row = paste("CFAULT6", "UFAULT6");
        assertEquals(InvestigationStatus.ANSWERED, row.status);
        assertOneFinalAnswer("CFAULT6", row);
    }

    Investigation paste(String channel, String user) {
        TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, channel, user, PASTE, TrustRequests.newTrigger(),
                slack.responseUrl("fault"))).then().statusCode(200);
        await().atMost(Duration.ofSeconds(120)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.<Investigation>find("channel", channel).firstResultOptional()
                        // ANSWERED is claimed before the final update is posted: wait for delivery (or a failure)
                        .map(i -> i.answeredAt != null || i.status == InvestigationStatus.FAILED
                                || i.status == InvestigationStatus.TIMED_OUT).orElse(false)));
        return QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>find("channel", channel).firstResult());
    }

    void assertOneFinalAnswer(String channel, Investigation row) {
        assertNotNull(row.answeredAt, "the final answer is recorded as delivered");
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.param("channel"))).toList();
        assertEquals(2, posts.size(), "one root message and one answer message");
        List<FakeSlackApi.Call> updates = updates(channel);
        assertTrue(updates.stream().allMatch(u -> row.answerTs.equals(u.param("ts"))), "every update edits the one answer");
        FakeSlackApi.Call last = updates.get(updates.size() - 1);
        assertTrue(!last.param("blocks").contains("checks queued"), "the last update is the final form: " + last.param("blocks"));
    }

    List<FakeSlackApi.Call> updates(String channel) {
        return slack.calls("chat.update").stream().filter(c -> channel.equals(c.param("channel"))).toList();
    }

    String finalAnswer(String channel) {
        List<FakeSlackApi.Call> updates = updates(channel);
        return updates.get(updates.size() - 1).param("blocks");
    }
}
