package dev.aksdoctor.check;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.FirewallPolicyFacts;
import dev.aksdoctor.azure.ForwardingRulesetFacts;
import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.LockFacts;
import dev.aksdoctor.azure.NatGatewayFacts;
import dev.aksdoctor.azure.NicFacts;
import dev.aksdoctor.azure.NsgFacts;
import dev.aksdoctor.azure.PolicyAssignmentFacts;
import dev.aksdoctor.azure.PrivateDnsZoneFacts;
import dev.aksdoctor.azure.PrivateEndpointFacts;
import dev.aksdoctor.azure.ProviderFacts;
import dev.aksdoctor.azure.PublicIpFacts;
import dev.aksdoctor.azure.PublicIpPrefixFacts;
import dev.aksdoctor.azure.RoleFacts;
import dev.aksdoctor.azure.RouteTableFacts;
import dev.aksdoctor.azure.RunCommandOutput;
import dev.aksdoctor.azure.ScaleSetFacts;
import dev.aksdoctor.azure.SkuFacts;
import dev.aksdoctor.azure.SubscriptionFacts;
import dev.aksdoctor.azure.UsageFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The facts of one investigation, each fetched from ARM at most once whichever checks ask for it, and
 * however many ask at the same time (the first asker fetches, the others wait for its result). Failures
 * are remembered too: a 403 is not retried by every check that needs the resource.
 */
public final class InvestigationFacts {

    static final Duration DEFAULT_FAILED_RESOURCE_WINDOW = Duration.ofDays(7);

    private final ArmGateway gateway;
    private final ClusterRef ref;
    private final Diagnosis diagnosis;
    private final Clock clock;
    private final Duration activityLogWindow;
    private final Duration failedResourceWindow;
    private final FactMemo memo;
    private final NetworkPath path;
    private final NodeProbeRun probe;
    private final EgressPath egress;

    public InvestigationFacts(ArmGateway gateway, ClusterRef ref, Diagnosis diagnosis, Clock clock,
            Duration activityLogWindow) {
        this(gateway, ref, diagnosis, clock, activityLogWindow, Runnable::run);
    }

    public InvestigationFacts(ArmGateway gateway, ClusterRef ref, Diagnosis diagnosis, Clock clock,
            Duration activityLogWindow, Executor executor) {
        this(gateway, ref, diagnosis, clock, activityLogWindow, DEFAULT_FAILED_RESOURCE_WINDOW, executor,
                new SystemHostResolver());
    }

    /**
     * {@code failedResourceWindow}: how far back the Activity Log is read when the cluster or a pool is Failed.
     * {@code executor} runs fetches a check starts ahead of need (see {@link #ahead}); it must not be bounded
     * small. {@code resolver} answers the one DNS lookup (a public API server's FQDN).
     */
    public InvestigationFacts(ArmGateway gateway, ClusterRef ref, Diagnosis diagnosis, Clock clock,
            Duration activityLogWindow, Duration failedResourceWindow, Executor executor, HostResolver resolver) {
        this.failedResourceWindow = Objects.requireNonNull(failedResourceWindow, "failedResourceWindow");
        this.memo = new FactMemo(Objects.requireNonNull(executor, "executor"));
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.ref = Objects.requireNonNull(ref, "ref");
        this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.activityLogWindow = Objects.requireNonNull(activityLogWindow, "activityLogWindow");
        this.path = new NetworkPath(this, diagnosis, resolver);
        this.probe = new NodeProbeRun(this, diagnosis);
        this.egress = new EgressPath(this, diagnosis);
    }

    /** How many gateway fetches this investigation made (each distinct resource once). */
    public int armCalls() {
        return memo.armCalls();
    }

    private <T> T once(String key, Supplier<T> fetch) {
        return memo.get(key.toLowerCase(Locale.ROOT), true, fetch);
    }

    /** Derived facts are memoised the same way but cost no ARM call of their own. */
    <T> T derived(String key, Supplier<T> compute) {
        return memo.get("derived:" + key, false, compute);
    }

    /** Starts a fetch now, in parallel with the caller's next one; its result lands in the memo. */
    public void ahead(Supplier<?> fetch) {
        memo.ahead(fetch);
    }

    public ClusterRef ref() {
        return ref;
    }

    public Diagnosis diagnosis() {
        return diagnosis;
    }

    // ---- raw facts

    public ClusterFacts cluster() {
        return once("cluster", () -> gateway.cluster(ref));
    }

    public VnetFacts vnet(String id) {
        return once("vnet:" + id, () -> gateway.vnet(id));
    }

    public List<VnetFacts> vnets(String resourceGroup) {
        return once("vnets:" + resourceGroup, () -> gateway.vnets(ref.subscriptionId(), resourceGroup));
    }

    public NsgFacts nsg(String id) {
        return once("nsg:" + id, () -> gateway.nsg(id));
    }

    public RouteTableFacts routeTable(String id) {
        return once("rt:" + id, () -> gateway.routeTable(id));
    }

    public PublicIpFacts publicIp(String id) {
        return once("pip:" + id, () -> gateway.publicIp(id));
    }

