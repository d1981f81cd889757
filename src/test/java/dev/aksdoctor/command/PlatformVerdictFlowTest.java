package dev.aksdoctor.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.azure.NetworkWatcherWorld;
import dev.aksdoctor.azure.TestAzureConfig;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import dev.aksdoctor.testing.SlackRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pasted "connection timed out": the offline answer is posted first, then Network Watcher's verdict edits that same
 * message (next hop, IP flow verify, effective routes, each a long-running operation against the fake ARM).
 */
@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class PlatformVerdictFlowTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final String PASTE = "(VMExtensionError_K8SAPIServerConnFail) CSE failed with "
            + "'VMExtensionError_K8SAPIServerConnFail'. Agents are unable to establish connection to Kubernetes API "
            + "server. Node " + NetworkWatcherWorld.NODE_IP + " could not reach API server at " + ArmWorld.API_SERVER_IP
            + ":443. Connection timed out.\nTarget: " + ArmWorld.CLUSTER_ID;

    @InjectFakeSlack
    FakeSlackApi slack;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(30)).slack(slack).arm(ARM, new ArmWorld()).run();
    }

    @Test
    void timedOut_offlineAnswerFirst_thenEditedInPlaceWithTheAgreement_throughASlack429() {
        // Retry-After: 1 keeps the platform's edit a second behind the offline answer, so the 429 below meets it.
        new NetworkWatcherWorld().retryAfter(1).install(ARM, TestAzureConfig.ARM_URL);

        paste("C111");

        await().atMost(Duration.ofSeconds(30)).until(() -> finalUpdates("C111").size() >= 1);
        FakeSlackApi.Call offline = finalUpdates("C111").get(0);
        assertFalse(offline.param("blocks").contains("Network Watcher"), "the offline answer does not wait for it");
        // The platform's edit leaves a second or more later (the operations poll after Retry-After: 1).
        slack.failNext("chat.update", "ratelimited");
        await().atMost(Duration.ofSeconds(30)).until(() -> confirmed("C111").size() >= 2);
        List<FakeSlackApi.Call> edits = confirmed("C111");
        FakeSlackApi.Call last = edits.get(edits.size() - 1);
        assertEquals(offline.param("ts"), last.param("ts"), "the confirmation edits the one answer message");
        String blocks = last.param("blocks");
        assertTrue(blocks.contains(":satellite: Network Watcher agrees: next hop Internet"), blocks);
        assertTrue(blocks.contains(":satellite: Network Watcher agrees: Allow by rule defaultSecurityRules/AllowInternetOutBound"),
                blocks);
        assertTrue(blocks.contains("Effective routes agree: 0.0.0.0/0 → Internet (source Default)"), blocks);
        assertTrue(blocks.contains(":satellite: Effective security rules agree: Allow by rule "
                + "defaultSecurityRules/AllowInternetOutBound"), blocks);
        assertEquals(2, slack.calls("chat.postMessage").stream().filter(c -> "C111".equals(c.param("channel"))).count(),
                "a root message and one answer message, nothing more");
        Investigation row = awaitDelivered("C111");
        assertEquals(offline.param("ts"), row.answerTs);
        assertEquals(1, ARM.count("POST", NetworkWatcherWorld.NEXT_HOP));
        assertEquals(1, ARM.count("POST", NetworkWatcherWorld.IP_FLOW));
        assertEquals(1, ARM.count("POST", NetworkWatcherWorld.EFFECTIVE_NSGS));
    }

    @Test
    void timedOut_bgpRouteToAnAppliance_theEditMakesItTheLikelyCause() {
        new NetworkWatcherWorld().nextHop("VirtualAppliance", "10.100.0.4", "System Route")
                .install(ARM, TestAzureConfig.ARM_URL);

        paste("C111");

        await().atMost(Duration.ofSeconds(30)).until(() -> !confirmed("C111").isEmpty());
        FakeSlackApi.Call edit = confirmed("C111").get(0);
        assertTrue(edit.param("text").contains("Likely cause: Network Watcher: traffic to the API server (20.61.1.10) "
                + "goes to VirtualAppliance 10.100.0.4 through a route the route table does not show"), edit.param("text"));
        assertTrue(edit.param("blocks").contains("Network Watcher disagrees and wins: next hop VirtualAppliance 10.100.0.4"),
                edit.param("blocks"));
        awaitDelivered("C111");
        // The stored likely cause follows the edit (the confirmation runs after the offline answer is delivered).
        await().atMost(Duration.ofSeconds(10)).until(() -> Optional.ofNullable(awaitDelivered("C111").likelyCause)
                .orElse("").startsWith("Network Watcher: traffic to the API server"));
    }

    @Test
    void channelOutsideScope_networkWatcherNeverAsked() {
        new NetworkWatcherWorld().install(ARM, TestAzureConfig.ARM_URL);

        paste(SlackFlowProfile.SCOPED_CHANNEL);

        awaitDelivered(SlackFlowProfile.SCOPED_CHANNEL);
        assertTrue(confirmed(SlackFlowProfile.SCOPED_CHANNEL).isEmpty());
        assertEquals(0, ARM.count("GET", NetworkWatcherWorld.VM_ID + "/networkInterfaces"));
        assertEquals(0, ARM.count("POST", NetworkWatcherWorld.NEXT_HOP));
        assertEquals(0, ARM.count("POST", NetworkWatcherWorld.IP_FLOW));
    }

    private void paste(String channel) {
        SlackRequests.postSignedForm(SlackRequests.slashCommandForm(PASTE, slack.responseUrl("platform"))
                .replace("channel_id=C111", "channel_id=" + channel)).then().statusCode(200);
    }

    private List<FakeSlackApi.Call> finalUpdates(String channel) {
        return slack.calls("chat.update").stream().filter(c -> channel.equals(c.param("channel")))
                .filter(c -> !String.valueOf(c.param("text")).startsWith("AKS Doctor is investigating")).toList();
    }

    private List<FakeSlackApi.Call> confirmed(String channel) {
        return finalUpdates(channel).stream().filter(c -> c.param("blocks").contains(":satellite:")).toList();
    }

    private static Investigation awaitDelivered(String channel) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("channel = ?1 and answeredAt is not null", channel)) == 1);
        return QuarkusTransaction.requiringNew().call(() -> Investigation.<Investigation>find("channel", channel)
                .firstResult());
    }
}
