package dev.aksdoctor.azure;

import dev.aksdoctor.diagnosis.ClusterRef;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.SubResource;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Configuration;
import com.azure.core.util.Context;
import com.azure.core.http.vertx.VertxHttpClientBuilder;
import com.azure.identity.CredentialUnavailableException;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.compute.fluent.models.ResourceSkuInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetVMInner;
import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import com.azure.resourcemanager.compute.models.InstanceViewTypes;
import com.azure.resourcemanager.compute.models.ResourceSkuCapabilities;
import com.azure.resourcemanager.compute.models.ResourceSkuLocationInfo;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictions;
import com.azure.resourcemanager.compute.models.RunCommandInput;
import com.azure.resourcemanager.compute.models.VirtualMachineExtensionInstanceView;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetIpConfiguration;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetNetworkConfiguration;
import com.azure.resourcemanager.containerservice.fluent.models.AgentPoolInner;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAgentPoolProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterApiServerAccessProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterHttpProxyConfig;
import com.azure.resourcemanager.containerservice.models.ContainerServiceNetworkProfile;
import com.azure.resourcemanager.containerservice.models.ResourceReference;
import com.azure.resourcemanager.monitor.fluent.models.EventDataInner;
import com.azure.resourcemanager.network.fluent.models.AzureFirewallInner;
import com.azure.resourcemanager.network.fluent.models.NatGatewayInner;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.PrivateEndpointInner;
import com.azure.resourcemanager.network.models.PrivateLinkServiceConnection;
import com.azure.resourcemanager.network.fluent.models.RouteInner;
import com.azure.resourcemanager.network.fluent.models.RouteTableInner;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.network.models.AzureFirewallIpConfiguration;
import com.azure.resourcemanager.privatedns.fluent.models.PrivateZoneInner;
import com.azure.resourcemanager.privatedns.fluent.models.VirtualNetworkLinkInner;
import com.azure.resourcemanager.resources.fluentcore.arm.ResourceId;
import com.azure.resourcemanager.resources.models.PolicyAssignment;
import com.azure.resourcemanager.resources.models.Provider;
import com.azure.resourcemanager.resources.models.Subscription;
import dev.aksdoctor.network.Access;
import dev.aksdoctor.network.Direction;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.NsgRule;
import dev.aksdoctor.network.RouteEntry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The one class that imports the Azure SDK. Clients and the credential are built lazily on first use so
 * boot never waits on Azure; the SDK pipeline (retry with {@code Retry-After}, bearer auth) is the stock
 * one, and only the {@link HttpClient} at its bottom differs between production (Quarkus' Vert.x) and tests.
 */
@ApplicationScoped
public class AzureArmGateway implements ArmGateway {

    private static final Logger LOG = Logger.getLogger(AzureArmGateway.class);
    private static final Pattern AUTHORIZATION_FAILED = Pattern.compile(
            "perform action '([^']+)' over scope '([^']+)'");
    private static final Duration FAILED_ACCESS_RECHECK = Duration.ofMinutes(1);

    private final AzureConfig config;
    private final Supplier<HttpClient> httpClientFactory;
    private final Configuration azureConfiguration;
    private final Clock clock;
    private final Map<String, AzureResourceManager> managers = new ConcurrentHashMap<>();
    private volatile HttpClient httpClient;
    private volatile TokenCredential credential;
    private volatile AzureResourceManager.Authenticated authenticated;
    private volatile AzureAccess access;
    private volatile Instant accessCheckedAt = Instant.EPOCH;

    @Inject
    public AzureArmGateway(AzureConfig config, Vertx vertx) {
        this(config, () -> new VertxHttpClientBuilder().vertx(vertx).build(), Configuration.getGlobalConfiguration(),
                Clock.systemUTC());
    }

    /**
     * For tests: the same credential chain and pipeline, with another HTTP client at the bottom and the
     * credential's settings ({@code AZURE_CLIENT_ID} …) from {@code azureConfiguration} rather than the environment.
     */
    public AzureArmGateway(AzureConfig config, Supplier<HttpClient> httpClientFactory, Configuration azureConfiguration,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.httpClientFactory = Objects.requireNonNull(httpClientFactory, "httpClientFactory");
        this.azureConfiguration = Objects.requireNonNull(azureConfiguration, "azureConfiguration");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- setup

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
                    credential = builder.build();
                }
                c = credential;
            }
        }
        return c;
    }

    private AzureResourceManager.Authenticated authenticated() {
        AzureResourceManager.Authenticated a = authenticated;
        if (a == null) {
            synchronized (this) {
                if (authenticated == null) {
                    authenticated = AzureResourceManager.configure()
                            .withHttpClient(httpClient())
                            .withLogLevel(HttpLogDetailLevel.NONE)
                            .authenticate(credential(), new AzureProfile(null, null, environment()));
                }
                a = authenticated;
            }
        }
        return a;
    }

    private AzureResourceManager arm(String subscriptionId) {
        requireText(subscriptionId, "subscription id");
        return managers.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT), s -> AzureResourceManager.configure()
                .withHttpClient(httpClient())
                .withLogLevel(HttpLogDetailLevel.NONE)
                .authenticate(credential(), new AzureProfile(null, s, environment()))
                .withSubscription(s));
    }

    @Override
    public Optional<AzureAccess> knownAccess() {
        return Optional.ofNullable(access);
    }

    @Override
    public AzureAccess access() {
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
            String scope = environment().getManagementEndpoint().replaceAll("/+$", "") + "/.default";
            var token = credential().getToken(new TokenRequestContext().addScopes(scope))
                    .block(config.credentialTimeout());
            checked = token == null
                    ? AzureAccess.unavailable("no credential: " + AzureAccess.HOW_TO_CONFIGURE)
                    : AzureAccess.available("credential ok (" + config.cloud() + ")");
        } catch (RuntimeException e) {
            checked = AzureAccess.unavailable("no credential: " + AzureAccess.HOW_TO_CONFIGURE + " ("
                    + firstLine(e.getMessage()) + ")");
        }
        access = checked;
        accessCheckedAt = now;
        return checked;
    }

    // ---------------------------------------------------------------- error mapping

    private <T> T call(String permission, String scope, Supplier<T> call) {
        try {
            return call.get();
        } catch (ManagementException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            String code = e.getValue() == null ? null : e.getValue().getCode();
            String message = e.getValue() == null ? e.getMessage() : e.getValue().getMessage();
            if (status == 403) {
                Matcher m = AUTHORIZATION_FAILED.matcher(message == null ? "" : message);
                if (m.find()) {
                    throw new ArmException(ArmException.Kind.FORBIDDEN, 403, code,
                            "missing permission " + m.group(1) + " on " + m.group(2), m.group(1), m.group(2));
                }
                throw ArmException.forbidden(permission, scope);
            }
            if (status == 404) {
                throw new ArmException(ArmException.Kind.NOT_FOUND, 404, code, "not found: " + scope, permission,
                        scope);
            }
            if (status == 429) {
                throw new ArmException(ArmException.Kind.THROTTLED, 429, code,
                        "ARM kept throttling (429) after retries: " + scope, permission, scope);
            }
            throw new ArmException(ArmException.Kind.FAILED, status, code,
                    "ARM " + status + " " + Objects.toString(code, "") + ": " + firstLine(message), permission, scope);
        } catch (ClientAuthenticationException e) {
            throw ArmException.noCredential("no credential: " + AzureAccess.HOW_TO_CONFIGURE + " ("
                    + firstLine(e.getMessage()) + ")");
        } catch (ArmException e) {
            throw e;
        } catch (RuntimeException e) {
            if (hasCause(e, CredentialUnavailableException.class) || hasCause(e, ClientAuthenticationException.class)) {
                throw ArmException.noCredential("no credential: " + AzureAccess.HOW_TO_CONFIGURE + " ("
                        + firstLine(e.getMessage()) + ")");
            }
            LOG.debugf(e, "ARM call failed for %s", scope);
            throw new ArmException(ArmException.Kind.FAILED, 0, null,
                    "ARM call failed: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), permission,
                    scope);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<String> subscriptions() {
        return call("Microsoft.Resources/subscriptions/read", "/subscriptions",
                () -> authenticated().subscriptions().list().stream().map(Subscription::subscriptionId)
                        .collect(Collectors.toList()));
    }

    @Override
    public List<ClusterSummary> clusters(String subscriptionId) {
        return call("Microsoft.ContainerService/managedClusters/read", "/subscriptions/" + subscriptionId,
                () -> arm(subscriptionId).kubernetesClusters().manager().serviceClient().getManagedClusters().list()
                        .stream().map(c -> summary(c)).collect(Collectors.toList()));
    }

    private static ClusterSummary summary(ManagedClusterInner c) {
        ResourceId id = ResourceId.fromString(c.id());
        return new ClusterSummary(new ClusterRef(id.subscriptionId().toLowerCase(Locale.ROOT), id.resourceGroupName(),
                c.name()), c.location(), c.fqdn(), c.privateFqdn(), c.nodeResourceGroup(),
                list(c.agentPoolProfiles()).stream().map(ManagedClusterAgentPoolProfile::vnetSubnetId)
                        .filter(Objects::nonNull).distinct().collect(Collectors.toList()));
    }

    @Override
    public ClusterFacts cluster(ClusterRef ref) {
        String scope = ref.resourceId().orElseThrow(() -> new IllegalArgumentException("cluster without subscription"));
        ManagedClusterInner c = call("Microsoft.ContainerService/managedClusters/read", scope,
                () -> arm(ref.subscriptionId()).kubernetesClusters().manager().serviceClient().getManagedClusters()
                        .getByResourceGroup(ref.resourceGroup(), ref.name()));
        return clusterFacts(c, ref);
    }

    private static ClusterFacts clusterFacts(ManagedClusterInner c, ClusterRef ref) {
        ManagedClusterApiServerAccessProfile api = c.apiServerAccessProfile();
        ContainerServiceNetworkProfile net = c.networkProfile();
        List<String> egress = new ArrayList<>();
        if (net != null && net.loadBalancerProfile() != null) {
            list(net.loadBalancerProfile().effectiveOutboundIPs()).stream().map(ResourceReference::id).forEach(egress::add);
        }
        if (net != null && net.natGatewayProfile() != null) {
            list(net.natGatewayProfile().effectiveOutboundIPs()).stream().map(ResourceReference::id).forEach(egress::add);
        }
        ManagedClusterHttpProxyConfig proxy = c.httpProxyConfig();
        List<AgentPoolFacts> pools = list(c.agentPoolProfiles()).stream().map(p -> new AgentPoolFacts(p.name(),
                str(p.mode()), str(p.osType()), p.vmSize(), p.count() == null ? 0 : p.count(), p.provisioningState(),
                p.powerState() == null ? null : str(p.powerState().code()), p.vnetSubnetId(), p.availabilityZones(),
                p.maxPods() == null ? 0 : p.maxPods())).collect(Collectors.toList());
        return new ClusterFacts(c.id(), ref, c.location(), c.provisioningState(),
                c.powerState() == null ? null : str(c.powerState().code()), c.currentKubernetesVersion(), c.fqdn(),
                c.privateFqdn(), api != null && Boolean.TRUE.equals(api.enablePrivateCluster()),
                api == null ? null : api.privateDnsZone(), api == null ? List.of() : list(api.authorizedIpRanges()),
                net == null ? null : str(net.outboundType()), egress, c.nodeResourceGroup(), pools,
                proxy == null ? null : new HttpProxyFacts(proxy.httpProxy(), proxy.httpsProxy(), proxy.noProxy(),
                        proxy.trustedCa() != null && !proxy.trustedCa().isBlank()),
                api == null ? null : api.subnetId(),
                net == null || net.networkPlugin() == null ? null : net.networkPlugin()
                        + (net.networkPluginMode() == null ? "" : "/" + net.networkPluginMode()));
    }

    @Override
    public VnetFacts vnet(String vnetId) {
        ResourceId id = ResourceId.fromString(vnetId);
        return call("Microsoft.Network/virtualNetworks/read", vnetId, () -> vnetFacts(arm(id.subscriptionId())
                .networks().manager().serviceClient().getVirtualNetworks()
                .getByResourceGroup(id.resourceGroupName(), id.name())));
    }

    @Override
    public List<VnetFacts> vnets(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Network/virtualNetworks/read", rgScope(subscriptionId, resourceGroup),
                () -> arm(subscriptionId).networks().manager().serviceClient().getVirtualNetworks()
                        .listByResourceGroup(resourceGroup).stream().map(AzureArmGateway::vnetFacts)
                        .collect(Collectors.toList()));
    }

    private static VnetFacts vnetFacts(VirtualNetworkInner v) {
        List<SubnetFacts> subnets = list(v.subnets()).stream().map(AzureArmGateway::subnetFacts)
                .collect(Collectors.toList());
        return new VnetFacts(v.id(), v.name(), v.location(),
                v.addressSpace() == null ? List.of() : list(v.addressSpace().addressPrefixes()),
                v.dhcpOptions() == null ? List.of() : list(v.dhcpOptions().dnsServers()), subnets);
    }

    private static SubnetFacts subnetFacts(SubnetInner s) {
        List<String> prefixes = new ArrayList<>();
        if (s.addressPrefix() != null) {
            prefixes.add(s.addressPrefix());
        }
        list(s.addressPrefixes()).stream().filter(p -> !prefixes.contains(p)).forEach(prefixes::add);
        return new SubnetFacts(s.id(), s.name(), prefixes,
                s.networkSecurityGroup() == null ? null : s.networkSecurityGroup().id(),
                s.routeTable() == null ? null : s.routeTable().id(),
                s.natGateway() == null ? null : s.natGateway().id(),
                list(s.ipConfigurations()).size() + list(s.privateEndpoints()).size());
    }

    @Override
    public NsgFacts nsg(String nsgId) {
        ResourceId id = ResourceId.fromString(nsgId);
        NetworkSecurityGroupInner n = call("Microsoft.Network/networkSecurityGroups/read", nsgId,
                () -> arm(id.subscriptionId()).networkSecurityGroups().manager().serviceClient()
                        .getNetworkSecurityGroups().getByResourceGroup(id.resourceGroupName(), id.name()));
        List<NsgRule> rules = new ArrayList<>();
        list(n.securityRules()).forEach(r -> rule(r, false).ifPresent(rules::add));
        list(n.defaultSecurityRules()).forEach(r -> rule(r, true).ifPresent(rules::add));
        return new NsgFacts(n.id(), n.name(), rules);
    }

    private static Optional<NsgRule> rule(SecurityRuleInner r, boolean defaultRule) {
        Direction direction = Direction.fromAzure(str(r.direction()));
        Access access = Access.fromAzure(str(r.access()));
        if (direction == null || access == null || r.priority() == null) {
            return Optional.empty();
        }
        return Optional.of(new NsgRule(r.name(), r.id(), direction, access, r.priority(), str(r.protocol()),
                merge(r.sourceAddressPrefix(), r.sourceAddressPrefixes()),
                merge(r.sourcePortRange(), r.sourcePortRanges()),
                merge(r.destinationAddressPrefix(), r.destinationAddressPrefixes()),
                merge(r.destinationPortRange(), r.destinationPortRanges()), defaultRule));
    }

    @Override
    public RouteTableFacts routeTable(String routeTableId) {
        ResourceId id = ResourceId.fromString(routeTableId);
        RouteTableInner t = call("Microsoft.Network/routeTables/read", routeTableId,
                () -> arm(id.subscriptionId()).routeTables().manager().serviceClient().getRouteTables()
                        .getByResourceGroup(id.resourceGroupName(), id.name()));
        List<RouteEntry> routes = new ArrayList<>();
        for (RouteInner r : list(t.routes())) {
            Optional<NextHopType> hop = NextHopType.tryFromAzure(str(r.nextHopType()));
            if (r.addressPrefix() != null && hop.isPresent()) {
                routes.add(new RouteEntry(r.name(), r.id(), r.addressPrefix(), hop.get(), r.nextHopIpAddress(), true));
            }
        }
        return new RouteTableFacts(t.id(), t.name(), routes, Boolean.TRUE.equals(t.disableBgpRoutePropagation()));
    }

    @Override
    public PublicIpFacts publicIp(String publicIpId) {
        ResourceId id = ResourceId.fromString(publicIpId);
        return call("Microsoft.Network/publicIPAddresses/read", publicIpId, () -> {
            var ip = arm(id.subscriptionId()).publicIpAddresses().manager().serviceClient().getPublicIpAddresses()
                    .getByResourceGroup(id.resourceGroupName(), id.name());
            return new PublicIpFacts(ip.id(), ip.ipAddress());
        });
    }

    @Override
    public NatGatewayFacts natGateway(String natGatewayId) {
        ResourceId id = ResourceId.fromString(natGatewayId);
        NatGatewayInner n = call("Microsoft.Network/natGateways/read", natGatewayId,
                () -> arm(id.subscriptionId()).networks().manager().serviceClient().getNatGateways()
                        .getByResourceGroup(id.resourceGroupName(), id.name()));
        return new NatGatewayFacts(n.id(), ids(n.publicIpAddresses()), ids(n.publicIpPrefixes()));
    }

    @Override
    public List<FirewallFacts> firewalls(String subscriptionId) {
        return call("Microsoft.Network/azureFirewalls/read", "/subscriptions/" + subscriptionId,
                () -> arm(subscriptionId).networks().manager().serviceClient().getAzureFirewalls().list().stream()
                        .map(AzureArmGateway::firewall).collect(Collectors.toList()));
    }

    private static FirewallFacts firewall(AzureFirewallInner f) {
        List<AzureFirewallIpConfiguration> configs = list(f.ipConfigurations());
        return new FirewallFacts(f.id(), f.name(), str(f.provisioningState()),
                configs.stream().map(AzureFirewallIpConfiguration::privateIpAddress).filter(Objects::nonNull)
                        .collect(Collectors.toList()),
                configs.stream().map(AzureFirewallIpConfiguration::publicIpAddress).filter(Objects::nonNull)
                        .map(SubResource::id).collect(Collectors.toList()));
    }

    @Override
    public List<PrivateEndpointFacts> privateEndpoints(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Network/privateEndpoints/read", rgScope(subscriptionId, resourceGroup),
                () -> arm(subscriptionId).privateEndpoints().manager().serviceClient().getPrivateEndpoints()
                        .listByResourceGroup(resourceGroup).stream().map(AzureArmGateway::privateEndpoint)
                        .collect(Collectors.toList()));
    }

    private static PrivateEndpointFacts privateEndpoint(PrivateEndpointInner p) {
        List<PrivateEndpointFacts.Connection> connections = Stream.concat(
                list(p.privateLinkServiceConnections()).stream(),
                list(p.manualPrivateLinkServiceConnections()).stream())
                .map(AzureArmGateway::connection).collect(Collectors.toList());
        List<String> ips = list(p.customDnsConfigs()).stream().flatMap(d -> list(d.ipAddresses()).stream())
                .distinct().collect(Collectors.toList());
        return new PrivateEndpointFacts(p.id(), p.name(), str(p.provisioningState()),
                p.subnet() == null ? null : p.subnet().id(), connections, ips);
    }

    private static PrivateEndpointFacts.Connection connection(PrivateLinkServiceConnection c) {
        var state = c.privateLinkServiceConnectionState();
        return new PrivateEndpointFacts.Connection(c.name(), c.privateLinkServiceId(), c.groupIds(),
                state == null ? null : state.status(), state == null ? null : state.description());
    }

    @Override
    public List<PrivateDnsZoneFacts> privateDnsZones(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Network/privateDnsZones/read", rgScope(subscriptionId, resourceGroup), () -> {
            var client = arm(subscriptionId).privateDnsZones().manager().serviceClient();
            List<PrivateDnsZoneFacts> zones = new ArrayList<>();
            for (PrivateZoneInner z : client.getPrivateZones().listByResourceGroup(resourceGroup)) {
                zones.add(new PrivateDnsZoneFacts(z.id(), z.name(),
                        links(client.getVirtualNetworkLinks().list(resourceGroup, z.name()))));
            }
            return zones;
        });
    }

    @Override
    public PrivateDnsZoneFacts privateDnsZone(String zoneId) {
        ResourceId id = ResourceId.fromString(zoneId);
        return call("Microsoft.Network/privateDnsZones/read", zoneId, () -> {
            var client = arm(id.subscriptionId()).privateDnsZones().manager().serviceClient();
            PrivateZoneInner z = client.getPrivateZones().getByResourceGroup(id.resourceGroupName(), id.name());
            return new PrivateDnsZoneFacts(z.id(), z.name(),
                    links(client.getVirtualNetworkLinks().list(id.resourceGroupName(), id.name())));
        });
    }

    private static List<PrivateDnsZoneFacts.Link> links(Iterable<VirtualNetworkLinkInner> links) {
        List<PrivateDnsZoneFacts.Link> out = new ArrayList<>();
        for (VirtualNetworkLinkInner l : links) {
            out.add(new PrivateDnsZoneFacts.Link(l.id(), l.name(),
                    l.virtualNetwork() == null ? null : l.virtualNetwork().id(), str(l.virtualNetworkLinkState())));
        }
        return out;
    }

    @Override
    public List<ScaleSetFacts> scaleSets(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Compute/virtualMachineScaleSets/read", rgScope(subscriptionId, resourceGroup),
                () -> arm(subscriptionId).virtualMachineScaleSets().manager().serviceClient()
                        .getVirtualMachineScaleSets().listByResourceGroup(resourceGroup).stream()
                        .map(AzureArmGateway::scaleSet).collect(Collectors.toList()));
    }

    private static ScaleSetFacts scaleSet(VirtualMachineScaleSetInner s) {
        List<String> nsgs = new ArrayList<>();
        List<String> subnets = new ArrayList<>();
        if (s.virtualMachineProfile() != null && s.virtualMachineProfile().networkProfile() != null) {
            for (VirtualMachineScaleSetNetworkConfiguration nic : list(
                    s.virtualMachineProfile().networkProfile().networkInterfaceConfigurations())) {
                if (nic.networkSecurityGroup() != null && nic.networkSecurityGroup().id() != null) {
                    nsgs.add(nic.networkSecurityGroup().id());
                }
                for (VirtualMachineScaleSetIpConfiguration ip : list(nic.ipConfigurations())) {
                    if (ip.subnet() != null && ip.subnet().id() != null) {
                        subnets.add(ip.subnet().id());
                    }
                }
            }
        }
        String pool = s.tags() == null ? null : s.tags().get("aks-managed-poolName");
        return new ScaleSetFacts(s.id(), s.name(), pool, s.provisioningState(), nsgs, subnets);
    }

    @Override
    public List<InstanceFacts> instances(String subscriptionId, String resourceGroup, String scaleSetName) {
        return call("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read",
                rgScope(subscriptionId, resourceGroup) + "/providers/Microsoft.Compute/virtualMachineScaleSets/"
                        + scaleSetName,
                () -> arm(subscriptionId).virtualMachineScaleSets().manager().serviceClient()
                        .getVirtualMachineScaleSetVMs().list(resourceGroup, scaleSetName, null, null, "instanceView",
                                Context.NONE)
                        .stream().map(vm -> instance(scaleSetName, vm)).collect(Collectors.toList()));
    }

    @Override
    public InstanceFacts instance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId) {
        return call("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read",
                rgScope(subscriptionId, resourceGroup) + "/providers/Microsoft.Compute/virtualMachineScaleSets/"
                        + scaleSetName + "/virtualMachines/" + instanceId,
                () -> instance(scaleSetName, arm(subscriptionId).virtualMachineScaleSets().manager().serviceClient()
                        .getVirtualMachineScaleSetVMs().getWithResponse(resourceGroup, scaleSetName, instanceId,
                                InstanceViewTypes.INSTANCE_VIEW, Context.NONE)
                        .getValue()));
    }

    private static InstanceFacts instance(String scaleSetName, VirtualMachineScaleSetVMInner vm) {
        String power = null;
        List<InstanceFacts.ExtensionStatus> extensions = new ArrayList<>();
        if (vm.instanceView() != null) {
            for (InstanceViewStatus s : list(vm.instanceView().statuses())) {
                if (s.code() != null && s.code().startsWith("PowerState/")) {
                    power = s.code().substring("PowerState/".length());
                }
            }
            for (VirtualMachineExtensionInstanceView e : list(vm.instanceView().extensions())) {
                for (InstanceViewStatus s : list(e.statuses())) {
                    extensions.add(new InstanceFacts.ExtensionStatus(e.name(), s.code(), str(s.level()),
                            s.displayStatus(), s.message()));
                }
            }
        }
        return new InstanceFacts(vm.id(), scaleSetName, vm.instanceId(),
                vm.osProfile() == null ? null : vm.osProfile().computerName(), vm.provisioningState(), power,
                extensions);
    }

    @Override
    public List<ActivityEventFacts> activityLog(String subscriptionId, String resourceGroup, OffsetDateTime from,
            OffsetDateTime to) {
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        String filter = "eventTimestamp ge '" + from.withOffsetSameInstant(ZoneOffset.UTC).format(f)
                + "' and eventTimestamp le '" + to.withOffsetSameInstant(ZoneOffset.UTC).format(f)
                + "' and resourceGroupName eq '" + resourceGroup.replace("'", "") + "'";
        return call("Microsoft.Insights/eventtypes/values/read", rgScope(subscriptionId, resourceGroup),
                () -> arm(subscriptionId).activityLogs().manager().serviceClient().getActivityLogs().list(filter)
                        .stream().map(AzureArmGateway::event).collect(Collectors.toList()));
    }

    private static ActivityEventFacts event(EventDataInner e) {
        Map<String, String> props = e.properties() == null ? Map.of() : e.properties();
        String code = null;
        String message = null;
        String statusMessage = props.get("statusMessage");
        if (statusMessage != null) {
            Matcher c = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(statusMessage);
            if (c.find()) {
                code = c.group(1);
            }
            Matcher m = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(statusMessage);
            message = m.find() ? m.group(1) : statusMessage;
        }
        if (code == null && e.subStatus() != null && e.subStatus().value() != null && !e.subStatus().value().isBlank()) {
            code = e.subStatus().value();
        }
        return new ActivityEventFacts(e.operationName() == null ? null : e.operationName().value(),
                e.status() == null ? null : e.status().value(), e.subStatus() == null ? null : e.subStatus().value(),
                e.resourceId(), e.eventTimestamp(), e.correlationId(), code, message, statusMessage);
    }

    @Override
    public List<UsageFacts> computeUsages(String subscriptionId, String region) {
        return call("Microsoft.Compute/locations/usages/read", "/subscriptions/" + subscriptionId,
                () -> arm(subscriptionId).virtualMachineScaleSets().manager().serviceClient().getUsages().list(region)
                        .stream().map(u -> new UsageFacts(u.name() == null ? null : u.name().value(),
                                u.name() == null ? null : u.name().localizedValue(), u.currentValue(), u.limit()))
                        .collect(Collectors.toList()));
    }

    @Override
    public List<UsageFacts> networkUsages(String subscriptionId, String region) {
        return call("Microsoft.Network/locations/usages/read", "/subscriptions/" + subscriptionId,
                () -> arm(subscriptionId).networks().manager().serviceClient().getUsages().list(region).stream()
                        .map(u -> new UsageFacts(u.name() == null ? null : u.name().value(),
                                u.name() == null ? null : u.name().localizedValue(), u.currentValue(), u.limit()))
                        .collect(Collectors.toList()));
    }

    @Override
    public List<SkuFacts> vmSkus(String subscriptionId, String region) {
        return call("Microsoft.Compute/skus/read", "/subscriptions/" + subscriptionId,
                () -> arm(subscriptionId).virtualMachineScaleSets().manager().serviceClient().getResourceSkus()
                        .list("location eq '" + region.replace("'", "") + "'", null, Context.NONE).stream()
                        .filter(s -> "virtualMachines".equalsIgnoreCase(s.resourceType()))
                        .map(AzureArmGateway::sku).collect(Collectors.toList()));
    }

    private static SkuFacts sku(ResourceSkuInner s) {
        int vcpus = 0;
        for (ResourceSkuCapabilities c : list(s.capabilities())) {
            if ("vCPUs".equalsIgnoreCase(c.name())) {
                try {
                    vcpus = Integer.parseInt(c.value());
                } catch (NumberFormatException ignored) {
                    vcpus = 0;
                }
            }
        }
        List<String> zones = list(s.locationInfo()).stream().map(ResourceSkuLocationInfo::zones)
                .filter(Objects::nonNull).flatMap(List::stream).collect(Collectors.toList());
        List<String> restrictions = new ArrayList<>();
        boolean regional = false;
        for (ResourceSkuRestrictions r : list(s.restrictions())) {
            String type = str(r.type());
            String where = "Zone".equalsIgnoreCase(type) && r.restrictionInfo() != null
                    ? " (zones " + String.join(", ", list(r.restrictionInfo().zones())) + ")"
                    : " (region)";
            regional |= "Location".equalsIgnoreCase(type);
            restrictions.add(str(r.reasonCode()) + where);
        }
        return new SkuFacts(s.name(), s.family(), vcpus, zones, restrictions, regional);
    }

    @Override
    public PolicyAssignmentFacts policyAssignment(String assignmentId) {
        return call("Microsoft.Authorization/policyAssignments/read", assignmentId, () -> {
            String sub = assignmentId.replaceFirst("(?i)^/subscriptions/([^/]+)/.*$", "$1");
            PolicyAssignment a = arm(sub).policyAssignments().getById(assignmentId);
            return new PolicyAssignmentFacts(a.id(), a.name(), a.displayName(), a.scope(), a.policyDefinitionId(),
                    str(a.enforcementMode()));
        });
    }

    @Override
    public List<LockFacts> locks(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Authorization/locks/read", rgScope(subscriptionId, resourceGroup),
                () -> arm(subscriptionId).managementLocks().listByResourceGroup(resourceGroup).stream()
                        .map(l -> new LockFacts(l.id(), l.name(), str(l.level()), l.notes()))
                        .collect(Collectors.toList()));
    }

    @Override
    public ProviderFacts provider(String subscriptionId, String namespace) {
        return call("Microsoft.Resources/subscriptions/providers/read", "/subscriptions/" + subscriptionId, () -> {
            Provider p = arm(subscriptionId).providers().getByName(namespace);
            return new ProviderFacts(p.namespace(), p.registrationState());
        });
    }

    @Override
    public SubscriptionFacts subscription(String subscriptionId) {
        return call("Microsoft.Resources/subscriptions/read", "/subscriptions/" + subscriptionId, () -> {
            Subscription s = authenticated().subscriptions().getById(subscriptionId);
            return new SubscriptionFacts(s.subscriptionId(), s.displayName(), str(s.state()));
        });
    }

    // ---------------------------------------------------------------- node probes

    @Override
    public RunCommandOutput runCommand(String subscriptionId, String resourceGroup, String scaleSetName,
            String instanceId, boolean windows, List<String> scriptLines) {
        String scope = rgScope(subscriptionId, resourceGroup) + "/providers/Microsoft.Compute/virtualMachineScaleSets/"
                + scaleSetName + "/virtualMachines/" + instanceId;
        return call("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action", scope, () -> {
            RunCommandInput input = new RunCommandInput()
                    .withCommandId(windows ? "RunPowerShellScript" : "RunShellScript")
                    .withScript(List.copyOf(scriptLines));
            var result = arm(subscriptionId).virtualMachineScaleSets().manager().serviceClient()
                    .getVirtualMachineScaleSetVMs().runCommand(resourceGroup, scaleSetName, instanceId, input);
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (InstanceViewStatus s : list(result == null ? null : result.value())) {
                String code = Objects.toString(s.code(), "");
                String message = Objects.toString(s.message(), "");
                if (code.contains("StdErr")) {
                    err.append(message);
                } else {
                    // RunShellScript puts stdout and stderr in one message under "[stdout]"/"[stderr]".
                    out.append(message);
                }
            }
            return new RunCommandOutput(out.toString(), err.toString());
        });
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void startCluster(ClusterRef ref) {
        String scope = ref.resourceId().orElseThrow();
        call("Microsoft.ContainerService/managedClusters/start/action", scope, () -> {
            arm(ref.subscriptionId()).kubernetesClusters().manager().serviceClient().getManagedClusters()
                    .start(ref.resourceGroup(), ref.name());
            return null;
        });
    }

    @Override
    public void reconcileCluster(ClusterRef ref) {
        String scope = ref.resourceId().orElseThrow();
        call("Microsoft.ContainerService/managedClusters/write", scope, () -> {
            var clusters = arm(ref.subscriptionId()).kubernetesClusters().manager().serviceClient()
                    .getManagedClusters();
            ManagedClusterInner current = clusters.getByResourceGroup(ref.resourceGroup(), ref.name());
            clusters.createOrUpdate(ref.resourceGroup(), ref.name(), current);
            return null;
        });
    }

    @Override
    public void reconcileAgentPool(ClusterRef ref, String poolName) {
        String scope = ref.resourceId().orElseThrow() + "/agentPools/" + poolName;
        call("Microsoft.ContainerService/managedClusters/agentPools/write", scope, () -> {
            var pools = arm(ref.subscriptionId()).kubernetesClusters().manager().serviceClient().getAgentPools();
            AgentPoolInner current = pools.get(ref.resourceGroup(), ref.name(), poolName);
            pools.createOrUpdate(ref.resourceGroup(), ref.name(), poolName, current);
            return null;
        });
    }

    @Override
    public void updateAuthorizedRanges(ClusterRef ref, List<String> ranges) {
        String scope = ref.resourceId().orElseThrow();
        call("Microsoft.ContainerService/managedClusters/write", scope, () -> {
            var clusters = arm(ref.subscriptionId()).kubernetesClusters().manager().serviceClient()
                    .getManagedClusters();
            ManagedClusterInner current = clusters.getByResourceGroup(ref.resourceGroup(), ref.name());
            ManagedClusterApiServerAccessProfile api = current.apiServerAccessProfile() == null
                    ? new ManagedClusterApiServerAccessProfile()
                    : current.apiServerAccessProfile();
            current.withApiServerAccessProfile(api.withAuthorizedIpRanges(List.copyOf(ranges)));
            clusters.createOrUpdate(ref.resourceGroup(), ref.name(), current);
            return null;
        });
    }

    @Override
    public void rotateCertificates(ClusterRef ref) {
        String scope = ref.resourceId().orElseThrow();
        call("Microsoft.ContainerService/managedClusters/rotateClusterCertificates/action", scope, () -> {
            arm(ref.subscriptionId()).kubernetesClusters().manager().serviceClient().getManagedClusters()
                    .rotateClusterCertificates(ref.resourceGroup(), ref.name());
            return null;
        });
    }

    @Override
    public void reimageInstance(String subscriptionId, String resourceGroup, String scaleSetName, String instanceId) {
        String scope = rgScope(subscriptionId, resourceGroup) + "/providers/Microsoft.Compute/virtualMachineScaleSets/"
                + scaleSetName + "/virtualMachines/" + instanceId;
        call("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/reimage/action", scope, () -> {
            arm(subscriptionId).virtualMachineScaleSets().manager().serviceClient().getVirtualMachineScaleSetVMs()
                    .reimage(resourceGroup, scaleSetName, instanceId);
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers

    private static String rgScope(String subscriptionId, String resourceGroup) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }

    private static List<String> merge(String single, List<String> many) {
        List<String> out = new ArrayList<>();
        if (single != null && !single.isBlank()) {
            out.add(single);
        }
        list(many).stream().filter(v -> v != null && !v.isBlank() && !out.contains(v)).forEach(out::add);
        return out;
    }

    private static List<String> ids(List<SubResource> refs) {
        return list(refs).stream().map(SubResource::id).filter(Objects::nonNull).collect(Collectors.toList());
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    // ---- digest verbs: whole subscriptions in one paged call each ----

    @Override
    public List<ClusterFacts> clusterFacts(String subscriptionId) {
        return call("Microsoft.ContainerService/managedClusters/read", "/subscriptions/" + subscriptionId,
                () -> arm(subscriptionId).kubernetesClusters().manager().serviceClient().getManagedClusters().list()
                        .stream().map(c -> {
                            ResourceId id = ResourceId.fromString(c.id());
                            return clusterFacts(c, new ClusterRef(id.subscriptionId().toLowerCase(Locale.ROOT),
                                    id.resourceGroupName(), c.name()));
                        }).collect(Collectors.toList()));
    }

    @Override
    public List<AuditEventFacts> auditEvents(String subscriptionId, OffsetDateTime from, OffsetDateTime to) {
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        String filter = "eventTimestamp ge '" + from.withOffsetSameInstant(ZoneOffset.UTC).format(f)
                + "' and eventTimestamp le '" + to.withOffsetSameInstant(ZoneOffset.UTC).format(f) + "'";
        String select = "eventTimestamp,operationName,status,subStatus,resourceId,caller,correlationId,properties";
        return call("Microsoft.Insights/eventtypes/values/read", "/subscriptions/" + subscriptionId,
                () -> arm(subscriptionId).activityLogs().manager().serviceClient().getActivityLogs().list(filter, select, Context.NONE)
                        .stream().map(e -> new AuditEventFacts(event(e), e.caller())).collect(Collectors.toList()));
    }
}
