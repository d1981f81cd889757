package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import dev.aksdoctor.testing.SlackRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: a signed slash command sent again within the 5-minute window (a replay of the same bytes,
 * or the same invocation delivered twice) is answered once: one investigation, one root message.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class ReplayedSlashCommandTest {

    static final String PASTE = "Code=\"VMExtensionError_K8SAPIServerConnFail\" exit status=51 Node 10.0.2.10 could "
            + "not reach API server at 98.67.228.23:443. Connection timed out.";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Test
    void replayedSignedPaste_answeredOnce() {
        String channel = "CREPLAY1";
        String body = TrustRequests.slashCommand(TrustRequests.TEAM, channel, "UREPLAY1", PASTE, TrustRequests.newTrigger(),
                slack.responseUrl("replay"));
        Instant signedAt = Instant.now();

        SlackRequests.postSigned(body, ContentType.URLENC, signedAt).then().statusCode(200)
                .body("text", containsString("Investigating"));
        SlackRequests.postSigned(body, ContentType.URLENC, signedAt.plusSeconds(1)).then().statusCode(200)
                .body(org.hamcrest.Matchers.emptyString());
        SlackRequests.postSigned(body, ContentType.URLENC, signedAt).then().statusCode(200)
                .body(org.hamcrest.Matchers.emptyString());

        await().atMost(Duration.ofSeconds(30)).until(() -> answered(channel) == 1);
        assertEquals(1, rows(channel), "one investigation");
        assertEquals(1, slack.calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.param("channel")) && c.param("thread_ts") == null).count(),
                "one root message");
    }

    @Test
    void sameTextNewInvocation_answeredAgain() {
        String channel = "CREPLAY2";
        for (int i = 0; i < 2; i++) {
            SlackRequests.postSignedForm(TrustRequests.slashCommand(TrustRequests.TEAM, channel, "UREPLAY2", PASTE,
                    TrustRequests.newTrigger(), slack.responseUrl("again"))).then().statusCode(200)
                    .body("text", containsString("Investigating"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(channel) == 2);
    }

    static long rows(String channel) {
        return QuarkusTransaction.requiringNew().call(() -> Investigation.count("channel", channel));
    }

    static long answered(String channel) {
        return QuarkusTransaction.requiringNew().call(() -> Investigation.count("channel = ?1 and status in ?2", channel,
                List.of(InvestigationStatus.ANSWERED)));
    }
}
