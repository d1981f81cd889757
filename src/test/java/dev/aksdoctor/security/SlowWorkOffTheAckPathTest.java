package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.jobs.DurableScheduler;
import dev.aksdoctor.jobs.SlowDurableScheduler;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "slow work off the ack path": with ARM and the clustered job store as slow as on a cold replica, every
 * slash sub-command acks well within Slack's 3 s, and what it started (an ARM lookup, a Quartz write) still happens
 * after the ack, its result arriving through the response_url or in the channel.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class SlowWorkOffTheAckPathTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    /** Each slow step takes longer than this, so a sub-command that waited for one could not ack in time. */
    static final Duration ACK_WITHIN = Duration.ofSeconds(2);
    static final Duration ARM_LATENCY = Duration.ofMillis(1_500);
    static final Duration JOB_STORE_WRITE = Duration.ofSeconds(3);

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    ClusterInventory inventory;

    @Inject
    DurableScheduler scheduler;

    @Inject
    DigestStore digests;

    @BeforeEach
    void slowDown() {
        slack.reset();
        ARM.reset();
        new ArmWorld().install(ARM);
        SlowDurableScheduler.delayWrites(JOB_STORE_WRITE);
    }

    @AfterEach
    void speedUp() {
        SlowDurableScheduler.delayWrites(Duration.ZERO);
        ARM.latency(Duration.ZERO);
    }

    @Test
    void useByName_onAColdClusterList_acksAtOnceAndAnswersThroughTheResponseUrl() {
        String channel = "CSLOWUSE1";
        inventory.forget();
        ARM.latency(ARM_LATENCY);

        // Listing means the subscriptions, then the clusters of each: two ARM calls, 3 s at this latency.
        command(channel, "USLOW1", "use " + ArmWorld.RG + "/" + ArmWorld.NAME, "use")
                .then().body("text", org.hamcrest.Matchers.containsString("Looking for"));

        FakeSlackApi.Call answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.last("response_url").orElse(null), c -> c != null);
        assertTrue(answer.param("path").endsWith("/use") && answer.rawBody().contains("now default to"),
                answer.rawBody());
    }

    @Test
    void watchDigestAndAlerts_withASlowJobStore_ackAtOnceAndTheWritesFollow() {
        String channel = "CSLOWJOBS1";
        try {
            command(channel, "USLOW2", "watch " + ArmWorld.CLUSTER_ID, "watch");
            command(channel, "USLOW2", "digest now", "now")
                    .then().body("text", org.hamcrest.Matchers.containsString("Building the digest"));
            command(channel, RateAndScheduleLimitsTest.EDITOR, "digest schedule \"0 0 * * * ?\" UTC", "schedule")
                    .then().body("response_type", org.hamcrest.Matchers.equalTo("in_channel"));
            command(channel, "USLOW2", "alerts on " + ArmWorld.CLUSTER_ID, "alerts");
            command(channel, "USLOW2", "watching", "watching");
            command(channel, "USLOW2", "status", "status");

            await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.exists("digest", channel)
                    && digests.schedule(channel).map(s -> "0 0 * * * ?".equals(s.cron)).orElse(false));
            await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").stream()
                    .anyMatch(c -> channel.equals(c.param("channel"))));
            command(channel, "USLOW2", "unwatch " + ArmWorld.CLUSTER_ID, "unwatch");
        } finally {
            digests.unwatch(channel, ArmWorld.CLUSTER_ID);
        }
    }

    private Response command(String channel, String user, String text, String responseId) {
        long started = System.nanoTime();
        Response response = TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, channel, user, text,
                TrustRequests.newTrigger(), slack.responseUrl(responseId)));
        Duration ack = Duration.ofNanos(System.nanoTime() - started);
        response.then().statusCode(200);
        assertTrue(ack.compareTo(ACK_WITHIN) < 0, "`" + text + "` acked after " + ack);
        return response;
    }
}
