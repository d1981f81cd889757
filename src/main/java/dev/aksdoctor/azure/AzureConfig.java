package dev.aksdoctor.azure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Azure settings; environment names map automatically, e.g. {@code AKS_DOCTOR_AZURE_CLOUD}. */
@ConfigMapping(prefix = "aks-doctor.azure")
public interface AzureConfig {

    /** Off: never build a credential or call Azure (tests without a fake ARM, Slack-only trials). */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("AZURE")
    AzureCloud cloud();

    /** Only for {@link AzureCloud#CUSTOM}: e.g. {@code https://management.local.azurestack.external/}. */
    Optional<String> resourceManagerUrl();

    /** Only for {@link AzureCloud#CUSTOM}: the Entra ID (or AD FS) authority host. */
    Optional<String> authorityHost();

    /** Subscriptions searched when a cluster must be found by FQDN or node IP; all visible ones when empty. */
    Optional<List<String>> subscriptions();

    /**
     * How long the checks of one investigation may take (the playbook's, and again for each round of follow-up
     * checks): a check not finished by then, one waiting on a hung ARM call included, is reported as ERROR and
     * the answer says what could not be checked. Checks that wait on each other share the one time box.
     */
    @WithDefault("30s")
    Duration checkTimeout();

    /**
     * How long one ARM request may wait for its response (and between reads of it) before it fails; the SDK's
     * retry policy may try it again, within {@link #checkTimeout()}.
     */
    @WithDefault("15s")
    Duration readTimeout();

    /** How long the list of visible clusters is reused when locating a cluster. */
    @WithDefault("5m")
    Duration inventoryTtl();

    /** How far back the Activity Log is searched for failed operations. */
    @WithDefault("24h")
    Duration activityLogWindow();

    /**
     * How far back it is searched when the cluster or a node pool is Failed: the operation that failed may be days
     * old (a Failed cluster stays Failed until something reconciles it).
     */
    @WithDefault("7d")
    Duration failedResourceActivityLogWindow();

    /** Whether node probes (VMSS run-command) run in every investigation, not only when a user asks. */
    @WithDefault("false")
    boolean nodeProbesAlways();

    /**
     * Whether to get the token, build the HTTP client and list the clusters in the background right after
     * start, when the settings name a credential ({@link ArmGateway#configuredCredential()}).
     */
    @WithDefault("true")
    boolean warmUp();

    /** How long a credential check may take before Azure access is reported as unavailable. */
    @WithDefault("20s")
    Duration credentialTimeout();
}
