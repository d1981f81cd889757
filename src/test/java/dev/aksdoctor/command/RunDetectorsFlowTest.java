package dev.aksdoctor.command;

import static dev.aksdoctor.command.Interactions.THREAD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.check.DetectorCategory;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.investigation.InvestigationSource;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.ActionPayload;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class RunDetectorsFlowTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    static final String DETECTORS = ArmWorld.CLUSTER_ID + "/detectors";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    long investigation;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(20)).slack(slack).arm(ARM, null).run();
        investigation = store.open("UREQ1", "C111", THREAD, InvestigationSource.SLASH_COMMAND, "ProvisioningState Failed");
        store.finish(investigation, InvestigationStatus.ANSWERED, "recognised");
    }

    @Test
    void runDetectors_failedCluster_postsCriticalInsightsInTheThreadWithThePortalLink() {
        new ArmWorld().install(ARM);
        serveCrudDetectors();

        Interactions.press(slack, "UANYONE1", "C111", "run_detectors", value(DetectorCategory.CRUD))
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("chat.postMessage").isEmpty());
        FakeSlackApi.Call post = slack.calls("chat.postMessage").get(0);
        assertEquals("C111", post.param("channel"));
        assertEquals(THREAD, post.param("thread_ts"));
        assertEquals("AKS detectors (Create, upgrade, delete and scale) for rg-aks/aks1: 1 critical, 1 warning",
                post.param("text"));
        String blocks = post.param("blocks");
        assertTrue(blocks.contains(":red_circle: *Critical* · Cluster Create/Upgrade Failures: Cluster PUT operation "
                + "failed with QuotaExceeded — Operation results in exceeding quota limits of Core."), blocks);
        assertTrue(blocks.contains(":warning: *Warning* · Node Pool Create/Upgrade Failures"), blocks);
        assertTrue(blocks.indexOf("Critical") < blocks.indexOf(":warning:"), "critical first");
        assertFalse(blocks.contains("No deprecated APIs"), "Success insights are not posted");
        assertTrue(blocks.contains("https://portal.azure.com/#resource" + ArmWorld.CLUSTER_ID + "/aksDiagnose"), blocks);
        FakeArm.Recorded run = ARM.requests().stream()
                .filter(r -> r.path().equalsIgnoreCase(DETECTORS + "/aks-cluster-put-failures")).findFirst().orElseThrow();
        assertTrue(run.query().contains("startTime=") && run.query().contains("endTime="), run.query());
        assertEquals(1, ARM.count("GET", DETECTORS));
    }

    @Test
    void failedClusterWithNoDeeperCause_answerOffersDetectors_pressingItListsTheCriticalInsights() throws Exception {
        ArmWorld world = new ArmWorld();
        world.clusterProperties().put("provisioningState", "Failed");
        world.install(ARM);
        serveCrudDetectors();
        Instant pasted = Instant.now();

        dev.aksdoctor.testing.SlackRequests.postSignedForm(dev.aksdoctor.testing.SlackRequests.slashCommandForm(
                "our cluster is in a failed state, nobody knows why\ncluster: " + ArmWorld.CLUSTER_ID,
                slack.responseUrl("detectors-flow"))).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> slack.calls("chat.update").stream()
                .anyMatch(u -> u.param("blocks").contains("Likely cause")));
        String answer = slack.calls("chat.update").stream().map(u -> u.param("blocks"))
                .filter(b -> b.contains("Likely cause")).reduce((a, b) -> b).orElseThrow();
        assertTrue(answer.contains("press \\\"Run AKS detectors\\\" (Create, upgrade, delete and scale, around "),
                answer);
        JsonNode button = button(answer, "run_detectors");
        assertEquals("Run AKS detectors", button.path("text").path("text").asText());
        ActionPayload offered = ActionPayload.parse(button.path("value").asText()).orElseThrow();
        assertEquals(java.util.Optional.of("crud"), offered.parameter("category"));
        assertEquals(0, ARM.count("GET", DETECTORS), "nothing is run before the button is pressed");

        Interactions.press(slack, "UANYONE1", "C111", "run_detectors", button.path("value").asText())
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").stream()
                .anyMatch(p -> p.param("text").startsWith("AKS detectors")));
        FakeSlackApi.Call post = slack.calls("chat.postMessage").stream()
                .filter(p -> p.param("text").startsWith("AKS detectors")).findFirst().orElseThrow();
        assertEquals("AKS detectors (Create, upgrade, delete and scale) for rg-aks/aks1: 1 critical, 1 warning",
                post.param("text"));
        assertTrue(post.param("blocks").contains("Cluster PUT operation failed with QuotaExceeded"), post.param("blocks"));
        // The 24 hours around the paste (no failed operation in the Activity Log): they end at the paste, not later.
        FakeArm.Recorded run = ARM.requests().stream()
                .filter(r -> r.path().equalsIgnoreCase(DETECTORS + "/aks-cluster-put-failures")).findFirst().orElseThrow();
        Instant end = Instant.parse(java.net.URLDecoder.decode(run.query().replaceAll(".*endTime=([^&]+).*", "$1"),
                StandardCharsets.UTF_8));
        assertTrue(Duration.between(pasted, end).abs().compareTo(Duration.ofMinutes(2)) < 0, run.query());
    }

    @Test
    void runDetectors_missingPermission_toldWhichOne() {
        new ArmWorld().install(ARM);
        ARM.forbid("GET", DETECTORS, "Microsoft.ContainerService/managedClusters/detectors/read");

        Interactions.press(slack, "UANYONE1", "C111", "run_detectors", value(DetectorCategory.CONNECTIVITY))
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("response_url").isEmpty());
        String told = Interactions.text(slack.calls("response_url").get(0).rawBody());
        assertTrue(told.contains("lacks `Microsoft.ContainerService/managedClusters/detectors/read`"), told);
        assertTrue(told.contains("aks-doctor-reader.json"), told);
        assertTrue(slack.calls("chat.postMessage").isEmpty());
    }

    @Test
    void runDetectors_channelOutsideScope_refusedNothingRead() {
        new ArmWorld().install(ARM);
        long other = store.open("UREQ1", SlackFlowProfile.SCOPED_CHANNEL, THREAD, InvestigationSource.SLASH_COMMAND,
                "ProvisioningState Failed");
        store.finish(other, InvestigationStatus.ANSWERED, "recognised");

        Interactions.press(slack, "UANYONE1", SlackFlowProfile.SCOPED_CHANNEL, "run_detectors",
                ActionPayload.of(other, CLUSTER, DetectorCategory.CRUD.action()).toJson()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.calls("response_url").isEmpty());
        assertTrue(Interactions.text(slack.calls("response_url").get(0).rawBody()).contains("limited to"));
        assertEquals(0, ARM.count("GET", DETECTORS));
    }

    private static void serveCrudDetectors() {
        ARM.json("GET", DETECTORS, fixture("list.json"));
        ARM.json("GET", DETECTORS + "/aks-category-crud", fixture("crud.json"));
        ARM.json("GET", DETECTORS + "/aks-cluster-put-failures", fixture("put.json"));
        ARM.json("GET", DETECTORS + "/agentpool-put-failures", fixture("pool.json"));
        ARM.json("GET", DETECTORS + "/aks-k8s-deprecations", fixture("dep.json"));
    }

    /** The button with {@code actionId} in a message's blocks (as the fake Slack recorded them). */
    private static JsonNode button(String blocks, String actionId) throws IOException {
        for (JsonNode block : Interactions.JSON.readTree(blocks)) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return element;
                }
            }
        }
        throw new AssertionError("no " + actionId + " button in " + blocks);
    }

    private String value(DetectorCategory category) {
        return ActionPayload.of(investigation, CLUSTER, category.action()).toJson();
    }

    static String fixture(String name) {
        try (InputStream in = RunDetectorsFlowTest.class.getResourceAsStream("/arm/detectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
