package dev.aksdoctor.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the production {@link AzureArmGateway} wired to a {@link FakeArm}: DefaultAzureCredential's
 * environment credential (a client secret) gets its token from the fake's token endpoint, and ARM calls go
 * through the stock pipeline; only the HTTP client at the bottom is swapped.
 */
public final class FakeArmGateways {

    public static final String TENANT = "22222222-2222-2222-2222-222222222222";
    public static final String CLIENT_ID = "33333333-3333-3333-3333-333333333333";

    /**
     * Created on a thread of its own: a {@code @QuarkusTest} may first touch this class on a Vert.x worker, and
     * Vert.x warns when a second instance is created from inside a Vert.x context.
     */
    private static final Vertx VERTX = CompletableFuture.supplyAsync(QuietVertx::create,
            task -> new Thread(task, "fake-arm-vertx-init").start()).join();

    /** A class of its own: the thread creating Vert.x must not wait for this class' initialisation. */
    private static final class QuietVertx {
        static Vertx create() {
            // AzureArmGateway.httpClient puts DoubleFailureFilter in front of its exception handler.
            return Vertx.vertx();
        }
    }

    private FakeArmGateways() {
    }

    public static AzureArmGateway gateway(FakeArm arm) {
        return gateway(arm, TestAzureConfig.fake(), true);
    }

    public static AzureArmGateway gateway(FakeArm arm, AzureConfig config, boolean withCredential) {
        Configuration configuration = withCredential ? credentialSettings()
                : environment(Map.of("AZURE_TOKEN_CREDENTIALS", "prod"));
        return new AzureArmGateway(config, () -> httpClient(arm, config.readTimeout()), configuration,
                Clock.systemUTC());
    }

    /** The environment a service principal would have: what {@code DefaultAzureCredential} reads first. */
    public static Configuration credentialSettings() {
        return environment(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT_ID,
                "AZURE_CLIENT_SECRET", "not-a-secret", "AZURE_TOKEN_CREDENTIALS", "prod"));
    }

    /**
     * A private environment: {@code ConfigurationBuilder.putProperty} would write into the JVM-wide
     * environment configuration and leak credentials into every other test.
     */
    public static Configuration environment(Map<String, String> variables) {
        ConfigurationSource empty = path -> Map.of();
        return new ConfigurationBuilder(empty, empty, path -> variables).build();
    }

    public static HttpClient httpClient(FakeArm arm) {
        return httpClient(arm, TestAzureConfig.fake().readTimeout());
    }

    /** The production client (and its read timeout) under the redirect. */
    public static HttpClient httpClient(FakeArm arm, Duration readTimeout) {
        return new RedirectingHttpClient(AzureArmGateway.httpClient(VERTX, readTimeout), arm.port());
    }
}