    public NatGatewayFacts natGateway(String id) {
        return once("nat:" + id, () -> gateway.natGateway(id));
    }

    public List<FirewallFacts> firewalls() {
        return firewalls(ref.subscriptionId());
    }

    public List<FirewallFacts> firewalls(String subscriptionId) {
        return once("firewalls:" + subscriptionId, () -> gateway.firewalls(subscriptionId));
    }

    public FirewallPolicyFacts firewallPolicy(String id) {
        return once("fwpolicy:" + id, () -> gateway.firewallPolicy(id));
    }

    public List<String> ipGroupAddresses(String id) {
        return once("ipgroup:" + id, () -> gateway.ipGroupAddresses(id));
    }

    public Map<String, String> internalLoadBalancerFrontends(String subscriptionId) {
        return once("ilbs:" + subscriptionId, () -> gateway.internalLoadBalancerFrontends(subscriptionId));
    }

    public List<NicFacts> networkInterfaces(String subscriptionId) {
        return once("nics:" + subscriptionId, () -> gateway.networkInterfaces(subscriptionId));
    }

    public String vmPowerState(String vmId) {
        return once("vmpower:" + vmId, () -> gateway.vmPowerState(vmId));
    }

    public PublicIpPrefixFacts publicIpPrefix(String id) {
        return once("pipprefix:" + id, () -> gateway.publicIpPrefix(id));
    }

    /** Service tags of the cluster's region (Service Tag Discovery API). */
    public Map<String, List<String>> serviceTags() {
        String location = cluster().location();
        return once("servicetags:" + location, () -> gateway.serviceTags(ref.subscriptionId(), location));
    }

    public List<PrivateEndpointFacts> privateEndpoints(String resourceGroup) {
        return once("pe:" + resourceGroup, () -> gateway.privateEndpoints(ref.subscriptionId(), resourceGroup));
    }

    public List<PrivateDnsZoneFacts> privateDnsZones(String resourceGroup) {
        return once("dnszones:" + resourceGroup, () -> gateway.privateDnsZones(ref.subscriptionId(), resourceGroup));
    }

    public PrivateDnsZoneFacts privateDnsZone(String id) {
        return once("dnszone:" + id, () -> gateway.privateDnsZone(id));
    }

    public Map<String, List<String>> privateDnsARecords(String zoneId) {
        return once("dnsA:" + zoneId, () -> gateway.privateDnsARecords(zoneId));
    }

    public Map<String, String> dnsServiceIps(String subscriptionId) {
        return once("dnsservices:" + subscriptionId, () -> gateway.dnsServiceIps(subscriptionId));
    }

    public List<ForwardingRulesetFacts> dnsForwardingRulesets(String subscriptionId) {
        return once("rulesets:" + subscriptionId, () -> gateway.dnsForwardingRulesets(subscriptionId));
    }

    public List<ScaleSetFacts> scaleSets() {
        return once("vmss", () -> gateway.scaleSets(ref.subscriptionId(), cluster().nodeResourceGroup()));
    }

    public List<InstanceFacts> instances(String scaleSet) {
        return once("instances:" + scaleSet,
                () -> gateway.instances(ref.subscriptionId(), cluster().nodeResourceGroup(), scaleSet));
    }

    public InstanceFacts instance(String scaleSet, String instanceId) {
        return once("instance:" + scaleSet + "/" + instanceId,
                () -> gateway.instance(ref.subscriptionId(), cluster().nodeResourceGroup(), scaleSet, instanceId));
    }

    /** The network interfaces of one scale set instance (its NIC id and private IPs). */
    public List<NicFacts> instanceNetworkInterfaces(InstanceFacts instance) {
        return once("instanceNics:" + instance.scaleSetName() + "/" + instance.instanceId(),
                () -> gateway.instanceNetworkInterfaces(ref.subscriptionId(), cluster().nodeResourceGroup(),
                        instance.scaleSetName(), instance.instanceId()));
    }

    public List<ActivityEventFacts> activityLog(String resourceGroup) {
        OffsetDateTime to = OffsetDateTime.now(clock);
        ClusterFacts c = cluster();
        boolean failed = "Failed".equalsIgnoreCase(c.provisioningState())
                || c.agentPools().stream().anyMatch(p -> "Failed".equalsIgnoreCase(p.provisioningState()));
        Duration window = failed && failedResourceWindow.compareTo(activityLogWindow) > 0 ? failedResourceWindow
                : activityLogWindow;
        OffsetDateTime from = to.minus(window);
        return once("activity:" + resourceGroup,
                () -> gateway.activityLog(ref.subscriptionId(), resourceGroup, from, to));
    }

    public List<UsageFacts> computeUsages(String region) {
        return once("cusage:" + region, () -> gateway.computeUsages(ref.subscriptionId(), region));
    }

    public List<UsageFacts> networkUsages(String region) {
        return once("nusage:" + region, () -> gateway.networkUsages(ref.subscriptionId(), region));
    }

