package dev.aksdoctor.security;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.access.AccessRules;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.testing.FakeSlackApi;
import dev.aksdoctor.testing.FakeSlackResource;
import dev.aksdoctor.testing.InjectFakeSlack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15 item 1: channel limits set as environment variables (with {@code _} or {@code __}) are enforced.
 * That a rule the service cannot read stops the start is {@code access.AccessRulesTest}.
 */
@QuarkusTest
@TestProfile(TrustProfile.class)
@WithTestResource(FakeSlackResource.class)
class AccessRulesFromEnvironmentTest {

    static final String IN_SCOPE_ID = EnvironmentStyleAccess.ELSEWHERE
            + "/providers/Microsoft.ContainerService/managedClusters/aks-allowed";

    @InjectFakeSlack
    FakeSlackApi slack;

    @Inject
    AccessRules rules;

    @Inject
    ChannelSettings settings;

    @ParameterizedTest
    @ValueSource(strings = {EnvironmentStyleAccess.SINGLE, EnvironmentStyleAccess.DOUBLE})
    void use_outOfScopeCluster_inChannelLimitedByEnvironment_refused(String channel) {
        TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, channel, "UANY1", "use " + ArmWorld.CLUSTER_ID,
                        TrustRequests.newTrigger(), slack.responseUrl("use")))
                .then().statusCode(200)
                .body("text", containsString("This channel is limited to " + EnvironmentStyleAccess.ELSEWHERE));

        assertEquals(Optional.empty(), settings.channelDefault(channel), "nothing was saved");
    }

    @ParameterizedTest
    @ValueSource(strings = {EnvironmentStyleAccess.SINGLE, EnvironmentStyleAccess.DOUBLE})
    void use_inScopeCluster_inChannelLimitedByEnvironment_accepted(String channel) {
        TrustRequests.post(TrustRequests.slashCommand(TrustRequests.TEAM, channel, "UANY1", "use " + IN_SCOPE_ID,
                        TrustRequests.newTrigger(), slack.responseUrl("use")))
                .then().statusCode(200)
                .body("text", containsString("now default to"));
        settings.setDefault(channel, null, "UANY1");
    }

    @Test
    void operatorRule_fromEnvironment_isInForce() {
        ClusterRef cluster = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);
        assertEquals(List.of(EnvironmentStyleAccess.OPERATOR), rules.operators().operatorsOf(cluster).users());
        assertTrue(rules.describe().contains("channel " + EnvironmentStyleAccess.SINGLE + " limited to"),
                rules.describe());
    }
}
