package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 3: a channel cannot schedule digests more often than the admin's minimum (default hourly), only
 * the configured editors may change a schedule, {@code digest now} has a cooldown, and a user pasting in a loop
 * is refused politely (ephemeral) past the per-minute limit.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@QuarkusTestResource(value = FakeSlackResource.class, restrictToAnnotatedClass = true)
class RateAndScheduleLimitsTest {

    static final String EDITOR = "UEDITOR1";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    DigestStore digests;

    ValidatableResponse command(String channel, String user, String text) {
        return TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, channel, user, text,
                TrustRequests.newTrigger(), slack.responseUrl("cmd"))).then().statusCode(200);
    }

    @Test
    void scheduleEverySecond_refusedNamingTheMinimum_nothingScheduled() {
        command("CSCHED1", EDITOR, "digest schedule \"* * * * * ?\"")
                .body("text", containsString("more often than once every hour"));
        command("CSCHED1", EDITOR, "digest schedule \"0 0/30 * * * ?\"")
                .body("text", containsString("more often than once every hour"));

        assertEquals(Optional.empty(), digests.schedule("CSCHED1").map(s -> s.cron));
    }

    @Test
    void hourlyOrSparser_acceptedFromAnEditor() {
        command("CSCHED2", EDITOR, "digest schedule \"0 0 * * * ?\" UTC").body("text", containsString("0 0 * * * ?"));

        // stored after the ack (a clustered Quartz write)
        await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> digests.schedule("CSCHED2").map(s -> s.cron), Optional.of("0 0 * * * ?")::equals);
    }

    @Test
    void scheduleChange_bySomeoneNotAnEditor_refused() {
        command("CSCHED3", "UMEMBER1", "digest schedule \"0 0 9 ? * MON-FRI\"")
                .body("text", containsString("Only <@" + EDITOR + "> may change"));

        assertEquals(Optional.empty(), digests.schedule("CSCHED3"));
    }

    @Test
    void digestNow_twiceInTheCooldown_secondRefused() {
        digests.watch("CNOW1", ArmWorld.CLUSTER_ID, "UMEMBER1");
        try {
            command("CNOW1", "UMEMBER1", "digest now").body("text", org.hamcrest.Matchers.not(containsString("within the last")));
            command("CNOW1", "UMEMBER2", "digest now").body("text", containsString("within the last 5 minutes"));
        } finally {
            digests.unwatch("CNOW1", ArmWorld.CLUSTER_ID);
        }
    }

    @Test
    void pastesInALoop_pastTheLimit_refusedPolitelyAndEphemerally() {
        String paste = "exit status=51 Node 10.0.2.10 could not reach API server at 98.67.228.23:443";
        for (int i = 0; i < 3; i++) {
            command("CLOOP1", "ULOOP1", paste).body("text", containsString("Investigating"));
        }
        command("CLOOP1", "ULOOP1", paste)
                .body("response_type", org.hamcrest.Matchers.equalTo("ephemeral"))
                .body("text", containsString("a lot of investigations in the last minute"));
        command("CLOOP1", "ULOOP2", paste).body("text", containsString("Investigating"));

        await().atMost(Duration.ofSeconds(5)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("channel", "CLOOP1")) == 4);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Investigation.count("requester", "ULOOP1")) == 3);
    }
}
