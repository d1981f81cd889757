package dev.aksdoctor.azure;

import dev.aksdoctor.diagnosis.ClusterRef;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Our verbs over Azure Resource Manager, returning our own records. Every verb either returns what it
 * was asked for or throws {@link ArmException} (403 names the permission and scope; a missing credential
 * says how to configure one). Resource ids are ARM ids as ARM returns them.
 */
public interface ArmGateway {

    /** Whether a credential is configured and can get a token; never throws, may block on the first token. */
    AzureAccess access();

    /** The last {@link #access()} answer, without blocking; empty until one was computed. */
    default java.util.Optional<AzureAccess> knownAccess() {
        return java.util.Optional.empty();
    }

    /**
     * Which credential the settings name (e.g. "workload identity (AZURE_FEDERATED_TOKEN_FILE)"), read without
     * calling Azure; empty when none is named, and then nothing calls Azure until an investigation needs it.
     */
    default java.util.Optional<String> configuredCredential() {
        return java.util.Optional.empty();
    }

    /**
     * Builds what the first investigation in this subscription needs (HTTP pipeline, the providers' clients) without
     * calling Azure: class loading and client set-up, so the warm-up can do it before (and whatever) its token.
     */
    default void prepare(String subscriptionId) {
    }

    // ---- reads ----

    @ArmActions("Microsoft.Resources/subscriptions/read")
    List<String> subscriptions();

    @ArmActions("Microsoft.ContainerService/managedClusters/read")
    List<ClusterSummary> clusters(String subscriptionId);

    @ArmActions("Microsoft.ContainerService/managedClusters/read")
    ClusterFacts cluster(ClusterRef ref);

    @ArmActions("Microsoft.Network/virtualNetworks/read")
    VnetFacts vnet(String vnetId);

    @ArmActions("Microsoft.Network/virtualNetworks/read")
    List<VnetFacts> vnets(String subscriptionId, String resourceGroup);

    @ArmActions("Microsoft.Network/networkSecurityGroups/read")
    NsgFacts nsg(String nsgId);

    @ArmActions("Microsoft.Network/routeTables/read")
    RouteTableFacts routeTable(String routeTableId);

    @ArmActions("Microsoft.Network/publicIPAddresses/read")
    PublicIpFacts publicIp(String publicIpId);

    @ArmActions("Microsoft.Network/natGateways/read")
    NatGatewayFacts natGateway(String natGatewayId);

    @ArmActions("Microsoft.Network/azureFirewalls/read")
    List<FirewallFacts> firewalls(String subscriptionId);

    /** A Firewall Policy and its rule collection groups (two calls: the policy, then the groups' list). */
    @ArmActions({"Microsoft.Network/firewallPolicies/read",
            "Microsoft.Network/firewallPolicies/ruleCollectionGroups/read"})
    FirewallPolicyFacts firewallPolicy(String policyId);

    /** The addresses of an IP group. */
    @ArmActions("Microsoft.Network/ipGroups/read")
    List<String> ipGroupAddresses(String ipGroupId);

    /** Every network interface of a subscription (to find who owns an appliance's private IP). */
    /** Private frontend IP of every internal load balancer of a subscription to the load balancer's id. */
    @ArmActions("Microsoft.Network/loadBalancers/read")
    java.util.Map<String, String> internalLoadBalancerFrontends(String subscriptionId);

    @ArmActions("Microsoft.Network/networkInterfaces/read")
    List<NicFacts> networkInterfaces(String subscriptionId);

    /** A VM's power state code, e.g. {@code PowerState/running}, {@code PowerState/deallocated}; null when none. */
    @ArmActions("Microsoft.Compute/virtualMachines/instanceView/read")
    String vmPowerState(String vmId);

    @ArmActions("Microsoft.Network/publicIPPrefixes/read")
    PublicIpPrefixFacts publicIpPrefix(String publicIpPrefixId);

    /** Service Tag Discovery: tag name (e.g. {@code AzureCloud.uksouth}) to its address prefixes. */
    @ArmActions("Microsoft.Network/locations/serviceTags/read")
    java.util.Map<String, List<String>> serviceTags(String subscriptionId, String location);

    @ArmActions("Microsoft.Network/privateEndpoints/read")
    List<PrivateEndpointFacts> privateEndpoints(String subscriptionId, String resourceGroup);

    @ArmActions({"Microsoft.Network/privateDnsZones/read",
            "Microsoft.Network/privateDnsZones/virtualNetworkLinks/read"})
    List<PrivateDnsZoneFacts> privateDnsZones(String subscriptionId, String resourceGroup);

    @ArmActions({"Microsoft.Network/privateDnsZones/read",
            "Microsoft.Network/privateDnsZones/virtualNetworkLinks/read"})
    PrivateDnsZoneFacts privateDnsZone(String zoneId);