    public List<SkuFacts> vmSkus(String region) {
        return once("skus:" + region, () -> gateway.vmSkus(ref.subscriptionId(), region));
    }

    public PolicyAssignmentFacts policyAssignment(String id) {
        return once("policy:" + id, () -> gateway.policyAssignment(id));
    }

    public List<LockFacts> locks(String resourceGroup) {
        return locks(ref.subscriptionId(), resourceGroup);
    }

    public List<LockFacts> locks(String subscriptionId, String resourceGroup) {
        return once("locks:" + subscriptionId + "/" + resourceGroup, () -> gateway.locks(subscriptionId, resourceGroup));
    }

    public List<LockFacts> subscriptionLocks() {
        return once("sublocks", () -> gateway.subscriptionLocks(ref.subscriptionId()));
    }

    public List<RoleFacts> roleAssignments(String scope, String principalId) {
        return once("roles:" + scope + "|" + principalId, () -> gateway.roleAssignments(scope, principalId));
    }

    public ProviderFacts provider(String namespace) {
        return once("provider:" + namespace, () -> gateway.provider(ref.subscriptionId(), namespace));
    }

    public SubscriptionFacts subscription() {
        return once("subscription", () -> gateway.subscription(ref.subscriptionId()));
    }

    /** Runs a script on one instance, at most once per instance in an investigation (the node probe). */
    RunCommandOutput runCommand(InstanceFacts instance, boolean windows, List<String> script) {
        return once("probe:" + instance.id(), () -> gateway.runCommand(ref.subscriptionId(),
                cluster().nodeResourceGroup(), instance.scaleSetName(), instance.instanceId(), windows, script));
    }

    // ---- derived facts: the network path (see NetworkPath) and the node probe (see NodeProbeRun)

    /**
     * The subnets the node pools use: each pool's {@code vnetSubnetID}, or for pools without one the
     * AKS-managed VNet in the node resource group.
     */
    public List<NodeSubnet> nodeSubnets() {
        return path.nodeSubnets();
    }

    /** The API server address nodes connect to: from the paste, the private endpoint, or DNS of ARM's FQDN. */
    public Optional<String> apiServerIp() {
        return path.apiServerIp();
    }

    /** The private endpoint of a private cluster's API server ({@code kube-apiserver}, group {@code management}). */
    public Optional<PrivateEndpointFacts> apiServerPrivateEndpoint() {
        return path.apiServerPrivateEndpoint();
    }

    /** The address a host name resolves to from here (the one DNS lookup per name of an investigation). */
    public Optional<String> resolve(String host) {
        return path.resolve(host);
    }

    /** Where the nodes' traffic to a public API server comes from. */
    public List<EgressIp> egressIps() {
        return path.egressIps();
    }

    /** Azure Firewalls that are the next hop of a node subnet's default route. */
    public List<FirewallFacts> egressFirewalls() {
        return path.egressFirewalls();
    }

    /** Why some egress IPs could not be determined (an appliance that is not an Azure Firewall, an unallocated IP…). */
    public List<String> unknownEgress() {
        return path.unknownEgress();
    }

    /** The required outbound endpoints for this cluster (cloud, region, private or not, Windows pools). */
    public List<dev.aksdoctor.network.RequiredEndpoint> requiredEndpoints() {
        return egress.requiredEndpoints();
    }

    /** The required endpoints outside the VNet, by where their traffic goes: direct or to the HTTP proxy. */
    OutboundDestinations outboundDestinations() {
        return egress.outboundDestinations();
    }

    /** The proxy's address (its IP, or its name resolved here), or empty when it cannot be told. */
    public Optional<String> proxyAddress(dev.aksdoctor.network.ProxyTarget proxy) {
        return egress.proxyAddress(proxy);
    }

    /** Who owns a route's next-hop IP: an Azure Firewall (here or in a peered subscription), a NIC, or nobody. */
    public ApplianceOwner applianceOwner(String ip) {
        return egress.owner(ip);
    }

    /** A firewall's rules as it applies them: classic collections, or its policy with the parent policies. */
    public dev.aksdoctor.network.FirewallRuleSet firewallRules(FirewallFacts firewall) {
        return egress.rules(firewall);
    }

    /** The host an outbound node probe tests: a required endpoint the egress path blocks first, else MCR. */
    public String outboundProbeHost() {
        return egress.outboundProbeHost();
    }

    /** The subscriptions the egress path may cross: the cluster's and those of VNets peered with a node VNet. */
    public List<String> pathSubscriptions() {
        return egress.subscriptions();
    }

    /** The instance a node probe runs on: the one the paste named if ARM knows it, else a running one. */
    public Optional<InstanceFacts> probeInstance() {
        return probe.probeInstance();
    }

    /** Runs the node probe once per investigation; empty when no node can run it. */
    public Optional<ProbeResult> nodeProbe() {
        return probe.nodeProbe();
    }

    /** Failed operations on the cluster's and the node resource group's resources, newest first. */
    public List<ActivityEventFacts> failedOperations() {
        return derived("failedOperations", () -> FailedOperations.of(this));
    }
}
