package dev.aksdoctor.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.action.ActionAudit;
import dev.aksdoctor.azure.ArmFixtures;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.ActionPayload;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class WriteActionFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    static final String ROTATE = ArmWorld.CLUSTER_ID + "/rotateClusterCertificates";
    static final String THREAD = "1700000000.000100";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    long investigation;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(20)).deleting(() -> ActionAudit.deleteAll()).slack(slack)
                .arm(ARM, new ArmWorld()).run();
        investigation = store.open("UREQ1", "C111", THREAD, InvestigationSource.SLASH_COMMAND, "exit status=51");
        store.finish(investigation, InvestigationStatus.ANSWERED, "recognised");
    }

    @Test
    void rotateCertificates_nonOperator_refusedEphemerallyNothingOnArmAudited() {
        press("UNOBODY1", "C111", "rotate_certificates", ActionPayload.of(investigation, CLUSTER)).then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("response_url").isEmpty());
        String refusal = text(slack.calls("response_url").get(0).rawBody());
        assertTrue(refusal.contains("not an operator"), refusal);
        assertTrue(refusal.contains("Who may: <@" + SlackFlowProfile.OPERATOR + "> or <!subteam^" + SlackFlowProfile.GROUP
                + ">"), refusal);
        assertTrue(slack.calls("views.open").isEmpty(), "no confirmation dialog for a non-operator");
        assertEquals(0, ARM.count("POST", ROTATE));
        assertTrue(ARM.requests().stream().noneMatch(r -> !r.method().equals("GET") && r.path().startsWith("/subscriptions")));
        ActionAudit audit = onlyAudit();
        assertEquals(ActionAudit.Result.REFUSED, audit.result);
        assertEquals("UNOBODY1", audit.actor);
        assertEquals("rotate_certificates", audit.action);
        assertEquals(ArmWorld.CLUSTER_ID, audit.target);
    }

    @Test
    void rotateCertificates_operatorConfirms_armCalledOnceAuditedAnnouncedAndResubmitIgnored() throws Exception {
        ARM.respond("POST", ROTATE, 204, "", Map.of());
        press(SlackFlowProfile.OPERATOR, "C111", "rotate_certificates", ActionPayload.of(investigation, CLUSTER))
                .then().statusCode(200);

        FakeSlackApi.Call open = slack.last("views.open").orElseThrow();
        JsonNode view = JSON.readTree(open.param("view"));
        assertTrue(view.toString().contains("maintenance window"), "the dialog warns about the API server restart");
        assertEquals(0, ARM.count("POST", ROTATE), "nothing happens before confirmation");

        submit(SlackFlowProfile.OPERATOR, "VCONF1", view.path("private_metadata").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(ActionAudit.Result.SUCCEEDED, onlyAudit().result, () -> onlyAudit().detail);
        assertEquals(1, ARM.count("POST", ROTATE));
        ActionAudit audit = onlyAudit();
        assertEquals(SlackFlowProfile.OPERATOR, audit.actor);
        assertEquals(investigation, audit.investigationId);
        assertEquals("C111", audit.channel);
        assertTrue(audit.finishedAt != null);
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postMessage").size() == 2);
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertTrue(posts.stream().allMatch(p -> THREAD.equals(p.param("thread_ts")) && "C111".equals(p.param("channel"))));
        assertTrue(posts.get(0).param("text").contains("<@" + SlackFlowProfile.OPERATOR + "> confirmed *Rotate certificates*"));
        assertTrue(posts.get(1).param("text").contains("finished"), posts.get(1).param("text"));

        // Slack delivers the same submission again: it must not rotate twice.
        submit(SlackFlowProfile.OPERATOR, "VCONF1", view.path("private_metadata").asText()).then().statusCode(200);
        submit(SlackFlowProfile.OPERATOR, "VCONF2", "{\"a\":\"rotate_certificates\",\"v\":\"not json\",\"c\":\"C111\"}")
                .then().statusCode(200);
        assertEquals(1, ARM.count("POST", ROTATE));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ActionAudit.count()));
    }

    @Test
    void startCluster_armAnswers200EmptyObject_reportedAsSuccess() throws Exception {
        ARM.respond("POST", ArmWorld.CLUSTER_ID + "/start", 200, "{}", Map.of());
        press(SlackFlowProfile.OPERATOR, "C111", "start_cluster", ActionPayload.of(investigation, CLUSTER))
                .then().statusCode(200);
        JsonNode view = JSON.readTree(slack.last("views.open").orElseThrow().param("view"));
        submit(SlackFlowProfile.OPERATOR, "VSTART1", view.path("private_metadata").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(ActionAudit.Result.SUCCEEDED, onlyAudit().result, () -> onlyAudit().detail);
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postMessage").size() == 2);
        String result = slack.calls("chat.postMessage").get(1).param("text");
        assertTrue(result.contains("finished") && !result.contains(":x:"), result);
    }

    @Test
    void startCluster_armRefusesWithoutMessage_reportedClearly() throws Exception {
        ARM.respond("POST", ArmWorld.CLUSTER_ID + "/start", 500, "", Map.of());
        press(SlackFlowProfile.OPERATOR, "C111", "start_cluster", ActionPayload.of(investigation, CLUSTER))
                .then().statusCode(200);
        JsonNode view = JSON.readTree(slack.last("views.open").orElseThrow().param("view"));
        submit(SlackFlowProfile.OPERATOR, "VSTART2", view.path("private_metadata").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(90)).until(() -> onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(ActionAudit.Result.FAILED, onlyAudit().result);
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postMessage").size() == 2);
        String result = slack.calls("chat.postMessage").get(1).param("text");
        assertTrue(result.contains(":x:") && result.contains("HTTP 500"), result);
    }

    @Test
    void updateInstance_operatorConfirms_manualUpgradeOfThatInstanceInTheNodeResourceGroup() throws Exception {
        String upgrade = ArmWorld.VMSS_ID + "/manualupgrade";
        ARM.respond("POST", upgrade, 200, "", Map.of());
        ActionPayload value = ActionPayload.of(investigation, CLUSTER,
                SuggestedAction.updateInstance(ArmWorld.VMSS, "0"));
        press(SlackFlowProfile.OPERATOR, "C111", "update_instance", value).then().statusCode(200);
        JsonNode view = JSON.readTree(slack.last("views.open").orElseThrow().param("view"));
        assertTrue(view.toString().contains("disk is kept"), view.toString());
        assertEquals(0, ARM.count("POST", upgrade), "nothing happens before confirmation");
        submit(SlackFlowProfile.OPERATOR, "VUPD1", view.path("private_metadata").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(ActionAudit.Result.SUCCEEDED, onlyAudit().result, () -> onlyAudit().detail);
        assertEquals(1, ARM.count("POST", upgrade));
        assertTrue(ARM.requests().stream().filter(r -> r.path().equals(upgrade)).allMatch(r -> r.body().contains("\"0\"")),
                "only that instance");
        assertEquals(0, ARM.count("POST", ArmWorld.VMSS_ID + "/virtualMachines/0/reimage"), "not destructive");
        assertEquals("update_instance", onlyAudit().action);
    }

    @Test
    void updateInstance_scaleSetOfAnotherCluster_refusedNothingOnArm() throws Exception {
        ActionPayload value = ActionPayload.of(investigation, CLUSTER,
                SuggestedAction.updateInstance("aks-someoneelse-99999999-vmss", "0"));
        press(SlackFlowProfile.OPERATOR, "C111", "update_instance", value).then().statusCode(200);
        JsonNode view = JSON.readTree(slack.last("views.open").orElseThrow().param("view"));
        submit(SlackFlowProfile.OPERATOR, "VUPD2", view.path("private_metadata").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(ActionAudit.Result.FAILED, onlyAudit().result);
        assertTrue(ARM.requests().stream().noneMatch(r -> r.path().endsWith("/manualupgrade")));
    }

    @Test
    void startNodePool_operatorConfirms_putsThePoolRunning() throws Exception {
        String pool = ArmWorld.CLUSTER_ID + "/agentPools/nodepool1";
        String body = "{\"id\":\"" + pool + "\",\"name\":\"nodepool1\",\"properties\":{\"count\":3,\"vmSize\":"
                + "\"Standard_DS2_v2\",\"osType\":\"Linux\",\"mode\":\"System\",\"provisioningState\":\"Succeeded\","
                + "\"powerState\":{\"code\":\"Stopped\"}}}";
        ARM.json("GET", pool, body);
        ARM.respond("PUT", pool, 200, body.replace("Stopped", "Running"), Map.of());
        press(SlackFlowProfile.OPERATOR, "C111", "start_node_pool",
                ActionPayload.of(investigation, CLUSTER, SuggestedAction.startPool("nodepool1"))).then().statusCode(200);
        JsonNode view = JSON.readTree(slack.last("views.open").orElseThrow().param("view"));
        submit(SlackFlowProfile.OPERATOR, "VPOOL1", view.path("private_metadata").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(ActionAudit.Result.SUCCEEDED, onlyAudit().result, () -> onlyAudit().detail);
        String put = ARM.requests().stream().filter(r -> r.method().equals("PUT") && r.path().equals(pool))
                .findFirst().orElseThrow().body();
        assertTrue(put.contains("\"powerState\":{\"code\":\"Running\"}"), put);
        assertEquals(pool, onlyAudit().target);
    }

    @Test
    void startCluster_groupMember_opensDialog() {
        slack.userGroup(SlackFlowProfile.GROUP, "UOTHER1", SlackFlowProfile.GROUP_MEMBER);
        press(SlackFlowProfile.GROUP_MEMBER, "C111", "start_cluster", ActionPayload.of(investigation, CLUSTER))
                .then().statusCode(200);
        assertEquals(1, slack.calls("views.open").size());
        assertTrue(slack.calls("response_url").isEmpty());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ActionAudit.count()));
    }

    @Test
    void confirmedDialog_submittedBySomeoneItWasNotShownTo_ignored_onlyTheOperatorsRuns() throws Exception {
        ARM.respond("POST", ROTATE, 204, "", Map.of());
        press(SlackFlowProfile.OPERATOR, "C111", "rotate_certificates", ActionPayload.of(investigation, CLUSTER));
        String metadata = JSON.readTree(slack.last("views.open").orElseThrow().param("view")).path("private_metadata").asText();

        // The dialog was shown to the operator: another user's submission of it (a forged one) changes nothing.
        submit("UNOBODY2", "VCONF3", metadata).then().statusCode(200);
        submit(SlackFlowProfile.OPERATOR, "VCONF3B", metadata).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ActionAudit.count()));
        assertEquals(SlackFlowProfile.OPERATOR, onlyAudit().actor);
        assertEquals(1, ARM.count("POST", ROTATE));
    }

    @Test
    void addAuthorizedRange_operator_dialogShowsExactNewListThenPutsIt() throws Exception {
        ArmWorld world = new ArmWorld().authorizedRanges("10.240.0.0/16", "203.0.113.0/24");
        world.install(ARM);
        ARM.json("PUT", ArmWorld.CLUSTER_ID, ArmFixtures.write(world.cluster));
        ActionPayload payload = ActionPayload.of(investigation, CLUSTER, SuggestedAction.addRange("20.50.60.70/32"));

        press(SlackFlowProfile.OPERATOR, "C111", "add_authorized_range", payload).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> !slack.calls("views.update").isEmpty());
        JsonNode view = JSON.readTree(slack.last("views.update").orElseThrow().param("view"));
        String shown = view.toString();
        assertTrue(shown.contains("*New list (3):* `10.240.0.0/16`, `203.0.113.0/24`, `20.50.60.70/32`"), shown);
        assertTrue(shown.contains("*Current list (2):* `10.240.0.0/16`, `203.0.113.0/24`"), shown);

        submit(SlackFlowProfile.OPERATOR, "VCONF4", view.path("private_metadata").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result == ActionAudit.Result.SUCCEEDED);
        List<FakeArm.Recorded> puts = ARM.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().equalsIgnoreCase(ArmWorld.CLUSTER_ID)).toList();
        assertEquals(1, puts.size());
        JsonNode ranges = JSON.readTree(puts.get(0).body()).path("properties").path("apiServerAccessProfile")
                .path("authorizedIPRanges");
        assertEquals("[\"10.240.0.0/16\",\"203.0.113.0/24\",\"20.50.60.70/32\"]", ranges.toString());
    }

    @Test
    void addAuthorizedRange_withoutAnAddress_asksForIt_refusesAWrongOne_thenConfirmsAndPutsIt() throws Exception {
        ArmWorld world = new ArmWorld().authorizedRanges("10.240.0.0/16");
        world.install(ARM);
        ARM.json("PUT", ArmWorld.CLUSTER_ID, ArmFixtures.write(world.cluster));
        // kubectl cannot reach the API server: the check cannot know the client's address, so the button has none.
        ActionPayload payload = ActionPayload.of(investigation, CLUSTER, SuggestedAction.of(NextAction.ADD_AUTHORIZED_RANGE));

        press(SlackFlowProfile.OPERATOR, "C111", "add_authorized_range", payload).then().statusCode(200);

        JsonNode asked = JSON.readTree(slack.last("views.open").orElseThrow().param("view"));
        assertEquals("type_authorized_range", asked.path("callback_id").asText());
        assertTrue(asked.toString().contains("ifconfig.me"), asked.toString());
        String metadata = asked.path("private_metadata").asText();

        JsonNode wrong = JSON.readTree(submit(SlackFlowProfile.OPERATOR, "VTYPE1", "type_authorized_range", metadata,
                "203.0.113.7/24").then().statusCode(200).extract().asString());
        assertEquals("errors", wrong.path("response_action").asText());
        assertEquals("203.0.113.7/24 has host bits set; did you mean 203.0.113.0/24?", wrong.path("errors").path("cidr").asText());
        assertEquals(0, slack.calls("views.update").size());

        JsonNode next = JSON.readTree(submit(SlackFlowProfile.OPERATOR, "VTYPE1", "type_authorized_range", metadata,
                " 198.51.100.7 ").then().statusCode(200).extract().asString());
        assertEquals("update", next.path("response_action").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> !slack.calls("views.update").isEmpty());
        FakeSlackApi.Call update = slack.last("views.update").orElseThrow();
        assertEquals("VTYPE1", update.param("view_id"));
        JsonNode confirm = JSON.readTree(update.param("view"));
        assertTrue(confirm.toString().contains("*New list (2):* `10.240.0.0/16`, `198.51.100.7/32`"), confirm.toString());
        assertEquals(0, ARM.requests().stream().filter(r -> r.method().equals("PUT")).count(), "nothing before Confirm");

        submit(SlackFlowProfile.OPERATOR, "VTYPE1", confirm.path("private_metadata").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result == ActionAudit.Result.SUCCEEDED);
        JsonNode put = JSON.readTree(ARM.requests().stream().filter(r -> r.method().equals("PUT")).findFirst()
                .orElseThrow().body());
        assertEquals("[\"10.240.0.0/16\",\"198.51.100.7/32\"]",
                put.path("properties").path("apiServerAccessProfile").path("authorizedIPRanges").toString());
    }

    @Test
    void typedRange_submittedByANonOperator_refusedNothingShown() throws Exception {
        new ArmWorld().authorizedRanges("10.240.0.0/16").install(ARM);
        String metadata = new PendingAction(NextAction.ADD_AUTHORIZED_RANGE,
                ActionPayload.of(investigation, CLUSTER, SuggestedAction.of(NextAction.ADD_AUTHORIZED_RANGE)), "C111",
                THREAD, null).toJson();

        submit("UNOTOPS1", "VTYPE2", "type_authorized_range", metadata, "198.51.100.7").then().statusCode(200);

        assertEquals(0, slack.calls("views.update").size());
        assertEquals(0, ARM.requests().stream().filter(r -> r.method().equals("PUT")).count());
    }

    @Test
    void addAuthorizedRange_rangesChangedAfterDialog_refusedAtRunNoPut() throws Exception {
        new ArmWorld().authorizedRanges("10.240.0.0/16").install(ARM);
        press(SlackFlowProfile.OPERATOR, "C111", "add_authorized_range",
                ActionPayload.of(investigation, CLUSTER, SuggestedAction.addRange("20.50.60.70/32")));
        await().atMost(Duration.ofSeconds(60)).until(() -> !slack.calls("views.update").isEmpty());
        String metadata = JSON.readTree(slack.last("views.update").orElseThrow().param("view")).path("private_metadata").asText();
        new ArmWorld().authorizedRanges("10.240.0.0/16", "198.51.100.0/24").install(ARM);

        submit(SlackFlowProfile.OPERATOR, "VCONF5", metadata);

        await().atMost(Duration.ofSeconds(60)).until(() -> onlyAudit().result == ActionAudit.Result.FAILED);
        assertTrue(onlyAudit().detail.contains("changed since the dialog"));
        assertEquals(0, ARM.requests().stream().filter(r -> r.method().equals("PUT")).count());
    }

    @Test
    void writeButton_clusterOutsideChannelScope_refusedAndAudited() {
        QuarkusTransaction.requiringNew().run(() -> {
            Investigation inv = Investigation.findById(investigation);
            inv.channel = SlackFlowProfile.SCOPED_CHANNEL;
        });
        press(SlackFlowProfile.OPERATOR, SlackFlowProfile.SCOPED_CHANNEL, "start_cluster",
                ActionPayload.of(investigation, CLUSTER)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("response_url").isEmpty());
        assertTrue(text(slack.calls("response_url").get(0).rawBody()).contains("limited to"));
        assertTrue(slack.calls("views.open").isEmpty());
        assertEquals(ActionAudit.Result.REFUSED, onlyAudit().result);
    }

    @Test
    void writeButton_valueOfAnotherChannelsInvestigation_ignored() {
        press(SlackFlowProfile.OPERATOR, "COTHER1", "start_cluster", ActionPayload.of(investigation, CLUSTER))
                .then().statusCode(200);
        assertTrue(slack.callsBesidesAuth().isEmpty(), () -> slack.callsBesidesAuth().toString());
    }

    @Test
    void writeButton_forgedValue_ignoredNoDialog() {
        Interactions.press(slack, SlackFlowProfile.OPERATOR, "C111", "reconcile_node_pool",
                "{\"inv\":" + investigation + ",\"cluster\":\"" + ArmWorld.CLUSTER_ID + "\",\"p\":{\"pool\":\"x; rm -rf /\"}}")
                .then().statusCode(200);
        assertTrue(slack.callsBesidesAuth().isEmpty(), () -> slack.callsBesidesAuth().toString());
    }

    @Test
    void markResolved_twice_announcedOnce() {
        ActionPayload payload = ActionPayload.of(investigation, CLUSTER, SuggestedAction.of(NextAction.MARK_RESOLVED));
        press("UREQ1", "C111", "mark_resolved", payload).then().statusCode(200);
        press("UREQ1", "C111", "mark_resolved", payload).then().statusCode(200);
        assertEquals(1, slack.calls("chat.postMessage").size());
        assertTrue(slack.calls("chat.postMessage").get(0).param("text").contains("marked this resolved"));
        assertEquals(THREAD, slack.calls("chat.postMessage").get(0).param("thread_ts"));
    }

    // ---------------------------------------------------------------- payloads shaped like the fixtures

    private io.restassured.response.Response press(String user, String channel, String actionId, ActionPayload value) {
        return Interactions.press(slack, user, channel, actionId, value.toJson());
    }

    private io.restassured.response.Response submit(String user, String viewId, String privateMetadata) {
        return submit(user, viewId, "confirm_write_action", privateMetadata, null);
    }

    /** A view submission; {@code typedRange} fills the range field of the "which address" dialog. */
    private io.restassured.response.Response submit(String user, String viewId, String callbackId, String privateMetadata,
            String typedRange) {
        ObjectNode values = JSON.createObjectNode();
        if (typedRange != null) {
            Interactions.typed(values, "cidr", "cidr", typedRange);
        }
        return Interactions.submit(user, viewId, callbackId, privateMetadata, values);
    }

    private static String text(String json) {
        return Interactions.text(json);
    }

    private static ActionAudit onlyAudit() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ActionAudit> all = ActionAudit.listAll();
            assertEquals(1, all.size(), () -> "audit rows: " + all.size());
            return all.get(0);
        });
    }
}
