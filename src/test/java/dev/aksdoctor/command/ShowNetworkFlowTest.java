package dev.aksdoctor.command;

import static dev.aksdoctor.command.Interactions.THREAD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SlackFlowProfile.class)
@WithTestResource(FakeSlackResource.class)
class ShowNetworkFlowTest {

    static final FakeArm ARM = FakeArmBackedGateway.ARM;
    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    InvestigationStore store;

    long investigation;

    @BeforeEach
    void reset() {
        FlowReset.awaitingInvestigations(Duration.ofSeconds(20)).slack(slack).arm(ARM, null).run();
        investigation = store.open("UREQ1", "C111", THREAD, InvestigationSource.SLASH_COMMAND, "exit status=51");
        store.finish(investigation, InvestigationStatus.ANSWERED, "recognised");
    }

    @Test
    void showNsgRules_anyMember_ephemeralInThreadOutboundFirstDenyMarked() {
        ArmWorld world = new ArmWorld();
        world.rule(world.subnetNsg, "DenyApiServerOut", "Outbound", "Deny", 100, "Tcp", "AzureCloud", "443");
        world.install(ARM);

        Interactions.press(slack, "UANYONE1", "C111", "show_nsg_rules", value(NextAction.SHOW_NSG_RULES,
                ArmWorld.SUBNET_NSG_ID)).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("chat.postEphemeral").isEmpty());
        FakeSlackApi.Call post = slack.calls("chat.postEphemeral").get(0);
        assertEquals("C111", post.param("channel"));
        assertEquals("UANYONE1", post.param("user"));
        assertEquals(THREAD, post.param("thread_ts"));
        assertEquals("NSG nsg-nodes: 8 rules", post.param("text"));
        String blocks = post.param("blocks");
        assertTrue(blocks.contains(":no_entry: `100` *DenyApiServerOut* · *Deny* TCP · from `*` any port to `AzureCloud` port `443`"),
                blocks);
        assertTrue(blocks.contains(":white_check_mark: `130` rule1 · Allow any protocol"), blocks);
        assertTrue(blocks.indexOf("*Outbound* (4)") < blocks.indexOf("*Inbound* (4)"), "outbound rules come first");
        assertTrue(blocks.indexOf("DenyApiServerOut") < blocks.indexOf("AllowVnetOutBound"), "by priority");
        assertTrue(blocks.contains("1 custom deny rule marked"), blocks);
        assertTrue(slack.calls("response_url").isEmpty());
        assertEquals(1, ARM.count("GET", ArmWorld.SUBNET_NSG_ID));
    }

    @Test
    void showRoutes_blackHoleRoute_listedAndMarked() {
        ArmWorld world = new ArmWorld();
        world.route("to-api", "20.61.1.10/32", "None", null);
        world.route("default", "0.0.0.0/0", "VirtualAppliance", "10.0.0.4");
        world.install(ARM);

        Interactions.press(slack, "UANYONE1", "C111", "show_routes", value(NextAction.SHOW_ROUTES, ArmWorld.ROUTE_TABLE_ID))
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("chat.postEphemeral").isEmpty());
        FakeSlackApi.Call post = slack.calls("chat.postEphemeral").get(0);
        assertEquals(THREAD, post.param("thread_ts"));
        assertEquals("Route table rt-nodes: 3 routes", post.param("text"));
        String blocks = post.param("blocks");
        assertTrue(blocks.contains("`20.61.1.10/32` → :no_entry: *None* (traffic is dropped) · to-api"), blocks);
        assertTrue(blocks.contains("`0.0.0.0/0` → VirtualAppliance `10.0.0.4` · default"), blocks);
        assertTrue(blocks.contains("`10.0.3.0/24` → VirtualNetworkGateway · route1"), blocks);
    }

    @Test
    void showNsgRules_buttonWithoutResourceId_showsTheNodeSubnetsNsg() {
        new ArmWorld().install(ARM);

        Interactions.press(slack, "UANYONE1", "C111", "show_nsg_rules",
                ActionPayload.of(investigation, CLUSTER, SuggestedAction.of(NextAction.SHOW_NSG_RULES)).toJson())
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("chat.postEphemeral").isEmpty());
        assertEquals("NSG nsg-nodes: 7 rules", slack.calls("chat.postEphemeral").get(0).param("text"));
    }

    @Test
    void showNsgRules_resourceOutsideChannelScope_refusedNothingRead() {
        new ArmWorld().install(ARM);
        QuarkusTransaction.requiringNew().run(() -> {
            Investigation inv = Investigation.findById(investigation);
            inv.channel = SlackFlowProfile.SCOPED_CHANNEL;
        });

        Interactions.press(slack, "UANYONE1", SlackFlowProfile.SCOPED_CHANNEL, "show_nsg_rules",
                value(NextAction.SHOW_NSG_RULES, ArmWorld.SUBNET_NSG_ID)).then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("response_url").isEmpty());
        assertTrue(Interactions.text(slack.calls("response_url").get(0).rawBody()).contains("limited to"));
        assertTrue(slack.calls("chat.postEphemeral").isEmpty());
        assertEquals(0, ARM.count("GET", ArmWorld.SUBNET_NSG_ID));
    }

    @Test
    void showNsgRules_nsgGone_toldWhyInsteadOfListing() {
        ArmWorld world = new ArmWorld();
        world.install(ARM);
        ARM.respond("GET", ArmWorld.SUBNET_NSG_ID, 404,
                "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource was not found.\"}}",
                java.util.Map.of());

        Interactions.press(slack, "UANYONE1", "C111", "show_nsg_rules", value(NextAction.SHOW_NSG_RULES,
                ArmWorld.SUBNET_NSG_ID)).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("response_url").isEmpty());
        String told = Interactions.text(slack.calls("response_url").get(0).rawBody());
        assertTrue(told.contains("couldn't read the NSG"), told);
        assertFalse(told.contains("Exception"), told);
        assertTrue(slack.calls("chat.postEphemeral").isEmpty());
    }

    private String value(NextAction action, String resourceId) {
        return ActionPayload.of(investigation, CLUSTER, SuggestedAction.of(action, SuggestedAction.RESOURCE_ID, resourceId))
                .toJson();
    }
}
