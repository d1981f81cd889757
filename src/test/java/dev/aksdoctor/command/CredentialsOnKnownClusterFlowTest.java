package dev.aksdoctor.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.channel.ChannelSetting;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.diagnosis.ClusterRef;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kubectl's rejected credentials on a cluster the bot knows (the channel's default, or named in the paste): what the
 * cluster accepts is read from ARM, and a setting that explains the rejection is the likely cause.
 */
@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class CredentialsOnKnownClusterFlowTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    static final String UNAUTHORIZED = "$ kubectl get pods\nerror: You must be logged in to the server (Unauthorized)";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    ChannelSettings settings;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(30)).deleting(() -> ChannelSetting.deleteAll()).slack(slack)
                .arm(ARM, null).run();
    }

    @Test
    void unauthorized_certificatesRotatedOnChannelDefault_blamesTheRotation() {
        ArmWorld w = new ArmWorld();
        w.failedOperation("Microsoft.ContainerService/managedClusters/rotateClusterCertificates/action", "x", "x");
        ObjectNode e = (ObjectNode) w.activity.get(0);
        e.put("eventTimestamp", OffsetDateTime.now().minusHours(2).toString());
        e.putObject("status").put("value", "Succeeded").put("localizedValue", "Succeeded");
        ((ObjectNode) e.get("properties")).remove("statusMessage");
        String blocks = answer(w, UNAUTHORIZED, true);
        assertTrue(blocks.contains("Likely cause — The cluster\\u0027s certificates were rotated at "), blocks);
        assertTrue(blocks.contains("az aks get-credentials -g " + ArmWorld.RG + " -n " + ArmWorld.NAME), blocks);
    }

    @Test
    void unauthorized_localAccountsDisabledOnClusterNamedInPaste_blamesLocalAccounts() {
        ArmWorld w = new ArmWorld();
        properties(w).put("disableLocalAccounts", true);
        String blocks = answer(w, "$ kubectl get pods  # cluster " + ArmWorld.CLUSTER_ID + "\n" + UNAUTHORIZED, false);
        assertTrue(blocks.contains("Likely cause — Local accounts are disabled on " + ArmWorld.NAME), blocks);
        assertTrue(blocks.contains("kubelogin convert-kubeconfig -l azurecli"), blocks);
    }

    @Test
    void unauthorized_entraIdWithAzureRbac_namesKubeloginAndTheRoles() {
        ArmWorld w = new ArmWorld();
        properties(w).putObject("aadProfile").put("managed", true).put("enableAzureRBAC", true);
        String blocks = answer(w, UNAUTHORIZED, true);
        assertTrue(blocks.contains("Likely cause — " + ArmWorld.NAME + " uses Microsoft Entra ID"), blocks);
        assertTrue(blocks.contains("Azure Kubernetes Service RBAC Reader"), blocks);
    }

    @Test
    void unauthorized_healthyCluster_generalAnswerSaysWhatWasChecked() {
        String blocks = answer(new ArmWorld(), UNAUTHORIZED, true);
        assertTrue(blocks.contains("Likely cause — the API server rejected kubectl"), blocks);
        assertTrue(blocks.contains("kubelogin convert-kubeconfig -l azurecli"), blocks);
        assertTrue(blocks.contains("Checked " + ArmWorld.NAME + " in Azure: No certificate rotation"), blocks);
        assertFalse(blocks.contains("No Azure checks ran"), blocks);
        assertFalse(blocks.contains("certificates were rotated at"), blocks);
    }

    @Test
    void unauthorized_noKnownCluster_staysClientSideWithoutAzure() {
        String blocks = answer(new ArmWorld(), UNAUTHORIZED, false);
        assertTrue(blocks.contains("Likely cause — the API server rejected kubectl"), blocks);
        assertTrue(blocks.contains("No Azure checks ran"), blocks);
        assertEquals(0, ARM.armRequests().size(), "no Azure call: " + ARM.armRequests());
    }

    private String answer(ArmWorld world, String paste, boolean channelDefault) {
        world.install(ARM);
        if (channelDefault) {
            settings.setDefault("C111", CLUSTER, "W111");
        }
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm(paste, slack.responseUrl("1")))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> Investigation.<Investigation>listAll().stream().anyMatch(i -> i.status == InvestigationStatus.ANSWERED
                        && i.answeredAt != null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.last("chat.update").isPresent());
        return slack.last("chat.update").orElseThrow().param("blocks");
    }

    private static ObjectNode properties(ArmWorld w) {
        return (ObjectNode) w.cluster.get("properties");
    }
}