    /** The zone's A records: relative name (e.g. {@code aks1-dns-1a2b3c4d}) to its addresses. */
    @ArmActions("Microsoft.Network/privateDnsZones/A/read")
    java.util.Map<String, List<String>> privateDnsARecords(String zoneId);

    /** DNS Private Resolver forwarding rulesets of a subscription, each with its VNet links and rules. */
    @ArmActions({"Microsoft.Network/dnsForwardingRulesets/read",
            "Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks/read",
            "Microsoft.Network/dnsForwardingRulesets/forwardingRules/read"})
    List<ForwardingRulesetFacts> dnsForwardingRulesets(String subscriptionId);

    /**
     * The private IPs at which Azure-managed DNS services of a subscription answer, to the resource that answers: DNS
     * Private Resolver inbound endpoints and Entra Domain Services domain controllers. A VNet's custom DNS server may
     * be one of them, and none of them is a NIC the subscription lists.
     */
    @ArmActions({"Microsoft.Network/dnsResolvers/read", "Microsoft.Network/dnsResolvers/inboundEndpoints/read",
            "Microsoft.AAD/domainServices/read"})
    java.util.Map<String, String> dnsServiceIps(String subscriptionId);

    @ArmActions("Microsoft.Compute/virtualMachineScaleSets/read")
    List<ScaleSetFacts> scaleSets(String subscriptionId, String resourceGroup);

    @ArmActions("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read")
    List<InstanceFacts> instances(String subscriptionId, String resourceGroup, String scaleSetName);

