package dev.aksdoctor.azure;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An {@link AzureConfig} for plain JUnit tests: the CUSTOM cloud pointing at the fake ARM's host names. */
public record TestAzureConfig(AzureCloud cloud, Optional<String> resourceManagerUrl, Optional<String> authorityHost,
        Optional<List<String>> subscriptions, Duration checkTimeout, Duration inventoryTtl,
        Duration activityLogWindow, boolean nodeProbesAlways, Duration credentialTimeout, Duration readTimeout)
        implements AzureConfig {

    public static final String ARM_URL = "https://management.fake-arm.test/";
    public static final String AUTHORITY = "https://login.fake-arm.test/";

    public static TestAzureConfig fake() {
        return new TestAzureConfig(AzureCloud.CUSTOM, Optional.of(ARM_URL), Optional.of(AUTHORITY), Optional.empty(),
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofHours(24), false, Duration.ofSeconds(60),
                Duration.ofSeconds(60));
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean warmUp() {
        return true;
    }

    @Override
    public Duration failedResourceActivityLogWindow() {
        return Duration.ofDays(7);
    }

    public TestAzureConfig withSubscriptions(List<String> subs) {
        return new TestAzureConfig(cloud, resourceManagerUrl, authorityHost, Optional.of(subs), checkTimeout,
                inventoryTtl, activityLogWindow, nodeProbesAlways, credentialTimeout, readTimeout);
    }

    /**
     * Without a credential, DefaultAzureCredential's managed identity probe retries until the timeout; tests of
     * that path wait this long instead of the default's minute.
     */
    public TestAzureConfig withCredentialTimeout(Duration timeout) {
        return new TestAzureConfig(cloud, resourceManagerUrl, authorityHost, subscriptions, checkTimeout, inventoryTtl,
                activityLogWindow, nodeProbesAlways, timeout, readTimeout);
    }

    public TestAzureConfig withCheckTimeout(Duration timeout) {
        return new TestAzureConfig(cloud, resourceManagerUrl, authorityHost, subscriptions, timeout, inventoryTtl,
                activityLogWindow, nodeProbesAlways, credentialTimeout, readTimeout);
    }

    public TestAzureConfig withReadTimeout(Duration timeout) {
        return new TestAzureConfig(cloud, resourceManagerUrl, authorityHost, subscriptions, checkTimeout, inventoryTtl,
                activityLogWindow, nodeProbesAlways, credentialTimeout, timeout);
    }
}
