package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.ArmErrors.call;
import static dev.aksdoctor.azure.SdkValues.rgScope;

import com.azure.core.http.HttpClient;
import com.azure.core.http.vertx.VertxHttpClientBuilder;
import com.azure.core.util.Configuration;
import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.models.InstanceViewTypes;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.resources.fluentcore.arm.ResourceId;
import com.azure.resourcemanager.resources.models.Subscription;
import dev.aksdoctor.diagnosis.ClusterRef;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one implementation of {@link ArmGateway}: each verb is one SDK call through {@link ArmErrors#call}
 * (which names the permission it needs) and a mapper to our records. The credential, HTTP client and
 * managers live in {@link ArmSession}; the mappers per provider in {@code *Mapper}.
 */
@ApplicationScoped
public class AzureArmGateway extends ArmNetworkReads {

    /** The detectors API is not in the Java SDK; this is the version the AKS tools call. */
    private static final String DETECTORS_API = "2019-08-01";

    private final ArmWrites writes;

    @Inject
    public AzureArmGateway(AzureConfig config, Vertx vertx, Clock clock) {
        this(config, () -> httpClient(vertx, config.readTimeout()), Configuration.getGlobalConfiguration(), clock);
    }

    /**
     * The production HTTP client: Quarkus' Vert.x with our read timeout instead of the SDK's minute, so that a hung
     * ARM call is given up while an on-call engineer still waits for the answer.
     */
    public static HttpClient httpClient(Vertx vertx, java.time.Duration readTimeout) {
        DoubleFailureFilter.installOn(vertx);
        return new VertxHttpClientBuilder().vertx(vertx).responseTimeout(readTimeout).readTimeout(readTimeout)
                .writeTimeout(readTimeout).build();
    }

    /**
     * For tests: the same credential chain and pipeline, with another HTTP client at the bottom and the
     * credential's settings ({@code AZURE_CLIENT_ID} …) from {@code azureConfiguration} rather than the environment.
     */
    public AzureArmGateway(AzureConfig config, Supplier<HttpClient> httpClientFactory, Configuration azureConfiguration,
            Clock clock) {
        super(new ArmSession(config, httpClientFactory, azureConfiguration, clock));
        this.writes = new ArmWrites(session);
    }

    @Override
    public Optional<AzureAccess> knownAccess() {
        return session.knownAccess();
    }

    @Override
    public AzureAccess access() {
        return session.access();
    }

    @Override
    public Optional<String> configuredCredential() {
        return session.configuredCredential();
    }

    @Override
    public void prepare(String subscriptionId) {
        session.prepare(subscriptionId);
    }

    // ---------------------------------------------------------------- Microsoft.ContainerService

    @Override
    public List<ClusterSummary> clusters(String subscriptionId) {
        return call("Microsoft.ContainerService/managedClusters/read", "/subscriptions/" + subscriptionId,
                () -> session.containerService(subscriptionId).serviceClient().getManagedClusters().list().stream()
                        .map(ContainerServiceMapper::summary).collect(Collectors.toList()));
    }

    @Override
    public ClusterFacts cluster(ClusterRef ref) {
        String scope = ref.resourceId().orElseThrow(() -> new IllegalArgumentException("cluster without subscription"));
        ManagedClusterInner c = call("Microsoft.ContainerService/managedClusters/read", scope,
                () -> session.containerService(ref.subscriptionId()).serviceClient().getManagedClusters()
                        .getByResourceGroup(ref.resourceGroup(), ref.name()));
        return ContainerServiceMapper.clusterFacts(c, ref);
    }

    @Override
    public List<ClusterFacts> clusterFacts(String subscriptionId) {
        return call("Microsoft.ContainerService/managedClusters/read", "/subscriptions/" + subscriptionId,
                () -> session.containerService(subscriptionId).serviceClient().getManagedClusters().list().stream()
                        .map(c -> ContainerServiceMapper.clusterFacts(c, ContainerServiceMapper.ref(c)))
                        .collect(Collectors.toList()));
    }

    @Override
    public List<DetectorFacts> detectors(ClusterRef ref) {
        String cluster = ref.resourceId().orElseThrow(() -> new IllegalArgumentException("cluster without subscription"));
        return call("Microsoft.ContainerService/managedClusters/detectors/read", cluster + "/detectors",
                () -> DetectorMapper.list(RawArm.get(session.containerService(ref.subscriptionId()).serviceClient()
                        .getHttpPipeline(), session.containerService(ref.subscriptionId()).serviceClient().getEndpoint(),
                        cluster + "/detectors", DETECTORS_API, null)));
    }

    @Override
    public DetectorFacts detector(ClusterRef ref, String detectorName, OffsetDateTime start, OffsetDateTime end) {
        String cluster = ref.resourceId().orElseThrow(() -> new IllegalArgumentException("cluster without subscription"));
        String path = cluster + "/detectors/" + detectorName;
        String window = "startTime=" + start.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "&endTime=" + end.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return call("Microsoft.ContainerService/managedClusters/detectors/read", path,
                () -> DetectorMapper.detector(RawArm.get(session.containerService(ref.subscriptionId()).serviceClient()
                        .getHttpPipeline(), session.containerService(ref.subscriptionId()).serviceClient().getEndpoint(),
                        path, DETECTORS_API, window)));
    }

    // ---------------------------------------------------------------- Microsoft.Network

    @Override
    public List<NetworkWatcherFacts.Watcher> networkWatchers(String subscriptionId) {
        return call("Microsoft.Network/networkWatchers/read", "/subscriptions/" + subscriptionId,
                () -> session.network(subscriptionId).serviceClient().getNetworkWatchers().list().stream()
                        .map(NetworkWatcherMapper::watcher).collect(Collectors.toList()));
    }

    @Override
    public NetworkWatcherFacts.NextHop nextHop(String watcherId, String targetId, String sourceIp, String destinationIp) {
        ResourceId id = ResourceId.fromString(watcherId);
        NetworkManager network = session.network(id.subscriptionId());
        return call("Microsoft.Network/networkWatchers/nextHop/action", watcherId, () -> NetworkWatcherMapper.nextHop(
                session.finish(network, network.serviceClient().getNetworkWatchers().beginGetNextHopAsync(
                        id.resourceGroupName(), id.name(), NetworkWatcherMapper.nextHopParameters(targetId, sourceIp,
                                destinationIp)))));
    }

    @Override
    public NetworkWatcherFacts.IpFlow ipFlowVerify(String watcherId, String targetId, String localIp, String remoteIp,
            int remotePort) {
        ResourceId id = ResourceId.fromString(watcherId);
        NetworkManager network = session.network(id.subscriptionId());
        return call("Microsoft.Network/networkWatchers/ipFlowVerify/action", watcherId, () -> NetworkWatcherMapper.ipFlow(
                session.finish(network, network.serviceClient().getNetworkWatchers().beginVerifyIpFlowAsync(
                        id.resourceGroupName(), id.name(), NetworkWatcherMapper.ipFlowParameters(targetId, localIp,
                                remoteIp, remotePort)))));
    }

    @Override
    public List<NetworkWatcherFacts.EffectiveRoute> effectiveRoutes(String nicId) {
        ResourceId id = ResourceId.fromString(nicId);
        NetworkManager network = session.network(id.subscriptionId());
        return call("Microsoft.Network/networkInterfaces/effectiveRouteTable/action", nicId,
                () -> NetworkWatcherMapper.effectiveRoutes(session.finish(network, network.serviceClient()
                        .getNetworkInterfaces().beginGetEffectiveRouteTableAsync(id.resourceGroupName(), id.name()))));
    }

    @Override
    public List<NetworkWatcherFacts.EffectiveSecurityGroup> effectiveSecurityRules(String nicId) {
        ResourceId id = ResourceId.fromString(nicId);
        NetworkManager network = session.network(id.subscriptionId());
        return call("Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action", nicId,
                () -> NetworkWatcherMapper.effectiveSecurityGroups(session.finish(network, network.serviceClient()
                        .getNetworkInterfaces().beginListEffectiveNetworkSecurityGroupsAsync(id.resourceGroupName(),
                                id.name()))));
    }

    // ---------------------------------------------------------------- Microsoft.Compute

    @Override
    public List<ScaleSetFacts> scaleSets(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Compute/virtualMachineScaleSets/read", rgScope(subscriptionId, resourceGroup),
                () -> session.compute(subscriptionId).serviceClient().getVirtualMachineScaleSets()
                        .listByResourceGroup(resourceGroup).stream().map(ComputeMapper::scaleSet)
                        .collect(Collectors.toList()));
    }

    @Override
    public List<InstanceFacts> instances(String subscriptionId, String resourceGroup, String scaleSetName) {
        return call("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read",
                scaleSetScope(subscriptionId, resourceGroup, scaleSetName),
                () -> session.compute(subscriptionId).serviceClient().getVirtualMachineScaleSetVMs()
                        .list(resourceGroup, scaleSetName, null, null, "instanceView", Context.NONE).stream()
                        .map(vm -> ComputeMapper.instance(scaleSetName, vm)).collect(Collectors.toList()));
    }

    @Override
    public InstanceFacts instance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId) {
        return call("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read",
                scaleSetScope(subscriptionId, resourceGroup, scaleSetName) + "/virtualMachines/" + instanceId,
                () -> ComputeMapper.instance(scaleSetName, session.compute(subscriptionId).serviceClient()
                        .getVirtualMachineScaleSetVMs().getWithResponse(resourceGroup, scaleSetName, instanceId,
                                InstanceViewTypes.INSTANCE_VIEW, Context.NONE)
                        .getValue()));
    }

    @Override
    public List<UsageFacts> computeUsages(String subscriptionId, String region) {
        return call("Microsoft.Compute/locations/usages/read", "/subscriptions/" + subscriptionId,
                () -> session.compute(subscriptionId).serviceClient().getUsages().list(region).stream()
                        .map(u -> new UsageFacts(u.name() == null ? null : u.name().value(),
                                u.name() == null ? null : u.name().localizedValue(), u.currentValue(), u.limit()))
                        .collect(Collectors.toList()));
    }

    @Override
    public List<SkuFacts> vmSkus(String subscriptionId, String region) {
        return call("Microsoft.Compute/skus/read", "/subscriptions/" + subscriptionId,
                () -> session.compute(subscriptionId).serviceClient().getResourceSkus()
                        .list("location eq '" + region.replace("'", "") + "'", null, Context.NONE).stream()
                        .filter(s -> "virtualMachines".equalsIgnoreCase(s.resourceType()))
                        .map(ComputeMapper::sku).collect(Collectors.toList()));
    }

    // ---------------------------------------------------------------- Microsoft.Resources, .Authorization, .Insights

    @Override
    public List<String> subscriptions() {
        return call("Microsoft.Resources/subscriptions/read", "/subscriptions",
                () -> session.subscriptions().list().stream().map(Subscription::subscriptionId)
                        .collect(Collectors.toList()));
    }

    @Override
    public SubscriptionFacts subscription(String subscriptionId) {
        return call("Microsoft.Resources/subscriptions/read", "/subscriptions/" + subscriptionId,
                () -> ResourcesMapper.subscription(session.subscriptions().getById(subscriptionId)));
    }

    @Override
    public ProviderFacts provider(String subscriptionId, String namespace) {
        return call("Microsoft.Resources/subscriptions/providers/read", "/subscriptions/" + subscriptionId,
                () -> ResourcesMapper.provider(session.resources(subscriptionId).providers().getByName(namespace)));
    }

    @Override
    public PolicyAssignmentFacts policyAssignment(String assignmentId) {
        return call("Microsoft.Authorization/policyAssignments/read", assignmentId, () -> {
            String sub = assignmentId.replaceFirst("(?i)^/subscriptions/([^/]+)/.*$", "$1");
            return ResourcesMapper.policyAssignment(session.resources(sub).policyAssignments().getById(assignmentId));
        });
    }

    @Override
    public List<LockFacts> locks(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Authorization/locks/read", rgScope(subscriptionId, resourceGroup),
                () -> session.resources(subscriptionId).managementLocks().listByResourceGroup(resourceGroup).stream()
                        .map(ResourcesMapper::lock).collect(Collectors.toList()));
    }

    @Override
    public List<LockFacts> subscriptionLocks(String subscriptionId) {
        return call("Microsoft.Authorization/locks/read", "/subscriptions/" + subscriptionId,
                () -> session.resources(subscriptionId).managementLocks().list().stream()
                        .map(ResourcesMapper::lock).collect(Collectors.toList()));
    }

    @Override
    public List<ActivityEventFacts> activityLog(String subscriptionId, String resourceGroup, OffsetDateTime from,
            OffsetDateTime to) {
        String filter = window(from, to) + " and resourceGroupName eq '" + resourceGroup.replace("'", "") + "'";
        return call("Microsoft.Insights/eventtypes/values/read", rgScope(subscriptionId, resourceGroup),
                () -> session.monitor(subscriptionId).serviceClient().getActivityLogs().list(filter).stream()
                        .map(ResourcesMapper::event).collect(Collectors.toList()));
    }

    @Override
    public List<AuditEventFacts> auditEvents(String subscriptionId, OffsetDateTime from, OffsetDateTime to) {
        String select = "eventTimestamp,operationName,status,subStatus,resourceId,caller,correlationId,properties";
        return call("Microsoft.Insights/eventtypes/values/read", "/subscriptions/" + subscriptionId,
                () -> session.monitor(subscriptionId).serviceClient().getActivityLogs()
                        .list(window(from, to), select, Context.NONE).stream().map(ResourcesMapper::auditEvent)
                        .collect(Collectors.toList()));
    }

    // ---------------------------------------------------------------- actions (see ArmWrites)

    @Override
    public RunCommandOutput runCommand(String subscriptionId, String resourceGroup, String scaleSetName,
            String instanceId, boolean windows, List<String> scriptLines) {
        return writes.runCommand(subscriptionId, resourceGroup, scaleSetName, instanceId, windows, scriptLines);
    }

    @Override
    public void startCluster(ClusterRef ref) {
        writes.startCluster(ref);
    }

    @Override
    public void reconcileCluster(ClusterRef ref) {
        writes.reconcileCluster(ref);
    }

    @Override
    public void reconcileAgentPool(ClusterRef ref, String poolName) {
        writes.reconcileAgentPool(ref, poolName);
    }

    @Override
    public void updateAuthorizedRanges(ClusterRef ref, List<String> ranges) {
        writes.updateAuthorizedRanges(ref, ranges);
    }

    @Override
    public void rotateCertificates(ClusterRef ref) {
        writes.rotateCertificates(ref);
    }

    @Override
    public void updateInstance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId) {
        writes.updateInstance(subscriptionId, resourceGroup, scaleSetName, instanceId);
    }

    @Override
    public void startAgentPool(ClusterRef ref, String poolName) {
        writes.startAgentPool(ref, poolName);
    }

    @Override
    public void reimageInstance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId) {
        writes.reimageInstance(subscriptionId, resourceGroup, scaleSetName, instanceId);
    }

    // ---------------------------------------------------------------- helpers

    static String scaleSetScope(String subscriptionId, String resourceGroup, String scaleSetName) {
        return rgScope(subscriptionId, resourceGroup) + "/providers/Microsoft.Compute/virtualMachineScaleSets/"
                + scaleSetName;
    }

    private static String window(OffsetDateTime from, OffsetDateTime to) {
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return "eventTimestamp ge '" + from.withOffsetSameInstant(ZoneOffset.UTC).format(f)
                + "' and eventTimestamp le '" + to.withOffsetSameInstant(ZoneOffset.UTC).format(f) + "'";
    }
}
