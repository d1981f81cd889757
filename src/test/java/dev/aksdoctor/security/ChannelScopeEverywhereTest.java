package dev.aksdoctor.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.digest.CheckClusterStates;
import dev.aksdoctor.digest.ClusterAlertStore;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.digest.DigestWatchedClusters;
import dev.aksdoctor.digest.PostDigest;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2: a channel limited (here by environment variable) to rg-elsewhere cannot reach the cluster in
 * rg-aks by any path: investigation, watch, alerts, digest (skipped and said so), App Home, read buttons. Writes
 * and dialogs are in ForgedSubmissionsTest and the flow tests; {@code use} in AccessRulesFromEnvironmentTest.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class ChannelScopeEverywhereTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final String LIMITED = EnvironmentStyleAccess.SINGLE;
    static final ClusterRef OUTSIDE = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
    static final AtomicLong SLOTS = new AtomicLong(System.currentTimeMillis());

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    DigestStore digests;

    @Inject
    ClusterAlertStore alerts;

    @Inject
    PostDigest postDigest;

    @Inject
    CheckClusterStates checkStates;

    @Inject
    DigestWatchedClusters home;

    @Inject
    InvestigationStore investigations;

    @BeforeEach
    void reset() {
        slack.reset();
        ARM.reset();
        new ArmWorld().install(ARM);
        digests.unwatch(LIMITED, ArmWorld.CLUSTER_ID);
    }

    @Test
    void watch_outOfScope_refusedNothingWatched() {
        TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, LIMITED, "UWATCH1", "watch " + ArmWorld.CLUSTER_ID,
                        TrustRequests.newTrigger(), slack.responseUrl("watch")))
                .then().statusCode(200).body("text", containsString("This channel is limited to"));

        assertEquals(List.of(), digests.watched(LIMITED));
    }

    @Test
    void alertsOn_outOfScope_refusedNothingAlerting() {
        TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, LIMITED, "UWATCH1", "alerts on " + ArmWorld.CLUSTER_ID,
                        TrustRequests.newTrigger(), slack.responseUrl("alerts")))
                .then().statusCode(200).body("text", containsString("This channel is limited to"));

        assertTrue(alerts.alerting().stream().noneMatch(w -> w.channel().equals(LIMITED)));
    }

    @Test
    void digest_ofAWatchMadeBeforeTheLimit_skipsItSaysSoAndReadsNothing() {
        digests.watch(LIMITED, ArmWorld.CLUSTER_ID, "UWATCH1");

        assertTrue(postDigest.post(LIMITED, SLOTS.incrementAndGet()));

        FakeSlackApi.Call posted = slack.last("chat.postMessage").orElseThrow();
        assertEquals(LIMITED, posted.param("channel"));
        assertTrue(posted.param("blocks").contains("outside this channel"), posted.param("blocks"));
        assertEquals(List.of(), ARM.armRequests(), "nothing read from ARM for it");
    }

    @Test
    void alertsJob_ofAnAlertMadeBeforeTheLimit_readsAndPostsNothing() {
        QuarkusTransaction.requiringNew().run(() -> alerts.setAlerts(LIMITED, ArmWorld.CLUSTER_ID, "UWATCH1", true));
        try {
            checkStates.run();

            assertEquals(List.of(), ARM.armRequests());
            assertTrue(slack.calls("chat.postMessage").stream().noneMatch(c -> LIMITED.equals(c.param("channel"))));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> alerts.setAlerts(LIMITED, ArmWorld.CLUSTER_ID, "UWATCH1", false));
        }
    }

    @Test
    void appHome_doesNotListAWatchOutsideTheChannelsLimit() {
        digests.watch(LIMITED, ArmWorld.CLUSTER_ID, "UHOME1");
        digests.watch("CUNLIMITED1", ArmWorld.CLUSTER_ID, "UHOME1");
        try {
            List<String> channels = home.forUser("UHOME1", 20).stream().map(w -> w.channel()).toList();
            assertEquals(List.of("CUNLIMITED1"), channels);
        } finally {
            digests.unwatch("CUNLIMITED1", ArmWorld.CLUSTER_ID);
        }
    }

    @Test
    void readButton_outOfScope_refusedNoArmRead() {
        long inv = investigations.open("UREQ1", LIMITED, TrustRequests.THREAD, InvestigationSource.SLASH_COMMAND, "x");
        investigations.finish(inv, InvestigationStatus.ANSWERED, "recognised");

        TrustRequests.press(TrustRequests.TEAM, "UANY1", LIMITED, "show_nsg_rules", ActionPayload.of(inv, OUTSIDE).toJson(),
                slack.responseUrl("nsg")).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.calls("response_url").isEmpty());
        assertTrue(slack.calls("response_url").get(0).rawBody().contains("limited to"));
        assertEquals(List.of(), ARM.armRequests());
    }

    @Test
    void investigation_ofAnOutOfScopeCluster_saysSoAndReadsNothingOfIt() {
        String paste = "exit status=51 could not reach API server " + ArmWorld.CLUSTER_ID;
        TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, LIMITED, "UREQ3", paste, TrustRequests.newTrigger(),
                slack.responseUrl("inv"))).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Investigation.count("channel = ?1 and requester = ?2 and answeredAt is not null", LIMITED, "UREQ3")) == 1);
        String answer = slack.last("chat.update").orElseThrow().param("blocks");
        assertTrue(answer.contains("outside what this channel may investigate"), answer);
        assertTrue(ARM.armRequests().stream().noneMatch(r -> r.path().toLowerCase().startsWith(
                ArmWorld.CLUSTER_ID.toLowerCase())), () -> ARM.armRequests().toString());
    }
}