    @ArmActions("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read")
    InstanceFacts instance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId);

    @ArmActions("Microsoft.Insights/eventtypes/values/read")
    List<ActivityEventFacts> activityLog(String subscriptionId, String resourceGroup, OffsetDateTime from,
            OffsetDateTime to);

    @ArmActions("Microsoft.Compute/locations/usages/read")
    List<UsageFacts> computeUsages(String subscriptionId, String region);

    @ArmActions("Microsoft.Network/locations/usages/read")
    List<UsageFacts> networkUsages(String subscriptionId, String region);

    @ArmActions("Microsoft.Compute/skus/read")
    List<SkuFacts> vmSkus(String subscriptionId, String region);

    @ArmActions("Microsoft.Authorization/policyAssignments/read")
    PolicyAssignmentFacts policyAssignment(String assignmentId);

    @ArmActions("Microsoft.Authorization/locks/read")
    List<LockFacts> locks(String subscriptionId, String resourceGroup);

    /** Every lock in a subscription (on it, its groups and resources). */
    @ArmActions("Microsoft.Authorization/locks/read")
    List<LockFacts> subscriptionLocks(String subscriptionId);

    /**
     * The role assignments of {@code principalId} that apply at {@code scope} (there or above), each with its role
     * definition (one list call, then one read per distinct role definition).
     */
    @ArmActions({"Microsoft.Authorization/roleAssignments/read", "Microsoft.Authorization/roleDefinitions/read"})
    List<RoleFacts> roleAssignments(String scope, String principalId);

    @ArmActions("Microsoft.Resources/subscriptions/providers/read")
    ProviderFacts provider(String subscriptionId, String namespace);

    @ArmActions("Microsoft.Resources/subscriptions/read")
    SubscriptionFacts subscription(String subscriptionId);

    /** The cluster's AKS detectors ("Diagnose and solve problems"), as listed (nothing run). */
    @ArmActions("Microsoft.ContainerService/managedClusters/detectors/read")
    List<DetectorFacts> detectors(ClusterRef ref);

    /** Runs one detector over {@code [start, end]}: a category detector's children, or a detector's insights. */
    @ArmActions("Microsoft.ContainerService/managedClusters/detectors/read")
    DetectorFacts detector(ClusterRef ref, String detectorName, OffsetDateTime start, OffsetDateTime end);

    // ---- Network Watcher (the platform's verdicts beside ours) ----

    /** The subscription's Network Watchers (none in a region: Network Watcher is not enabled there). */
    @ArmActions("Microsoft.Network/networkWatchers/read")
    List<NetworkWatcherFacts.Watcher> networkWatchers(String subscriptionId);

    /** Next hop from {@code sourceIp} on the VM (or scale set instance) {@code targetId}; long-running POST. */
    @ArmActions("Microsoft.Network/networkWatchers/nextHop/action")
    NetworkWatcherFacts.NextHop nextHop(String watcherId, String targetId, String sourceIp, String destinationIp);

    /** IP flow verify, outbound TCP from {@code localIp} to {@code remoteIp:remotePort}; long-running POST. */
    @ArmActions("Microsoft.Network/networkWatchers/ipFlowVerify/action")
    NetworkWatcherFacts.IpFlow ipFlowVerify(String watcherId, String targetId, String localIp, String remoteIp,
            int remotePort);

    /** The network interfaces of one scale set instance: its id and private IPs (Network Watcher's source). */
    @ArmActions("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/networkInterfaces/read")
    List<NicFacts> instanceNetworkInterfaces(String subscriptionId, String resourceGroup, String scaleSetName,
            String instanceId);

    /** The effective routes of a NIC (only while its VM runs); long-running POST. */
    @ArmActions("Microsoft.Network/networkInterfaces/effectiveRouteTable/action")
    List<NetworkWatcherFacts.EffectiveRoute> effectiveRoutes(String nicId);

    /** The NSGs as they apply to a NIC, with their effective rules (only while its VM runs); long-running POST. */
    @ArmActions("Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action")
    List<NetworkWatcherFacts.EffectiveSecurityGroup> effectiveSecurityRules(String nicId);

    // ---- node probes ----

    /** Runs a script on one scale set instance; {@code windows} picks RunPowerShellScript over RunShellScript. */
    @ArmActions(value = {"Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action",
            "Microsoft.Compute/locations/operations/read"}, operator = true)
    RunCommandOutput runCommand(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId,
            boolean windows, List<String> scriptLines);

    // ---- writes (the Slack buttons; callers confirm and authorise first) ----

    @ArmActions(value = {"Microsoft.ContainerService/managedClusters/start/action",
            "Microsoft.ContainerService/locations/operations/read",
            "Microsoft.ContainerService/locations/operationresults/read"}, operator = true)
    void startCluster(ClusterRef ref);

    /** PUT of the cluster as it is: AKS reconciles it to its goal state. */
    @ArmActions(value = {"Microsoft.ContainerService/managedClusters/read",
            "Microsoft.ContainerService/managedClusters/write",
            "Microsoft.ContainerService/locations/operations/read",
            "Microsoft.ContainerService/locations/operationresults/read"}, operator = true)
    void reconcileCluster(ClusterRef ref);

    /** PUT of the agent pool as it is. */
    @ArmActions(value = {"Microsoft.ContainerService/managedClusters/agentPools/read",
            "Microsoft.ContainerService/managedClusters/agentPools/write",
            "Microsoft.ContainerService/locations/operations/read",
            "Microsoft.ContainerService/locations/operationresults/read"}, operator = true)
    void reconcileAgentPool(ClusterRef ref, String poolName);

    @ArmActions(value = {"Microsoft.ContainerService/managedClusters/read",
            "Microsoft.ContainerService/managedClusters/write",
            "Microsoft.ContainerService/locations/operations/read",
            "Microsoft.ContainerService/locations/operationresults/read"}, operator = true)
    void updateAuthorizedRanges(ClusterRef ref, List<String> ranges);

    @ArmActions(value = {"Microsoft.ContainerService/managedClusters/rotateClusterCertificates/action",
            "Microsoft.ContainerService/locations/operations/read",
            "Microsoft.ContainerService/locations/operationresults/read"}, operator = true)
    void rotateCertificates(ClusterRef ref);

    @ArmActions(value = {"Microsoft.Compute/virtualMachineScaleSets/virtualMachines/reimage/action",
            "Microsoft.Compute/locations/operations/read"}, operator = true)
    void reimageInstance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId);

    /** Brings one scale set instance to the set's latest model, keeping its disk (az vmss update-instances). */
    @ArmActions(value = {"Microsoft.Compute/virtualMachineScaleSets/manualUpgrade/action",
            "Microsoft.Compute/locations/operations/read"}, operator = true)
    void updateInstance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId);

    /** PUT of the agent pool as it is, with {@code powerState.code=Running}. */
    @ArmActions(value = {"Microsoft.ContainerService/managedClusters/agentPools/read",
            "Microsoft.ContainerService/managedClusters/agentPools/write",
            "Microsoft.ContainerService/locations/operations/read",
            "Microsoft.ContainerService/locations/operationresults/read"}, operator = true)
    void startAgentPool(ClusterRef ref, String poolName);

    // ---- digest verbs (one call per subscription, however many clusters it holds) ----

    /** Every managed cluster of a subscription with its node pools, from the one list call. */
    @ArmActions("Microsoft.ContainerService/managedClusters/read")
    List<ClusterFacts> clusterFacts(String subscriptionId);

    /** The subscription's Activity Log between two instants, with who made each change. */
    @ArmActions("Microsoft.Insights/eventtypes/values/read")
    List<AuditEventFacts> auditEvents(String subscriptionId, OffsetDateTime from, OffsetDateTime to);
}
