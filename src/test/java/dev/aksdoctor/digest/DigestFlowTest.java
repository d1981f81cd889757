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
import dev.aksdoctor.channel.ChannelSetting;
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
            ChannelSetting.deleteAll();
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

    // ------------------------------------------------------------------ AKS detectors in the digest (issue 18)

    static final String DETECTORS = ArmWorld.CLUSTER_ID + "/detectors";
    /** Digest slots are claimed once per database, which outlives a boot: each test takes slots of its own. */
    static final java.util.concurrent.atomic.AtomicLong SLOTS = new java.util.concurrent.atomic.AtomicLong(
            System.currentTimeMillis() * 1000);

    private void serveDetectors() {
        arm.json("GET", DETECTORS, detectorFixture("list.json"));
        arm.json("GET", DETECTORS + "/aks-category-crud", detectorFixture("crud.json"));
        arm.json("GET", DETECTORS + "/aks-cluster-put-failures", detectorFixture("put.json"));
        arm.json("GET", DETECTORS + "/agentpool-put-failures", detectorFixture("pool.json"));
        arm.json("GET", DETECTORS + "/aks-k8s-deprecations", detectorFixture("dep.json"));
    }

    private static io.restassured.response.ValidatableResponse command(String text) {
        return SlackRequests.postSignedForm(SlackRequests.slashCommandForm(text, "http://127.0.0.1:1/unused"))
                .then().statusCode(200);
    }

    @Test
    void digestDetectors_onOffAndUnknownArgument_answeredHelpfully() {
        command("digest detectors").body("response_type", org.hamcrest.Matchers.equalTo("ephemeral"))
                .body("text", containsString("The AKS detectors are *off* in this channel's digest"));
        command("digest detectors on").body("response_type", org.hamcrest.Matchers.equalTo("in_channel"))
                .body("text", containsString("turned on the AKS detectors in this channel's digest"));
        command("digest detectors maybe").body("response_type", org.hamcrest.Matchers.equalTo("ephemeral"))
                .body("text", containsString("I don't know `maybe` here. The AKS detectors are *on*"))
                .body("text", containsString("`/aks-doctor digest detectors off`"))
                .body("text", containsString("Microsoft.ContainerService/managedClusters/detectors/read"));
        command("digest detectors OFF").body("text", containsString("turned off the AKS detectors"));
        command("digest detectors").body("text", containsString("*off*"));
    }

    @Test
    void digestWithDetectorsOn_addsEachClustersCriticalInsights() {
        new ArmWorld().install(arm);
        serveDetectors();
        command("watch " + ArmWorld.CLUSTER_ID);
        command("digest detectors on");

        assertTrue(post.post("C111", SLOTS.incrementAndGet()));

        String blocks = slack.calls("chat.postMessage").get(0).param("blocks");
        assertTrue(blocks.contains("AKS detectors · critical insights"), blocks);
        assertTrue(blocks.contains("*Cluster Create/Upgrade Failures*: Cluster PUT operation failed with QuotaExceeded"),
                blocks);
        assertFalse(blocks.contains("Node Pool Create/Upgrade Failures"), "warnings stay behind the button: " + blocks);
        assertTrue(arm.requests().stream().filter(r -> r.path().equalsIgnoreCase(DETECTORS + "/aks-cluster-put-failures"))
                .allMatch(r -> r.query().contains("startTime=") && r.query().contains("endTime=")));
    }

    @Test
    void digestWithDetectorsOn_identityLacksThePermission_saysWhichInOneLine() {
        new ArmWorld().install(arm);
        arm.forbid("GET", DETECTORS, "Microsoft.ContainerService/managedClusters/detectors/read");
        command("watch " + ArmWorld.CLUSTER_ID);
        command("digest detectors on");

        assertTrue(post.post("C111", SLOTS.incrementAndGet()));

        String blocks = slack.calls("chat.postMessage").get(0).param("blocks");
        assertTrue(blocks.contains("*" + ArmWorld.RG + "/" + ArmWorld.NAME + "*: detectors not read — the identity lacks "
                + "`Microsoft.ContainerService/managedClusters/detectors/read`"), blocks);
        assertTrue(slack.calls("chat.postMessage").get(0).param("text").contains("1 healthy"), "the digest itself stands");
    }

    @Test
    void digestWithDetectorsOff_theDefault_runsNoneAndSaysNothingOfThem() {
        new ArmWorld().install(arm);
        serveDetectors();
        command("watch " + ArmWorld.CLUSTER_ID);

        assertTrue(post.post("C111", SLOTS.incrementAndGet()));

        assertFalse(slack.calls("chat.postMessage").get(0).param("blocks").contains("AKS detectors"));
        assertEquals(0, arm.requests().stream().filter(r -> r.path().toLowerCase().contains("/detectors")).count());
    }

    static String detectorFixture(String name) {
        try (java.io.InputStream in = DigestFlowTest.class.getResourceAsStream("/arm/detectors/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
