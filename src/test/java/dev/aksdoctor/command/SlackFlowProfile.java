package dev.aksdoctor.command;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArmBackedGateway;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** Slack flows against the fake ARM, with one operator rule, one operator group and one scoped channel. */
public class SlackFlowProfile implements QuarkusTestProfile {

    public static final String OPERATOR = "UOPS1";
    public static final String GROUP = "SOPS1";
    public static final String GROUP_MEMBER = "UGRP1";
    public static final String SCOPED_CHANNEL = "CSCOPED1";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeArmBackedGateway.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "aks-doctor.access.operators.oncall.scope", "/subscriptions/" + ArmWorld.SUB,
                "aks-doctor.access.operators.oncall.users", OPERATOR,
                "aks-doctor.access.operators.oncall.groups", GROUP,
                "aks-doctor.access.channels." + SCOPED_CHANNEL + ".scopes",
                "/subscriptions/" + ArmWorld.SUB + "/resourceGroups/rg-elsewhere",
                "slack.channel-post-interval", "0s",
                "aks-doctor.access.group-members-ttl", "0s");
    }
}
