package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.jobs.DurableScheduler;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 10: a channel's first {@code watch} creates its digest trigger (a clustered Quartz write) after the
 * ack, not before: the ack comes within Slack's 3 s, and the trigger follows.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class WatchAckOffThePathTest {

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    DurableScheduler scheduler;

    @Inject
    DigestStore digests;

    @Test
    void firstWatchOfAChannel_acksWithinThreeSeconds_thenTheDigestIsScheduled() {
        String channel = "CFIRSTWATCH1";
        long started = System.nanoTime();
        TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, channel, "UWATCH9", "watch " + ArmWorld.CLUSTER_ID,
                        TrustRequests.newTrigger(), slack.responseUrl("watch")))
                .then().statusCode(200).body("text", containsString("0 0 9 ? * MON-FRI"));
        Duration ack = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(ack.compareTo(Duration.ofSeconds(3)) < 0, "acked after " + ack);
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.exists("digest", channel)
                && digests.schedule(channel).isPresent());
        digests.unwatch(channel, ArmWorld.CLUSTER_ID);
    }
}
