package dev.aksdoctor.command;

import static dev.aksdoctor.command.Interactions.JSON;
import static dev.aksdoctor.command.Interactions.THREAD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.channel.ChannelSetting;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class PickClusterFlowTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    static final String PICKED = ArmWorld.SUB + "/" + ArmWorld.RG + "/" + ArmWorld.NAME;

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    @Inject
    ChannelSettings settings;

    long investigation;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(30)).deleting(() -> ChannelSetting.deleteAll()).slack(slack)
                .arm(ARM, new ArmWorld()).run();
        investigation = store.open("UREQ1", "C111", THREAD, InvestigationSource.SLASH_COMMAND, "exit status=51");
        store.finish(investigation, InvestigationStatus.ANSWERED, "recognised");
    }

    @Test
    void pickCluster_pressed_opensModalWithTriggerAndMetadata() throws Exception {
        Interactions.press(slack, "UREQ1", "C111", "pick_cluster", "{\"inv\":" + investigation + ",\"cluster\":null,\"p\":{}}")
                .then().statusCode(200);

        FakeSlackApi.Call open = slack.last("views.open").orElseThrow();
        assertTrue(open.param("trigger_id").startsWith("111.222."));
        JsonNode view = JSON.readTree(open.param("view"));
        assertEquals("pick_cluster_submit", view.path("callback_id").asText());
        assertEquals("{\"inv\":" + investigation + ",\"c\":\"C111\"}", view.path("private_metadata").asText());
        String shown = view.toString();
        assertTrue(shown.contains("\"action_id\":\"pick_sub\"") && shown.contains("\"action_id\":\"pick_rg\"")
                && shown.contains("\"action_id\":\"pick_cluster_name\"") && shown.contains("\"action_id\":\"pick_id\""), shown);
        assertTrue(shown.contains("Use as this channel's default cluster"), shown);
    }

    @Test
    void suggestions_typedTextCaseInsensitive_onlyMatchingClusters() throws Exception {
        String meta = "{\"inv\":" + investigation + ",\"c\":\"C111\"}";
        String body = Interactions.suggest("UREQ1", "pick_cluster_name", "pick_cluster_block", "AKS", meta)
                .then().statusCode(200).extract().asString();
        JsonNode options = JSON.readTree(body).path("options");
        assertEquals(1, options.size(), body);
        assertEquals(PICKED, options.get(0).path("value").asText());
        assertEquals("rg-aks/aks1", options.get(0).path("text").path("text").asText());

        String none = Interactions.suggest("UREQ1", "pick_cluster_name", "pick_cluster_block", "zzz", meta)
                .then().statusCode(200).extract().asString();
        assertEquals(0, JSON.readTree(none).path("options").size(), none);

        String subs = Interactions.suggest("UREQ1", "pick_sub", "pick_sub", "", meta).then().extract().asString();
        assertEquals(ArmWorld.SUB, JSON.readTree(subs).path("options").get(0).path("value").asText(), subs);
    }

    @Test
    void suggestions_scopedChannel_clusterOutsideScopeNotOffered() throws Exception {
        String body = Interactions.suggest("UREQ1", "pick_cluster_name", "pick_cluster_block", "",
                "{\"inv\":" + investigation + ",\"c\":\"" + SlackFlowProfile.SCOPED_CHANNEL + "\"}").then().extract().asString();
        assertEquals(0, JSON.readTree(body).path("options").size(), body);
    }

    @Test
    void submit_pickedClusterAndDefaultTicked_reinvestigatesInThreadAndSetsDefault() {
        ObjectNode values = JSON.createObjectNode();
        Interactions.selected(values, "pick_cluster_block", "pick_cluster_name", PICKED);
        Interactions.checked(values, "pick_default", "pick_default", "default");

        Interactions.submit("UREQ1", "VPICK10", "pick_cluster_submit", "{\"inv\":" + investigation + ",\"c\":\"C111\"}", values)
                .then().statusCode(200);

        List<Investigation> reruns = QuarkusTransaction.requiringNew().call(() ->
                Investigation.<Investigation>list("id <> ?1", investigation));
        assertEquals(1, reruns.size());
        assertEquals(THREAD, reruns.get(0).threadTs);
        assertEquals("C111", reruns.get(0).channel);
        assertEquals("exit status=51\n" + ArmWorld.CLUSTER_ID, reruns.get(0).textRedacted);
        assertEquals(Optional.of(CLUSTER), settings.channelDefault("C111"));
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postEphemeral").stream()
                .anyMatch(c -> c.param("text").contains("now this channel's default")));

        // The same submission delivered again does not start a second run.
        Interactions.submit("UREQ1", "VPICK10", "pick_cluster_submit", "{\"inv\":" + investigation + ",\"c\":\"C111\"}", values);
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> Investigation.count()));
    }

    @Test
    void submit_pastedIdWithoutDefault_reinvestigatesAndOffersDefault() {
        ObjectNode values = Interactions.typed(JSON.createObjectNode(), "pick_id", "pick_id", " " + ArmWorld.CLUSTER_ID + " ");

        Interactions.submit("UREQ1", "VPICK11", "pick_cluster_submit", "{\"inv\":" + investigation + ",\"c\":\"C111\"}", values)
                .then().statusCode(200);

        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> Investigation.count()));
        assertTrue(settings.channelDefault("C111").isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postEphemeral").stream()
                .anyMatch(c -> c.param("text").contains("/aks-doctor use " + ArmWorld.CLUSTER_ID)));
    }

    @Test
    void submit_badInput_answersErrorsAndStartsNothing() throws Exception {
        String meta = "{\"inv\":" + investigation + ",\"c\":\"C111\"}";
        String notAnId = Interactions.submit("UREQ1", "VPICK12", "pick_cluster_submit", meta,
                Interactions.typed(JSON.createObjectNode(), "pick_id", "pick_id", "aks1; rm -rf /")).then().statusCode(200)
                .extract().asString();
        JsonNode errors = JSON.readTree(notAnId);
        assertEquals("errors", errors.path("response_action").asText());
        assertTrue(errors.path("errors").path("pick_id").asText().contains("not a managed cluster resource ID"), notAnId);

        String nothing = Interactions.submit("UREQ1", "VPICK12", "pick_cluster_submit", meta, JSON.createObjectNode())
                .then().extract().asString();
        assertTrue(JSON.readTree(nothing).path("errors").has("pick_cluster_block"), nothing);

        String forged = Interactions.submit("UREQ1", "VPICK12", "pick_cluster_submit", meta,
                Interactions.selected(JSON.createObjectNode(), "pick_cluster_block", "pick_cluster_name", "../../etc"))
                .then().extract().asString();
        assertTrue(JSON.readTree(forged).path("errors").has("pick_cluster_block"), forged);

        String wrongChannel = Interactions.submit("UREQ1", "VPICK12", "pick_cluster_submit",
                "{\"inv\":" + investigation + ",\"c\":\"C999\"}",
                Interactions.selected(JSON.createObjectNode(), "pick_cluster_block", "pick_cluster_name", PICKED))
                .then().extract().asString();
        assertTrue(JSON.readTree(wrongChannel).path("errors").has("pick_cluster_block"), wrongChannel);

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Investigation.count()));
    }

    @Test
    void submit_clusterOutsideChannelScope_answersError() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> Investigation.<Investigation>findById(investigation).channel =
                SlackFlowProfile.SCOPED_CHANNEL);
        String body = Interactions.submit("UREQ1", "VPICK13", "pick_cluster_submit",
                "{\"inv\":" + investigation + ",\"c\":\"" + SlackFlowProfile.SCOPED_CHANNEL + "\"}",
                Interactions.selected(JSON.createObjectNode(), "pick_cluster_block", "pick_cluster_name", PICKED))
                .then().extract().asString();
        assertTrue(JSON.readTree(body).path("errors").path("pick_cluster_block").asText().contains("limited to"), body);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Investigation.count()));
    }

}
