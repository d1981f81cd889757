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

    // ---- reads ----

    List<String> subscriptions();

    List<ClusterSummary> clusters(String subscriptionId);

    ClusterFacts cluster(ClusterRef ref);

    VnetFacts vnet(String vnetId);

    List<VnetFacts> vnets(String subscriptionId, String resourceGroup);

    NsgFacts nsg(String nsgId);

    RouteTableFacts routeTable(String routeTableId);

    PublicIpFacts publicIp(String publicIpId);

    NatGatewayFacts natGateway(String natGatewayId);

    List<FirewallFacts> firewalls(String subscriptionId);

    /** A Firewall Policy and its rule collection groups (two calls: the policy, then the groups' list). */
    FirewallPolicyFacts firewallPolicy(String policyId);

    /** The addresses of an IP group. */
    List<String> ipGroupAddresses(String ipGroupId);

    /** Every network interface of a subscription (to find who owns an appliance's private IP). */
    List<NicFacts> networkInterfaces(String subscriptionId);

    /** A VM's power state code, e.g. {@code PowerState/running}, {@code PowerState/deallocated}; null when none. */
    String vmPowerState(String vmId);

    PublicIpPrefixFacts publicIpPrefix(String publicIpPrefixId);

    /** Service Tag Discovery: tag name (e.g. {@code AzureCloud.uksouth}) to its address prefixes. */
    java.util.Map<String, List<String>> serviceTags(String subscriptionId, String location);

    List<PrivateEndpointFacts> privateEndpoints(String subscriptionId, String resourceGroup);

    List<PrivateDnsZoneFacts> privateDnsZones(String subscriptionId, String resourceGroup);

    PrivateDnsZoneFacts privateDnsZone(String zoneId);

    /** The zone's A records: relative name (e.g. {@code aks1-dns-1a2b3c4d}) to its addresses. */
    java.util.Map<String, List<String>> privateDnsARecords(String zoneId);

    /** DNS Private Resolver forwarding rulesets of a subscription, each with its VNet links and rules. */
    List<ForwardingRulesetFacts> dnsForwardingRulesets(String subscriptionId);

    List<ScaleSetFacts> scaleSets(String subscriptionId, String resourceGroup);

    List<InstanceFacts> instances(String subscriptionId, String resourceGroup, String scaleSetName);

    InstanceFacts instance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId);

    List<ActivityEventFacts> activityLog(String subscriptionId, String resourceGroup, OffsetDateTime from,
            OffsetDateTime to);

    List<UsageFacts> computeUsages(String subscriptionId, String region);

    List<UsageFacts> networkUsages(String subscriptionId, String region);

    List<SkuFacts> vmSkus(String subscriptionId, String region);

    PolicyAssignmentFacts policyAssignment(String assignmentId);

    List<LockFacts> locks(String subscriptionId, String resourceGroup);

    /** Every lock in a subscription (on it, its groups and resources). */
    List<LockFacts> subscriptionLocks(String subscriptionId);

    /**
     * The role assignments of {@code principalId} that apply at {@code scope} (there or above), each with its role
     * definition (one list call, then one read per distinct role definition).
     */
    List<RoleFacts> roleAssignments(String scope, String principalId);

    ProviderFacts provider(String subscriptionId, String namespace);

    SubscriptionFacts subscription(String subscriptionId);

    // ---- node probes ----

    /** Runs a script on one scale set instance; {@code windows} picks RunPowerShellScript over RunShellScript. */
    RunCommandOutput runCommand(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId,
            boolean windows, List<String> scriptLines);

    // ---- writes (the Slack buttons; callers confirm and authorise first) ----

    void startCluster(ClusterRef ref);

    /** PUT of the cluster as it is: AKS reconciles it to its goal state. */
    void reconcileCluster(ClusterRef ref);

    /** PUT of the agent pool as it is. */
    void reconcileAgentPool(ClusterRef ref, String poolName);

    void updateAuthorizedRanges(ClusterRef ref, List<String> ranges);

    void rotateCertificates(ClusterRef ref);

    void reimageInstance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId);

    // ---- digest verbs (one call per subscription, however many clusters it holds) ----

    /** Every managed cluster of a subscription with its node pools, from the one list call. */
    List<ClusterFacts> clusterFacts(String subscriptionId);

    /** The subscription's Activity Log between two instants, with who made each change. */
    List<AuditEventFacts> auditEvents(String subscriptionId, OffsetDateTime from, OffsetDateTime to);
}
