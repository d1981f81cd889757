package dev.aksdoctor.security;

import dev.aksdoctor.azure.ArmWorld;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The access rules of {@link TrustProfile} as a container sets them: environment variables, read by the same
 * {@link EnvConfigSource} Quarkus uses for the real environment (a test cannot change its own JVM's
 * environment). Active only when the profile asks for it, so other tests see no channel limits from here.
 */
public class EnvironmentStyleAccess implements ConfigSourceFactory {

    static final String SWITCH = "aks-doctor-test.access-from-environment";

    /** Limited with single underscores, exactly as issue 15 reports the variable. */
    public static final String SINGLE = "CENVSCOPED1";
    /** Limited with the {@code __} form. */
    public static final String DOUBLE = "CENVDOUBLE1";
    public static final String OPERATOR = "UOPS1";
    public static final String ELSEWHERE = "/subscriptions/" + ArmWorld.SUB + "/resourceGroups/rg-elsewhere";

    static final Map<String, String> ENV = Map.of(
            "AKS_DOCTOR_ACCESS_CHANNELS_" + SINGLE + "_SCOPES", ELSEWHERE,
            "AKS_DOCTOR_ACCESS_CHANNELS__" + DOUBLE + "__SCOPES", ELSEWHERE,
            "AKS_DOCTOR_ACCESS_OPERATORS_ONCALL_SCOPE", "/subscriptions/" + ArmWorld.SUB,
            "AKS_DOCTOR_ACCESS_OPERATORS_ONCALL_USERS", OPERATOR,
            "AKS_DOCTOR_ACCESS_GROUP_MEMBERS_TTL", "0s");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue on = context.getValue(SWITCH);
        if (on == null || !"true".equals(on.getValue())) {
            return List.of();
        }
        return List.of(new EnvConfigSource(ENV, 300));
    }
}
