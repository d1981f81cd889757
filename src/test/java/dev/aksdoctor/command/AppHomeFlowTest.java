package dev.aksdoctor.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.action.InvestigationResolution;
import dev.aksdoctor.digest.ReportedFinding;
import dev.aksdoctor.digest.WatchedCluster;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import dev.aksdoctor.testing.SlackRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class AppHomeFlowTest {

    static final AtomicInteger EVENTS = new AtomicInteger();

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    @BeforeEach
    void reset() {
        // Watch lists too: tests that ran earlier in this JVM (the digest flows) leave theirs in the database.
        FlowReset.awaitingInvestigations(Duration.ofSeconds(20)).deleting(() -> InvestigationResolution.deleteAll())
                .deleting(() -> WatchedCluster.deleteAll()).deleting(() -> ReportedFinding.deleteAll())
                .slack(slack).run();
    }

    @Test
    void appHomeOpened_userWithInvestigations_publishesTheirLastTenNewestFirstWithThreadLinks() throws Exception {
        for (int i = 1; i <= 12; i++) {
            long id = store.open("UHOME1", "C111", "1700000000.0001" + String.format("%02d", i),
                    InvestigationSource.SLASH_COMMAND, "paste " + i);
            store.markRunning(id, "Code" + i);
            store.finish(id, InvestigationStatus.ANSWERED, "recognised");
            Instant created = Instant.parse("2024-05-01T03:00:00Z").plusSeconds(60L * i);
            QuarkusTransaction.requiringNew().run(() -> Investigation.<Investigation>findById(id).createdAt = created);
        }
        long resolved = store.open("UHOME1", "C222", "1700000001.000001", InvestigationSource.MESSAGE_SHORTCUT,
                "<!channel> exit status=51");
        store.markRunning(resolved, "VMExtensionError_K8SAPIServerConnFail");
        store.recordLikelyCause(resolved, "NSG rule deny-443-out denies TCP 443 to the API server");
        store.finish(resolved, InvestigationStatus.ANSWERED, "recognised");
        QuarkusTransaction.requiringNew().run(() -> {
            Investigation.<Investigation>findById(resolved).createdAt = Instant.parse("2024-06-01T00:00:00Z");
            InvestigationResolution r = new InvestigationResolution();
            r.investigationId = resolved;
            r.resolvedBy = "UHOME1";
            r.resolvedAt = Instant.parse("2024-06-01T01:00:00Z");
            r.persist();
        });
        long other = store.open("USOMEONE", "C333", null, InvestigationSource.SLASH_COMMAND, "someone else's");
        store.finish(other, InvestigationStatus.ANSWERED, "recognised");

        homeOpened("UHOME1", "home").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("views.publish").isEmpty());
        FakeSlackApi.Call publish = slack.calls("views.publish").get(0);
        assertEquals("UHOME1", publish.param("user_id"));
        JsonNode view = Interactions.JSON.readTree(publish.param("view"));
        assertEquals("home", view.path("type").asText());
        assertTrue(view.path("blocks").size() <= 100);
        String shown = view.toString();
        assertTrue(shown.contains("No watched clusters yet — `/aks-doctor watch <cluster>`"), shown);
        List<String> recent = sections(view).stream().filter(t -> t.contains(" in <#")).toList();
        assertEquals(10, recent.size(), shown);
        assertTrue(recent.get(0).startsWith(":white_check_mark: *VMExtensionError_K8SAPIServerConnFail* — resolved"),
                recent.get(0));
        assertTrue(recent.get(0).contains("<https://example.slack.com/archives/C222/p1700000001000001|open thread>"),
                recent.get(0));
        assertTrue(recent.get(0).contains("Likely cause: NSG rule deny-443-out denies TCP 443 to the API server"),
                recent.get(0));
        assertTrue(recent.get(1).startsWith(":stethoscope: *Code12* — answered (recognised)"), recent.get(1));
        assertTrue(recent.get(9).startsWith(":stethoscope: *Code4* "), recent.get(9));
        assertFalse(shown.contains("C333"), "another user's investigation is not shown");
        assertFalse(shown.contains("<!channel>"), "no paste text reaches the Home tab");
    }

    @Test
    void appHomeOpened_messagesTab_nothingPublished() {
        store.finish(store.open("UHOME2", "C111", "1700000000.000100", InvestigationSource.SLASH_COMMAND, "x"),
                InvestigationStatus.FAILED, "backlog full");
        homeOpened("UHOME2", "messages").then().statusCode(200);
        homeOpened("UHOME2", "home").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("views.publish").isEmpty());
        assertEquals(1, slack.calls("views.publish").size());
    }

    @Test
    void appHomeOpened_newUser_saysNoneYet() throws Exception {
        homeOpened("UNEW1", "home").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("views.publish").isEmpty());
        String shown = slack.calls("views.publish").get(0).param("view");
        assertTrue(shown.contains("None yet."), shown);
    }

    private static List<String> sections(JsonNode view) {
        List<String> texts = new java.util.ArrayList<>();
        view.path("blocks").forEach(b -> {
            if ("section".equals(b.path("type").asText())) {
                texts.add(b.path("text").path("text").asText());
            }
        });
        return texts;
    }

    private static io.restassured.response.Response homeOpened(String user, String tab) {
        ObjectNode e = Interactions.JSON.createObjectNode();
        e.put("token", "verification_token").put("team_id", "T111").put("api_app_id", "A111")
                .put("type", "event_callback").put("event_id", "EvHOME" + EVENTS.incrementAndGet())
                .put("event_time", 1599616881);
        e.putArray("authorizations").addObject().put("team_id", "T111").put("user_id", "UBOT1").put("is_bot", true);
        e.putObject("event").put("type", "app_home_opened").put("user", user).put("channel", "D0HOME1").put("tab", tab)
                .put("event_ts", "1700000100.000100");
        String body = e.toString();
        return SlackRequests.postSigned(body, ContentType.JSON, Instant.now());
    }
}
