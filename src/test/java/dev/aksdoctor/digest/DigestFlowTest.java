package dev.aksdoctor.digest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmResource;
import dev.aksdoctor.azure.InjectFakeArm;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import dev.aksdoctor.testing.SlackRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands through signed Slack requests, the digest through the scheduler, ARM through the fake. */
@QuarkusTest
@WithTestResource(FakeSlackResource.class)
@WithTestResource(FakeArmResource.class)
class DigestFlowTest {

    @InjectFakeSlack
    FakeSlackApi slack;

    @InjectFakeArm
    FakeArm arm;

    @Inject
    PostDigest post;

    @BeforeEach
    void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            WatchedCluster.deleteAll();
            ReportedFinding.deleteAll();
            DigestSchedule.deleteAll();
        });
        slack.reset();
        arm.reset();
    }

    @Test
    void watchThenDigestNow_scheduledJobPostsTheDigest_failedPoolWithDiagnoseButton() {
        ArmWorld world = new ArmWorld();
        world.pool().put("provisioningState", "Failed");
        world.install(arm);

        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("watch " + ArmWorld.CLUSTER_ID, slack.responseUrl("1")))
                .then().statusCode(200).body("response_type", org.hamcrest.Matchers.equalTo("in_channel"))
                .body("text", containsString("added `" + ArmWorld.RG + "/" + ArmWorld.NAME + "`"))
                .body("text", containsString("0 0 9 ? * MON-FRI"));
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("watching", slack.responseUrl("1")))
                .then().statusCode(200).body("text", containsString(ArmWorld.CLUSTER_ID.toLowerCase()));

        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("digest now", slack.responseUrl("1")))
                .then().statusCode(200).body("text", containsString("Building the digest"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("chat.postMessage").isEmpty());
        FakeSlackApi.Call digest = slack.calls("chat.postMessage").get(0);
        assertEquals("C111", digest.param("channel"));
        assertTrue(digest.param("text").contains("0 healthy, 0 degraded, 1 failed"), digest.param("text"));
        assertTrue(digest.param("blocks").contains("diagnose_cluster"));
        assertTrue(digest.param("blocks").contains("*new* node pool"), digest.param("blocks"));
        assertEquals(1, arm.count("GET", ArmWorld.SUB_PATH + "/providers/Microsoft.ContainerService/managedClusters"));
        assertEquals(0, arm.count("GET", ArmWorld.CLUSTER_ID), "clusters come from the list, not one by one");
    }

    @Test
    void sameSlotTwice_secondRunPostsNothing() {
        new ArmWorld().install(arm);
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("watch " + ArmWorld.CLUSTER_ID, slack.responseUrl("1")))
                .then().statusCode(200);

        assertTrue(post.post("C111", 1_800_000_000_000L));
        assertFalse(post.post("C111", 1_800_000_000_000L), "the slot is taken: another replica would skip it");
        assertEquals(1, slack.calls("chat.postMessage").size());
        assertTrue(slack.calls("chat.postMessage").get(0).param("text").contains("1 healthy"));
    }

    @Test
    void digestSchedule_badCron_isRefusedWithUsage() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("digest schedule \"every monday\"", slack.responseUrl("1")))
                .then().statusCode(200).body("response_type", org.hamcrest.Matchers.equalTo("ephemeral"))
                .body("text", containsString("is not a Quartz cron expression"));
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("digest schedule \"0 30 8 ? * MON-FRI\" Europe/Berlin", slack.responseUrl("1")))
                .then().statusCode(200).body("text", containsString("(Europe/Berlin)"));
    }
}
