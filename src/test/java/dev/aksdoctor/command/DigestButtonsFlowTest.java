package dev.aksdoctor.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.digest.DigestStore;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Watch this cluster" on an answer, and "Diagnose" on a digest. */
@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class DigestButtonsFlowTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    @Inject
    DigestStore digests;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(30)).slack(slack).arm(ARM, new ArmWorld()).run();
    }

    @AfterEach
    void unwatch() {
        // The in-memory H2 database outlives one Quarkus boot; App Home tests count watches.
        digests.unwatch("C111", CLUSTER.resourceId().orElseThrow().toLowerCase());
    }

    @Test
    void watchButton_addsTheClusterToTheChannelsWatchList() {
        long inv = store.open("UREQ1", "C111", Interactions.THREAD, InvestigationSource.SLASH_COMMAND, "exit status=51");
        store.finish(inv, InvestigationStatus.ANSWERED, "recognised");
        String value = new ActionPayload(inv, CLUSTER.resourceId().orElseThrow(), Map.of()).toJson();

        Interactions.press(slack, "UANYONE1", "C111", "watch_cluster", value).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("response_url").isEmpty());
        assertTrue(slack.calls("response_url").get(0).rawBody().contains("added"),
                slack.calls("response_url").get(0).rawBody());
        assertTrue(digests.watched("C111").contains(CLUSTER.resourceId().orElseThrow().toLowerCase()),
                () -> "watched: " + digests.watched("C111"));
    }

    @Test
    void diagnoseButtonOnADigest_investigatesThatClusterInTheDigestThread() {
        String value = new ActionPayload(0, CLUSTER.resourceId().orElseThrow(), Map.of()).toJson();

        Interactions.press(slack, "UANYONE1", "C111", "diagnose_cluster", value).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("source = ?1 and status = ?2 and answeredAt is not null", InvestigationSource.DIGEST,
                        InvestigationStatus.ANSWERED)) == 1);
        Investigation inv = QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>find("source",
                InvestigationSource.DIGEST).firstResult());
        assertEquals(Interactions.THREAD, inv.threadTs, "answered in the digest's thread");
        assertTrue(slack.calls("chat.update").stream().anyMatch(u -> u.param("blocks").contains(ArmWorld.NAME)),
                "the answer names the cluster");
    }

    @Test
    void diagnoseButtonOnAnAlert_investigatesThatClusterWithTheHealthPlanNoPasteHelp() throws Exception {
        dev.aksdoctor.azure.ClusterFacts facts = new dev.aksdoctor.azure.ClusterFacts(ArmWorld.CLUSTER_ID, CLUSTER,
                "westeurope", "Failed", "Running", "1.31.2", null, null, false, null, null, null, null, null, null,
                null, null, null);
        com.slack.api.model.block.element.ButtonElement button = (com.slack.api.model.block.element.ButtonElement)
                ((com.slack.api.model.block.SectionBlock) dev.aksdoctor.reply.ClusterAlertRenderer.blocks(facts, "Failed")
                        .get(0)).getAccessory();
        String value = button.getValue();
        assertEquals("diagnose_cluster", button.getActionId());

        Interactions.press(slack, "UANYONE1", "C111", "diagnose_cluster", value).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("source = ?1 and status = ?2 and answeredAt is not null", InvestigationSource.DIGEST,
                        InvestigationStatus.ANSWERED)) == 1);
        Investigation inv = QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>find("source",
                InvestigationSource.DIGEST).firstResult());
        assertEquals(Interactions.THREAD, inv.threadTs, "answered in the alert's thread");
        String answer = slack.calls("chat.update").get(slack.calls("chat.update").size() - 1).param("blocks");
        assertTrue(answer.contains("Health check of") && answer.contains(ArmWorld.NAME), answer);
        assertTrue(!answer.toLowerCase().contains("paste the whole error"), answer);
        assertTrue(answer.contains("`cluster-state`") && answer.contains("`node-pool-state`"), "the general health plan: " + answer);
    }

    @Test
    void rerunButton_investigatesTheSamePasteAgainInTheSameThread() {
        long first = store.open("UREQ1", "C111", Interactions.THREAD, InvestigationSource.SLASH_COMMAND, "exit status=51");
        store.finish(first, InvestigationStatus.ANSWERED, "recognised");
        String value = new ActionPayload(first, CLUSTER.resourceId().orElseThrow(), Map.of()).toJson();

        Interactions.press(slack, "UANYONE1", "C111", "rerun_checks", value).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("id <> ?1 and status = ?2 and answeredAt is not null", first,
                        InvestigationStatus.ANSWERED)) == 1);
        Investigation rerun = QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>find("id <> ?1",
                first).firstResult());
        assertEquals(Interactions.THREAD, rerun.threadTs, "answered in the same thread");
        assertTrue(rerun.textRedacted.startsWith("exit status=51") && rerun.textRedacted.contains(ArmWorld.NAME),
                "the same paste, with the located cluster: " + rerun.textRedacted);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Investigation.count("id <> ?1", first)),
                "one re-run for one press");
    }
}
