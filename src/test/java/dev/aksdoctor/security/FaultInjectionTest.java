package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults around an investigation: ARM throttling and failing, Slack rate-limiting the final update. Each time the
 * investigation ends answered, exactly one answer message carries the final form, and the row records it.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@QuarkusTestResource(value = FakeSlackResource.class, restrictToAnnotatedClass = true)
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
        List<FakeSlackApi.Call> updates = slack.calls("chat.update").stream()
                .filter(c -> channel.equals(c.param("channel"))).toList();
        assertTrue(updates.stream().allMatch(u -> row.answerTs.equals(u.param("ts"))), "every update edits the one answer");
        FakeSlackApi.Call last = updates.get(updates.size() - 1);
        assertTrue(!last.param("blocks").contains("checks queued"), "the last update is the final form: " + last.param("blocks"));
    }
}
