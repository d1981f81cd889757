package dev.aksdoctor.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.diagnosis.ClusterRef;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Access rules read through SmallRye exactly as Quarkus reads them, from properties and from the environment. */
class AccessRulesTest {

    static final String SUB = "11111111-2222-3333-4444-555555555555";
    static final String RG_SCOPE = "/subscriptions/" + SUB + "/resourceGroups/rg-other";
    static final ClusterRef INSIDE = new ClusterRef(SUB, "rg-other", "aks-in");
    static final ClusterRef OUTSIDE = new ClusterRef(SUB, "rg-prod", "aks-out");

    static AccessRules read(ConfigSource source) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(AccessConfig.class)
                .withSources(source)
                .build();
        return new AccessRules(config.getConfigMapping(AccessConfig.class), config.getPropertyNames());
    }

    static AccessRules fromEnv(Map<String, String> env) {
        return read(new EnvConfigSource(env, 300));
    }

    @ParameterizedTest
    @CsvSource({
            "AKS_DOCTOR_ACCESS_CHANNELS_C0SCOPED_SCOPES",
            "AKS_DOCTOR_ACCESS_CHANNELS__C0SCOPED__SCOPES",
            "aks_doctor_access_channels_c0scoped_scopes",
            "AKS_DOCTOR_ACCESS_CHANNELS_C0SCOPED_SCOPES_0_"})
    void channelLimit_fromEnvironment_appliesToTheUpperCaseChannelId(String variable) {
        AccessRules rules = fromEnv(Map.of(variable, RG_SCOPE));
        ChannelScopes scopes = new ChannelScopes(rules);

        assertFalse(scopes.permits("C0SCOPED", OUTSIDE), "the limit Slack's upper-case id is checked against");
        assertTrue(scopes.permits("C0SCOPED", INSIDE));
        assertTrue(scopes.permits("COTHER1", OUTSIDE), "other channels are not limited");
    }

    @Test
    void channelLimit_fromProperties_sameAsFromEnvironment() {
        AccessRules rules = read(new PropertiesConfigSource(
                Map.of("aks-doctor.access.channels.C0SCOPED.scopes", RG_SCOPE + ",/subscriptions/" + SUB.replace('1', '9')),
                "application.properties", 250));

        assertEquals(Optional.of(List.of(Scope.parse(RG_SCOPE).orElseThrow(),
                Scope.parse("/subscriptions/" + SUB.replace('1', '9')).orElseThrow())), rules.channelLimit("c0scoped"));
        assertFalse(new ChannelScopes(rules).permits("C0SCOPED", OUTSIDE));
    }

    @Test
    void operatorRule_fromEnvironment_grantsItsUsers() {
        AccessRules rules = fromEnv(Map.of(
                "AKS_DOCTOR_ACCESS_OPERATORS_ONCALL_SCOPE", "/subscriptions/" + SUB,
                "AKS_DOCTOR_ACCESS_OPERATORS_ONCALL_USERS", "U012AB3CD,U045EF6GH",
                "AKS_DOCTOR_ACCESS_OPERATORS__PLATFORM_TEAM__SCOPE", RG_SCOPE,
                "AKS_DOCTOR_ACCESS_OPERATORS__PLATFORM_TEAM__GROUPS", "S0614TZR7"));

        assertEquals(List.of("U012AB3CD", "U045EF6GH"), rules.operators().operatorsOf(OUTSIDE).users());
        assertEquals(List.of("S0614TZR7"), rules.operators().operatorsOf(INSIDE).groups());
    }

    @Test
    void effectiveRules_describedWithIdsAndScopes() {
        String text = fromEnv(Map.of("AKS_DOCTOR_ACCESS_CHANNELS_C0SCOPED_SCOPES", RG_SCOPE,
                "AKS_DOCTOR_ACCESS_OPERATORS_ONCALL_SCOPE", "/", "AKS_DOCTOR_ACCESS_OPERATORS_ONCALL_USERS", "U012AB3CD"))
                .describe();

        assertTrue(text.contains("channel C0SCOPED limited to [" + RG_SCOPE + "]"), text);
        assertTrue(text.contains("operators 'oncall' on /: users [U012AB3CD]"), text);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", value = {
            // a typo: SmallRye drops it silently and the channel would be unlimited
            "AKS_DOCTOR_ACCESS_CHANNELS_C0SCOPED_SCOPE | " + RG_SCOPE + " | AKS_DOCTOR_ACCESS_CHANNELS_C0SCOPED_SCOPE",
            "AKS_DOCTOR_ACCESS_CHANNELS_C0SCOPED_SCOPES | rg-other | is not a scope",
            "AKS_DOCTOR_ACCESS_CHANNELS_C0_SCOPED_SCOPES | " + RG_SCOPE + " | C0_SCOPED",
            "AKS_DOCTOR_ACCESS_CHANNELS__#GENERAL__SCOPES | " + RG_SCOPE + " | not a Slack channel id",
            "AKS_DOCTOR_ACCESS_CHANNEL_C0SCOPED_SCOPES | " + RG_SCOPE + " | is not an access setting",
            // an operator name with '_': the mapping cannot tell name from key, and drops the rule
            "AKS_DOCTOR_ACCESS_OPERATORS_PLATFORM_TEAM_SCOPE | /subscriptions/" + SUB + " | may not contain",
    })
    void unreadableRule_refusesToStart_namingIt(String variable, String value, String named) {
        AccessRules.InvalidAccessRules refused = assertThrows(AccessRules.InvalidAccessRules.class,
                () -> fromEnv(Map.of(variable, value)));

        assertTrue(refused.getMessage().contains(named), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("AKS Doctor will not start"), refused.getMessage());
    }

    @Test
    void operatorRule_withAnInvalidUserOrNoOne_refusesToStart() {
        AccessRules.InvalidAccessRules refused = assertThrows(AccessRules.InvalidAccessRules.class, () -> fromEnv(Map.of(
                "AKS_DOCTOR_ACCESS_OPERATORS_ONCALL_SCOPE", "/", "AKS_DOCTOR_ACCESS_OPERATORS_ONCALL_USERS", "alice",
                "AKS_DOCTOR_ACCESS_OPERATORS_NOBODY_SCOPE", "/")));

        assertTrue(refused.problems().stream().anyMatch(p -> p.contains("'alice' is not a Slack user id")),
                refused.getMessage());
        assertTrue(refused.problems().stream().anyMatch(p -> p.contains("'nobody' names no users")),
                refused.getMessage());
    }

    @Test
    void sameChannel_twoSpellingsDisagreeing_refusesToStart() {
        AccessRules.InvalidAccessRules refused = assertThrows(AccessRules.InvalidAccessRules.class,
                () -> read(new PropertiesConfigSource(Map.of("aks-doctor.access.channels.C0SCOPED.scopes", RG_SCOPE,
                        "aks-doctor.access.channels.c0scoped.scopes", "/"), "application.properties", 250)));

        assertTrue(refused.getMessage().contains("C0SCOPED is set twice"), refused.getMessage());
    }
}
