package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aksdoctor.action.ActionAudit;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.command.PendingAction;
import dev.aksdoctor.diagnosis.ClusterRef;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5: the server re-validates what a payload claims. A confirmation the service never showed, a
 * dialog submitted by someone other than its user, a press from another workspace and a reimage naming a scale
 * set that is not the cluster's change nothing in ARM.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class ForgedSubmissionsTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    static final String OPERATOR = EnvironmentStyleAccess.OPERATOR;
    static final String CHANNEL = "CFORGED1";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    long investigation;

    @BeforeEach
    void reset() {
        QuarkusTransaction.requiringNew().run(() -> ActionAudit.deleteAll());
        slack.reset();
        ARM.reset();
        new ArmWorld().install(ARM);
        investigation = store.open("UREQ1", CHANNEL, TrustRequests.THREAD, InvestigationSource.SLASH_COMMAND,
                "exit status=51");
        store.finish(investigation, InvestigationStatus.ANSWERED, "recognised");
    }

    @Test
    void confirmationNeverShown_submittedByAnOperator_nothingOnArm() {
        String forged = new PendingAction(NextAction.START_CLUSTER, ActionPayload.of(investigation, CLUSTER), CHANNEL,
                TrustRequests.THREAD, null).toJson();

        TrustRequests.submit(TrustRequests.TEAM, OPERATOR, "VFORGED1", "confirm_write_action", forged, null)
                .then().statusCode(200);

        assertNoArmWrite();
        assertEquals(0L, audits(), "nothing ran, nothing to audit");
    }

    @Test
    void shownConfirmation_submittedBySomeoneElse_nothingOnArm() throws Exception {
        String metadata = confirmationShownTo(OPERATOR, "start_cluster", ActionPayload.of(investigation, CLUSTER));

        TrustRequests.submit(TrustRequests.TEAM, "UOTHER9", "VFORGED2", "confirm_write_action", metadata, null)
                .then().statusCode(200);

        assertNoArmWrite();
    }

    @Test
    void pressFromAnotherWorkspace_refused403_noDialogNothingOnArm() {
        TrustRequests.press("T999OTHER", OPERATOR, CHANNEL, "start_cluster", ActionPayload.of(investigation, CLUSTER).toJson())
                .then().statusCode(403).body(containsString("another Slack workspace"));

        assertTrue(slack.calls("views.open").isEmpty());
        assertNoArmWrite();
    }

    @Test
    void submissionFromAnotherWorkspace_refused403_nothingOnArm() throws Exception {
        String metadata = confirmationShownTo(OPERATOR, "start_cluster", ActionPayload.of(investigation, CLUSTER));

        TrustRequests.submit("T999OTHER", OPERATOR, "VFORGED3", "confirm_write_action", metadata, null)
                .then().statusCode(403);

        assertNoArmWrite();
    }

    @Test
    void reimageOfAScaleSetNotTheClusters_refusedBeforeArm() throws Exception {
        ActionPayload forged = ActionPayload.of(investigation, CLUSTER)
                .withParameter(SuggestedAction.SCALE_SET, "not-this-clusters-vmss")
                .withParameter(SuggestedAction.INSTANCE_ID, "7");
        String metadata = confirmationShownTo(OPERATOR, "reimage_instance", forged);

        TrustRequests.submit(TrustRequests.TEAM, OPERATOR, "VFORGED4", "confirm_write_action", metadata, null)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> audits() == 1 && onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(ActionAudit.Result.FAILED, onlyAudit().result);
        assertTrue(onlyAudit().detail.contains("not a node pool"), onlyAudit().detail);
        assertNoArmWrite();
    }

    @Test
    void reimageOfTheClustersOwnScaleSet_reachesArm() throws Exception {
        String reimage = ArmWorld.VMSS_ID + "/virtualMachines/0/reimage";
        ARM.respond("POST", reimage, 200, "", java.util.Map.of());
        ActionPayload own = ActionPayload.of(investigation, CLUSTER)
                .withParameter(SuggestedAction.SCALE_SET, ArmWorld.VMSS)
                .withParameter(SuggestedAction.INSTANCE_ID, "0");
        String metadata = confirmationShownTo(OPERATOR, "reimage_instance", own);

        TrustRequests.submit(TrustRequests.TEAM, OPERATOR, "VOWN1", "confirm_write_action", metadata, null)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> audits() == 1 && onlyAudit().result != ActionAudit.Result.RUNNING);
        assertEquals(1, ARM.count("POST", reimage), () -> onlyAudit().detail);
    }

    /** Presses the write button as {@code user} and returns the metadata of the confirmation the service showed. */
    String confirmationShownTo(String user, String actionId, ActionPayload payload) throws Exception {
        TrustRequests.press(TrustRequests.TEAM, user, CHANNEL, actionId, payload.toJson()).then().statusCode(200);
        FakeSlackApi.Call open = slack.last("views.open").orElseThrow();
        JsonNode view = TrustRequests.JSON.readTree(open.param("view"));
        return view.path("private_metadata").asText();
    }

    void assertNoArmWrite() {
        List<FakeArm.Recorded> writes = ARM.requests().stream()
                .filter(r -> !r.method().equals("GET") && r.path().startsWith("/subscriptions")).toList();
        assertEquals(List.of(), writes);
    }

    static long audits() {
        return QuarkusTransaction.requiringNew().call(() -> ActionAudit.count());
    }

    static ActionAudit onlyAudit() {
        return QuarkusTransaction.requiringNew().call(() -> ActionAudit.<ActionAudit>findAll().firstResult());
    }
}
