package dev.aksdoctor.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.AddHeadersFromContextPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.HttpPolicyProviders;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Configuration;
import com.azure.core.util.polling.PollerFlux;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.monitor.MonitorManager;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.privatedns.PrivateDnsZoneManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.AzureServiceClient;
import com.azure.resourcemanager.resources.fluentcore.arm.Manager;
import com.azure.resourcemanager.resources.fluentcore.policy.AuthenticationPolicy;
import com.azure.resourcemanager.resources.fluentcore.policy.ReturnRequestIdHeaderPolicy;
import com.azure.resourcemanager.resources.fluentcore.policy.UserAgentPolicy;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.resources.models.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The credential, the HTTP pipeline and the SDK managers, each built on first use so that boot never waits
 * on Azure. Only the managers the checks use are built (one per provider and subscription, not the
 * umbrella {@code AzureResourceManager}'s dozens), all on one pipeline: one token cache, so concurrent first
 * calls share one token request. The pipeline is the SDK's own less {@code ProviderRegistrationPolicy};
 * only the {@link HttpClient} at its bottom differs between production (Quarkus' Vert.x) and tests.
 */
final class ArmSession {

    private static final Duration FAILED_ACCESS_RECHECK = Duration.ofMinutes(1);
    /** The SDK's own retry bounds ({@code ExponentialBackoff}'s defaults); only the first pause is configured. */
    private static final int MAX_RETRIES = 3;
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(8);
    /** In DefaultAzureCredential's order: the first variable set names the credential that will answer. */
    private static final String[][] CREDENTIAL_SIGNALS = {
        {"AZURE_CLIENT_SECRET", "service principal with a secret"},
        {"AZURE_CLIENT_CERTIFICATE_PATH", "service principal with a certificate"},
        {"AZURE_FEDERATED_TOKEN_FILE", "workload identity"},
        {"IDENTITY_ENDPOINT", "managed identity"},
        {"MSI_ENDPOINT", "managed identity"},
        {"AZURE_CLIENT_ID", "user-assigned managed identity"},
    };

    private final AzureConfig config;
    private final Supplier<HttpClient> httpClientFactory;
    private final Configuration azureConfiguration;
    private final Clock clock;
    private final Map<String, Object> managers = new ConcurrentHashMap<>();
    private volatile HttpClient httpClient;
    private volatile TokenCredential credential;
    private volatile HttpPipeline pipeline;
    private volatile ResourceManager.Authenticated tenant;
    private volatile AzureAccess access;
    private volatile Instant accessCheckedAt = Instant.EPOCH;

    ArmSession(AzureConfig config, Supplier<HttpClient> httpClientFactory, Configuration azureConfiguration,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.httpClientFactory = Objects.requireNonNull(httpClientFactory, "httpClientFactory");
        this.azureConfiguration = Objects.requireNonNull(azureConfiguration, "azureConfiguration");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- per provider, per subscription

    ContainerServiceManager containerService(String subscriptionId) {
        return manager("containerservice", subscriptionId, ContainerServiceManager::authenticate);
    }

    NetworkManager network(String subscriptionId) {
        return manager("network", subscriptionId, NetworkManager::authenticate);
    }

    ComputeManager compute(String subscriptionId) {
        return manager("compute", subscriptionId, ComputeManager::authenticate);
    }

    MonitorManager monitor(String subscriptionId) {
        return manager("monitor", subscriptionId, MonitorManager::authenticate);
    }

    PrivateDnsZoneManager privateDns(String subscriptionId) {
        return manager("privatedns", subscriptionId, PrivateDnsZoneManager::authenticate);
    }

    ResourceManager resources(String subscriptionId) {
        return manager("resources", subscriptionId,
                (pipeline, profile) -> ResourceManager.authenticate(pipeline, profile)
                        .withSubscription(profile.getSubscriptionId()));
    }

    /** The managers every investigation in this subscription uses, built now; nothing is sent to Azure. */
    void prepare(String subscriptionId) {
        containerService(subscriptionId);
        network(subscriptionId);
        compute(subscriptionId);
        monitor(subscriptionId);
        resources(subscriptionId);
    }

    /**
     * A GET on the shared pipeline for resource types without an SDK in the build (DNS Private Resolver):
     * the JSON body, or a {@link com.azure.core.management.exception.ManagementException} carrying the
     * response, so {@link ArmErrors} maps it like any SDK call.
     */
    com.fasterxml.jackson.databind.JsonNode getJson(String path, String apiVersion) {
        return getJson(path, apiVersion, null);
    }

    /** {@code filter} is an OData {@code $filter}, URL-encoded here. */
    com.fasterxml.jackson.databind.JsonNode getJson(String path, String apiVersion, String filter) {
        String base = environment().getResourceManagerEndpoint();
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path + "?api-version="
                + apiVersion + (filter == null ? "" : "&$filter=" + java.net.URLEncoder.encode(filter,
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        try (com.azure.core.http.HttpResponse r = pipeline().sendSync(
                new com.azure.core.http.HttpRequest(com.azure.core.http.HttpMethod.GET, url),
                com.azure.core.util.Context.NONE)) {
            String body = r.getBodyAsBinaryData() == null ? "" : r.getBodyAsBinaryData().toString();
            if (r.getStatusCode() >= 400) {
                throw new com.azure.core.management.exception.ManagementException("ARM " + r.getStatusCode()
                        + " for " + path, r);
            }
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The subscriptions the identity can see: the one call made before a subscription is known. */
    Subscriptions subscriptions() {
        ResourceManager.Authenticated t = tenant;
        if (t == null) {
            synchronized (this) {
                if (tenant == null) {
                    tenant = ResourceManager.authenticate(pipeline(), new AzureProfile(null, null, environment()));
                }
                t = tenant;
            }
        }
        return t.subscriptions();
    }

    @SuppressWarnings("unchecked")
    private <M> M manager(String provider, String subscriptionId, BiFunction<HttpPipeline, AzureProfile, M> build) {
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new IllegalArgumentException("subscription id is required");
        }
        String s = subscriptionId.toLowerCase(Locale.ROOT);
        return (M) managers.computeIfAbsent(provider + "/" + s,
                k -> build.apply(pipeline(), new AzureProfile(null, s, environment())));
    }

    /**
     * The result of a long-running operation started on {@code manager}, exactly as the SDK's blocking verbs
     * ({@code start}, {@code createOrUpdate} …) wait for it (a failed operation is a {@code ManagementException}),
     * except that it is looked at every {@link AzureConfig#pollInterval()} when ARM sends no {@code Retry-After}:
     * managers built on our pipeline fix that interval at the SDK's 30 s.
     */
    <T, U> U finish(Manager<?> manager, PollerFlux<PollResult<T>, U> operation) {
        // Every manager's service client is generated on AzureServiceClient, which reads ARM's error out of a failed operation.
        AzureServiceClient client = (AzureServiceClient) manager.serviceClient();
        return operation.setPollInterval(config.pollInterval()).last().flatMap(client::getLroFinalResultOrError)
                .block();
    }

    // ---- access

    /**
     * What the settings say about the credential, read without building it or calling anything; empty when
     * nothing names one. Then nothing is done at start, and the first investigation runs the whole
     * {@code DefaultAzureCredential} chain (a managed identity through the instance metadata service, the
     * Azure CLI …), so a VM's or node pool's managed identity still works with no setting at all.
     */
    Optional<String> configuredCredential() {
        if (!config.enabled()) {
            return Optional.empty();
        }
        for (String[] signal : CREDENTIAL_SIGNALS) {
            String value = azureConfiguration.get(signal[0]);
            if (value != null && !value.isBlank()) {
                return Optional.of(signal[1] + " (" + signal[0] + ")");
            }
        }
        String chosen = azureConfiguration.get("AZURE_TOKEN_CREDENTIALS");
        if (chosen != null && !chosen.isBlank()) {
            return Optional.of("AZURE_TOKEN_CREDENTIALS=" + chosen);
        }
        if (config.subscriptions().filter(l -> !l.isEmpty()).isPresent()) {
            return Optional.of("the credential chain, for the configured subscriptions (AKS_DOCTOR_AZURE_SUBSCRIPTIONS)");
        }
        return Optional.empty();
    }

    Optional<AzureAccess> knownAccess() {
        return Optional.ofNullable(access);
    }

    AzureAccess access() {
        if (!config.enabled()) {
            return AzureAccess.unavailable("Azure access is turned off (AKS_DOCTOR_AZURE_ENABLED=false)");
        }
        AzureAccess known = access;
        Instant now = clock.instant();
        if (known != null && (known.configured() || now.isBefore(accessCheckedAt.plus(FAILED_ACCESS_RECHECK)))) {
            return known;
        }
        AzureAccess checked;
        try {
            // The scope the pipeline's bearer policy asks for, so that both share one token request.
            AzureEnvironment environment = environment();
            String scope = ResourceManagerUtils.getDefaultScopeFromRequest(
                    new HttpRequest(HttpMethod.GET, environment.getResourceManagerEndpoint()), environment);
            var token = credential().getToken(new TokenRequestContext().addScopes(scope))
                    .block(config.credentialTimeout());
            checked = token == null
                    ? AzureAccess.unavailable("no credential: " + AzureAccess.HOW_TO_CONFIGURE)
                    : AzureAccess.available("credential ok (" + config.cloud() + ")");
        } catch (RuntimeException e) {
            checked = AzureAccess.unavailable("no credential: " + AzureAccess.HOW_TO_CONFIGURE + " ("
                    + ArmErrors.firstLine(e.getMessage()) + ")");
        }
        access = checked;
        accessCheckedAt = now;
        return checked;
    }

    // ---- setup

    AzureEnvironment environment() {
        switch (config.cloud()) {
            case AZURE_CHINA:
                return AzureEnvironment.AZURE_CHINA;
            case AZURE_US_GOVERNMENT:
                return AzureEnvironment.AZURE_US_GOVERNMENT;
            case CUSTOM:
                String arm = withSlash(config.resourceManagerUrl().orElseThrow(() -> new IllegalStateException(
                        "AKS_DOCTOR_AZURE_CLOUD=CUSTOM needs AKS_DOCTOR_AZURE_RESOURCE_MANAGER_URL")));
                // Start from a full endpoint map: the SDK's scope lookup walks every value and a null one breaks it.
                Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
                endpoints.put("resourceManagerEndpointUrl", arm);
                endpoints.put("managementEndpointUrl", arm);
                config.authorityHost().ifPresent(a -> endpoints.put("activeDirectoryEndpointUrl", withSlash(a)));
                return new AzureEnvironment(endpoints);
            case AZURE:
            default:
                return AzureEnvironment.AZURE;
        }
    }

    private String authorityHost() {
        if (config.cloud() == AzureCloud.CUSTOM) {
            return config.authorityHost().orElseThrow(() -> new IllegalStateException(
                    "AKS_DOCTOR_AZURE_CLOUD=CUSTOM needs AKS_DOCTOR_AZURE_AUTHORITY_HOST"));
        }
        return environment().getActiveDirectoryEndpoint();
    }

    private HttpClient httpClient() {
        if (!config.enabled()) {
            // Every ARM and token call needs the client: with Azure switched off nothing may leave the machine.
            throw ArmException.noCredential("Azure access is turned off (AKS_DOCTOR_AZURE_ENABLED=false)");
        }
        HttpClient c = httpClient;
        if (c == null) {
            synchronized (this) {
                if (httpClient == null) {
                    httpClient = httpClientFactory.get();
                }
                c = httpClient;
            }
        }
        return c;
    }

    private TokenCredential credential() {
        TokenCredential c = credential;
        if (c == null) {
            synchronized (this) {
                if (credential == null) {
                    DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder()
                            .configuration(azureConfiguration)
                            .httpClient(httpClient())
                            .authorityHost(authorityHost());
                    if (config.cloud() == AzureCloud.CUSTOM) {
                        builder.disableInstanceDiscovery();
                    }
                    credential = new SharedTokenCredential(builder.build(), clock);
                }
                c = credential;
            }
        }
        return c;
    }

    private HttpPipeline pipeline() {
        HttpPipeline p = pipeline;
        if (p == null) {
            synchronized (this) {
                if (pipeline == null) {
                    pipeline = buildPipeline(credential(), environment(), httpClient(), config.retryDelay());
                }
                p = pipeline;
            }
        }
        return p;
    }

    /**
     * The SDK's own ARM pipeline ({@code HttpPipelineProvider.buildHttpPipeline}) in the same order, less its
     * {@code ProviderRegistrationPolicy}: on {@code MissingSubscriptionRegistration} that policy POSTs
     * {@code …/providers/X/register}, a subscription-level write a diagnosis must never make.
     */
    private static HttpPipeline buildPipeline(TokenCredential credential, AzureEnvironment environment,
            HttpClient httpClient, Duration retryDelay) {
        HttpLogOptions logOptions = new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE);
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(new UserAgentPolicy(logOptions, null));
        policies.add(new AddHeadersFromContextPolicy());
        policies.add(new RequestIdPolicy());
        policies.add(new ReturnRequestIdHeaderPolicy(ReturnRequestIdHeaderPolicy.Option.COPY_CLIENT_REQUEST_ID));
        HttpPolicyProviders.addBeforeRetryPolicies(policies);
        policies.add(new RetryPolicy(new ExponentialBackoff(MAX_RETRIES, retryDelay,
                retryDelay.compareTo(MAX_RETRY_DELAY) > 0 ? retryDelay : MAX_RETRY_DELAY), "Retry-After", ChronoUnit.SECONDS));
        policies.add(new AddDatePolicy());
        policies.add(new AuthenticationPolicy(credential, environment));
        HttpPolicyProviders.addAfterRetryPolicies(policies);
        policies.add(new HttpLoggingPolicy(logOptions));
        return new HttpPipelineBuilder().policies(policies.toArray(new HttpPipelinePolicy[0])).httpClient(httpClient)
                .build();
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
