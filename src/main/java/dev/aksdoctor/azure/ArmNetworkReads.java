package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.ArmErrors.call;
import static dev.aksdoctor.azure.SdkValues.rgScope;

import com.azure.resourcemanager.privatedns.fluent.models.PrivateZoneInner;
import com.azure.resourcemanager.resources.fluentcore.arm.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Microsoft.Network reads of {@link AzureArmGateway} (and the role assignments on network resources that the
 * egress path checks), apart so the facade stays readable: same rules, one SDK call or raw GET through
 * {@link ArmErrors#call} per verb and a mapper to our records.
 */
abstract class ArmNetworkReads implements ArmGateway {

    protected final ArmSession session;

    ArmNetworkReads(ArmSession session) {
        this.session = session;
    }

    /** Only for the CDI client proxy of {@link AzureArmGateway}, which never reads {@link #session} itself. */
    protected ArmNetworkReads() {
        this.session = null;
    }

    @Override
    public VnetFacts vnet(String vnetId) {
        ResourceId id = ResourceId.fromString(vnetId);
        return call("Microsoft.Network/virtualNetworks/read", vnetId, () -> NetworkMapper.vnet(
                session.network(id.subscriptionId()).serviceClient().getVirtualNetworks()
                        .getByResourceGroup(id.resourceGroupName(), id.name())));
    }

    @Override
    public List<VnetFacts> vnets(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Network/virtualNetworks/read", rgScope(subscriptionId, resourceGroup),
                () -> session.network(subscriptionId).serviceClient().getVirtualNetworks()
                        .listByResourceGroup(resourceGroup).stream().map(NetworkMapper::vnet)
                        .collect(Collectors.toList()));
    }

    @Override
    public NsgFacts nsg(String nsgId) {
        ResourceId id = ResourceId.fromString(nsgId);
        return NetworkMapper.nsg(call("Microsoft.Network/networkSecurityGroups/read", nsgId,
                () -> session.network(id.subscriptionId()).serviceClient().getNetworkSecurityGroups()
                        .getByResourceGroup(id.resourceGroupName(), id.name())));
    }

    @Override
    public RouteTableFacts routeTable(String routeTableId) {
        ResourceId id = ResourceId.fromString(routeTableId);
        return NetworkMapper.routeTable(call("Microsoft.Network/routeTables/read", routeTableId,
                () -> session.network(id.subscriptionId()).serviceClient().getRouteTables()
                        .getByResourceGroup(id.resourceGroupName(), id.name())));
    }

    @Override
    public PublicIpFacts publicIp(String publicIpId) {
        ResourceId id = ResourceId.fromString(publicIpId);
        return call("Microsoft.Network/publicIPAddresses/read", publicIpId, () -> NetworkMapper.publicIp(
                session.network(id.subscriptionId()).serviceClient().getPublicIpAddresses()
                        .getByResourceGroup(id.resourceGroupName(), id.name())));
    }

    @Override
    public NatGatewayFacts natGateway(String natGatewayId) {
        ResourceId id = ResourceId.fromString(natGatewayId);
        return NetworkMapper.natGateway(call("Microsoft.Network/natGateways/read", natGatewayId,
                () -> session.network(id.subscriptionId()).serviceClient().getNatGateways()
                        .getByResourceGroup(id.resourceGroupName(), id.name())));
    }

    @Override
    public List<FirewallFacts> firewalls(String subscriptionId) {
        return call("Microsoft.Network/azureFirewalls/read", "/subscriptions/" + subscriptionId,
                () -> session.network(subscriptionId).serviceClient().getAzureFirewalls().list().stream()
                        .map(NetworkMapper::firewall).collect(Collectors.toList()));
    }

    @Override
    public FirewallPolicyFacts firewallPolicy(String policyId) {
        ResourceId id = ResourceId.fromString(policyId);
        var client = session.network(id.subscriptionId()).serviceClient();
        var policy = call("Microsoft.Network/firewallPolicies/read", policyId,
                () -> client.getFirewallPolicies().getByResourceGroup(id.resourceGroupName(), id.name()));
        var groups = call("Microsoft.Network/firewallPolicies/ruleCollectionGroups/read", policyId,
                () -> client.getFirewallPolicyRuleCollectionGroups().list(id.resourceGroupName(), id.name()).stream()
                        .collect(Collectors.toList()));
        return NetworkMapper.firewallPolicy(policy, groups);
    }

    @Override
    public List<String> ipGroupAddresses(String ipGroupId) {
        ResourceId id = ResourceId.fromString(ipGroupId);
        return call("Microsoft.Network/ipGroups/read", ipGroupId,
                () -> SdkValues.list(session.network(id.subscriptionId()).serviceClient().getIpGroups()
                        .getByResourceGroup(id.resourceGroupName(), id.name()).ipAddresses()));
    }

    @Override
    public java.util.Map<String, String> internalLoadBalancerFrontends(String subscriptionId) {
        return call("Microsoft.Network/loadBalancers/read", "/subscriptions/" + subscriptionId, () -> {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            session.network(subscriptionId).serviceClient().getLoadBalancers().list().forEach(lb ->
                    SdkValues.list(lb.frontendIpConfigurations()).stream()
                            .filter(f -> f.privateIpAddress() != null)
                            .forEach(f -> out.putIfAbsent(f.privateIpAddress(), lb.id())));
            return out;
        });
    }

    @Override
    public List<NicFacts> networkInterfaces(String subscriptionId) {
        return call("Microsoft.Network/networkInterfaces/read", "/subscriptions/" + subscriptionId,
                () -> session.network(subscriptionId).serviceClient().getNetworkInterfaces().list().stream()
                        .map(NetworkMapper::nic).collect(Collectors.toList()));
    }

    @Override
    public List<NicFacts> instanceNetworkInterfaces(String subscriptionId, String resourceGroup, String scaleSetName,
            String instanceId) {
        return call("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/networkInterfaces/read",
                rgScope(subscriptionId, resourceGroup) + "/providers/Microsoft.Compute/virtualMachineScaleSets/"
                        + scaleSetName + "/virtualMachines/" + instanceId,
                () -> session.network(subscriptionId).serviceClient().getNetworkInterfaces()
                        .listVirtualMachineScaleSetVMNetworkInterfaces(resourceGroup, scaleSetName, instanceId).stream()
                        .map(NetworkMapper::nic).collect(Collectors.toList()));
    }

    @Override
    public String vmPowerState(String vmId) {
        ResourceId id = ResourceId.fromString(vmId);
        return call("Microsoft.Compute/virtualMachines/instanceView/read", vmId,
                () -> ComputeMapper.powerState(session.compute(id.subscriptionId()).serviceClient()
                        .getVirtualMachines().instanceView(id.resourceGroupName(), id.name())));
    }

    @Override
    public PublicIpPrefixFacts publicIpPrefix(String publicIpPrefixId) {
        ResourceId id = ResourceId.fromString(publicIpPrefixId);
        return call("Microsoft.Network/publicIPPrefixes/read", publicIpPrefixId, () -> NetworkMapper.publicIpPrefix(
                session.network(id.subscriptionId()).serviceClient().getPublicIpPrefixes()
                        .getByResourceGroup(id.resourceGroupName(), id.name())));
    }

    @Override
    public java.util.Map<String, List<String>> serviceTags(String subscriptionId, String location) {
        return call("Microsoft.Network/locations/serviceTags/read", "/subscriptions/" + subscriptionId,
                () -> NetworkMapper.serviceTags(session.network(subscriptionId).serviceClient().getServiceTags()
                        .list(location)));
    }

    @Override
    public List<PrivateEndpointFacts> privateEndpoints(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Network/privateEndpoints/read", rgScope(subscriptionId, resourceGroup),
                () -> session.network(subscriptionId).serviceClient().getPrivateEndpoints()
                        .listByResourceGroup(resourceGroup).stream().map(NetworkMapper::privateEndpoint)
                        .collect(Collectors.toList()));
    }

    @Override
    public List<PrivateDnsZoneFacts> privateDnsZones(String subscriptionId, String resourceGroup) {
        return call("Microsoft.Network/privateDnsZones/read", rgScope(subscriptionId, resourceGroup), () -> {
            var client = session.privateDns(subscriptionId).serviceClient();
            List<PrivateDnsZoneFacts> zones = new ArrayList<>();
            for (PrivateZoneInner z : client.getPrivateZones().listByResourceGroup(resourceGroup)) {
                zones.add(NetworkMapper.privateDnsZone(z, client.getVirtualNetworkLinks().list(resourceGroup, z.name())));
            }
            return zones;
        });
    }

    @Override
    public PrivateDnsZoneFacts privateDnsZone(String zoneId) {
        ResourceId id = ResourceId.fromString(zoneId);
        return call("Microsoft.Network/privateDnsZones/read", zoneId, () -> {
            var client = session.privateDns(id.subscriptionId()).serviceClient();
            return NetworkMapper.privateDnsZone(
                    client.getPrivateZones().getByResourceGroup(id.resourceGroupName(), id.name()),
                    client.getVirtualNetworkLinks().list(id.resourceGroupName(), id.name()));
        });
    }

    @Override
    public java.util.Map<String, List<String>> privateDnsARecords(String zoneId) {
        ResourceId id = ResourceId.fromString(zoneId);
        return call("Microsoft.Network/privateDnsZones/A/read", zoneId, () -> {
            java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            session.privateDns(id.subscriptionId()).serviceClient().getRecordSets()
                    .listByType(id.resourceGroupName(), id.name(),
                            com.azure.resourcemanager.privatedns.models.RecordType.A)
                    .forEach(r -> out.put(r.name(), SdkValues.list(r.aRecords()).stream()
                            .map(a -> a.ipv4Address()).filter(java.util.Objects::nonNull)
                            .collect(Collectors.toList())));
            return out;
        });
    }

    private static final String DNS_RESOLVER_API = "2022-07-01";

    @Override
    public List<ForwardingRulesetFacts> dnsForwardingRulesets(String subscriptionId) {
        String scope = "/subscriptions/" + subscriptionId;
        return call("Microsoft.Network/dnsForwardingRulesets/read", scope, () -> {
            List<ForwardingRulesetFacts> out = new java.util.ArrayList<>();
            for (var rs : session.getJson(scope + "/providers/Microsoft.Network/dnsForwardingRulesets",
                    DNS_RESOLVER_API).path("value")) {
                String rsId = rs.path("id").asText();
                List<String> links = new java.util.ArrayList<>();
                session.getJson(rsId + "/virtualNetworkLinks", DNS_RESOLVER_API).path("value").forEach(l -> links.add(
                        l.path("properties").path("virtualNetwork").path("id").asText()));
                List<ForwardingRulesetFacts.Rule> rules = new java.util.ArrayList<>();
                session.getJson(rsId + "/forwardingRules", DNS_RESOLVER_API).path("value").forEach(r -> {
                    var p = r.path("properties");
                    List<String> targets = new java.util.ArrayList<>();
                    p.path("targetDnsServers").forEach(t -> targets.add(t.path("ipAddress").asText()));
                    rules.add(new ForwardingRulesetFacts.Rule(r.path("name").asText(), p.path("domainName").asText(),
                            targets, !"Disabled".equalsIgnoreCase(p.path("forwardingRuleState").asText())));
                });
                out.add(new ForwardingRulesetFacts(rsId, rs.path("name").asText(), links, rules));
            }
            return out;
        });
    }

    private static final String DOMAIN_SERVICES_API = "2022-12-01";

    @Override
    public java.util.Map<String, String> dnsServiceIps(String subscriptionId) {
        String scope = "/subscriptions/" + subscriptionId;
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        var resolvers = listOrNone("Microsoft.Network/dnsResolvers/read", scope,
                scope + "/providers/Microsoft.Network/dnsResolvers", DNS_RESOLVER_API);
        for (var resolver : resolvers) {
            String resolverId = resolver.path("id").asText();
            var endpoints = call("Microsoft.Network/dnsResolvers/inboundEndpoints/read", resolverId,
                    () -> session.getJson(resolverId + "/inboundEndpoints", DNS_RESOLVER_API).path("value"));
            for (var endpoint : endpoints) {
                endpoint.path("properties").path("ipConfigurations").forEach(c -> put(out,
                        c.path("privateIpAddress").asText(""), endpoint.path("id").asText()));
            }
        }
        for (var domain : listOrNone("Microsoft.AAD/domainServices/read", scope,
                scope + "/providers/Microsoft.AAD/domainServices", DOMAIN_SERVICES_API)) {
            domain.path("properties").path("replicaSets").forEach(r -> r.path("domainControllerIpAddress")
                    .forEach(ip -> put(out, ip.asText(""), domain.path("id").asText())));
        }
        return out;
    }

    /** A subscription's resources of one type; a provider never registered there (or not found) has none. */
    private com.fasterxml.jackson.databind.JsonNode listOrNone(String permission, String scope, String path,
            String apiVersion) {
        try {
            return call(permission, scope, () -> session.getJson(path, apiVersion).path("value"));
        } catch (ArmException e) {
            if (e.kind() == ArmException.Kind.NOT_FOUND || e.kind() == ArmException.Kind.NOT_REGISTERED) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            throw e;
        }
    }

    private static void put(java.util.Map<String, String> out, String ip, String resourceId) {
        if (!ip.isEmpty()) {
            out.putIfAbsent(ip, resourceId);
        }
    }

    private static final String AUTHORIZATION_API = "2022-04-01";

    @Override
    public List<RoleFacts> roleAssignments(String scope, String principalId) {
        var assignments = call("Microsoft.Authorization/roleAssignments/read", scope,
                () -> session.getJson(scope + "/providers/Microsoft.Authorization/roleAssignments", AUTHORIZATION_API,
                        "principalId eq '" + principalId + "'").path("value"));
        String lowerScope = scope.toLowerCase(java.util.Locale.ROOT);
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> defs = new java.util.HashMap<>();
        List<RoleFacts> out = new java.util.ArrayList<>();
        for (var a : assignments) {
            var p = a.path("properties");
            String at = p.path("scope").asText("");
            if (at.isEmpty() || !(lowerScope + "/").startsWith(at.toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("/$", "") + "/")) {
                continue;
            }
            String defId = p.path("roleDefinitionId").asText();
            var def = defs.computeIfAbsent(defId, id -> call("Microsoft.Authorization/roleDefinitions/read", id,
                    () -> session.getJson(id, AUTHORIZATION_API)));
            List<String> actions = new java.util.ArrayList<>();
            List<String> notActions = new java.util.ArrayList<>();
            def.path("properties").path("permissions").forEach(perm -> {
                perm.path("actions").forEach(x -> actions.add(x.asText()));
                perm.path("notActions").forEach(x -> notActions.add(x.asText()));
            });
            out.add(new RoleFacts(a.path("id").asText(), at, defId, def.path("properties").path("roleName").asText(),
                    actions, notActions));
        }
        return out;
    }

    @Override
    public List<UsageFacts> networkUsages(String subscriptionId, String region) {
        return call("Microsoft.Network/locations/usages/read", "/subscriptions/" + subscriptionId,
                () -> session.network(subscriptionId).serviceClient().getUsages().list(region).stream()
                        .map(u -> new UsageFacts(u.name() == null ? null : u.name().value(),
                                u.name() == null ? null : u.name().localizedValue(), u.currentValue(), u.limit()))
                        .collect(Collectors.toList()));
    }
}
