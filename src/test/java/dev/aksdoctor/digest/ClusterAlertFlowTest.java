package dev.aksdoctor.digest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opt-in through a signed slash command, the check run directly (its schedule is off in tests), ARM faked. */
@QuarkusTest
@WithTestResource(FakeSlackResource.class)
@WithTestResource(FakeArmResource.class)
class ClusterAlertFlowTest {

    private static final String CLUSTER_LIST = ArmWorld.SUB_PATH + "/providers/Microsoft.ContainerService/managedClusters";

    @InjectFakeSlack
    FakeSlackApi slack;

    @InjectFakeArm
    FakeArm arm;

    @Inject
    CheckClusterStates check;

    private final ArmWorld world = new ArmWorld();

    @BeforeEach
    void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            WatchedCluster.deleteAll();
            ReportedFinding.deleteAll();
        });
        slack.reset();
        arm.reset();
        world.install(arm);
    }

    @Test
    void alertsOn_clusterTurnsFailed_oneAlertWithDiagnoseButton_notRepeated() {
        alerts("on").body("response_type", equalTo("in_channel")).body("text", containsString("turned on alerts"));
        assertEquals(0, check.run(), "healthy on the first look");

        failed();
        assertEquals(1, check.run());
        assertEquals(0, check.run(), "still failed: no second alert");

        assertEquals(1, slack.calls("chat.postMessage").size());
        FakeSlackApi.Call alert = slack.calls("chat.postMessage").get(0);
        assertEquals("C111", alert.param("channel"));
        assertTrue(alert.param("text").contains(ArmWorld.RG + "/" + ArmWorld.NAME), alert.param("text"));
        assertTrue(alert.param("text").contains("*Failed*"), alert.param("text"));
        assertTrue(alert.param("blocks").contains("diagnose_cluster"));
        assertEquals(3, arm.count("GET", CLUSTER_LIST), "one cluster list per look");
    }

    @Test
    void recoveredThenStopped_alertsAgain() {
        alerts("on");
        failed();
        assertEquals(1, check.run());

        world.clusterProperties().put("provisioningState", "Succeeded");
        world.install(arm);
        assertEquals(0, check.run(), "recovering posts nothing");

        world.clusterProperties().putObject("powerState").put("code", "Stopped");
        world.install(arm);
        assertEquals(1, check.run());
        assertTrue(slack.last("chat.postMessage").orElseThrow().param("text").contains("*Stopped*"));
    }

    @Test
    void alertsOff_orOnlyWatched_noAlertNoArmCall() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("watch " + ArmWorld.CLUSTER_ID, slack.responseUrl("1")))
                .then().statusCode(200);
        alerts("on");
        alerts("off").body("text", containsString("turned off alerts"));
        failed();

        assertEquals(0, check.run());
        assertEquals(0, arm.count("GET", CLUSTER_LIST), "nothing opted in: ARM is not asked");
        assertEquals(0, slack.calls("chat.postMessage").size());
    }

    @Test
    void watchWithAlertsFlag_watchesAndAlerts() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("watch " + ArmWorld.CLUSTER_ID + " --alerts",
                        slack.responseUrl("1")))
                .then().statusCode(200).body("text", containsString("Alerts are on"));
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("watching", slack.responseUrl("1")))
                .then().statusCode(200).body("text", containsString(ArmWorld.CLUSTER_ID.toLowerCase()));
        failed();

        assertEquals(1, check.run(), "already failed on the first look after opting in");
    }

    @Test
    void alertsWithoutCluster_answersUsage() {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm("alerts on", slack.responseUrl("1")))
                .then().statusCode(200).body("response_type", equalTo("ephemeral"))
                .body("text", containsString("Usage: `/aks-doctor alerts on"));
    }

    private io.restassured.response.ValidatableResponse alerts(String mode) {
        return SlackRequests.postSignedForm(SlackRequests.slashCommandForm("alerts " + mode + " " + ArmWorld.CLUSTER_ID,
                slack.responseUrl("1"))).then().statusCode(200);
    }

    private void failed() {
        world.clusterProperties().put("provisioningState", "Failed");
        world.install(arm);
    }
}
