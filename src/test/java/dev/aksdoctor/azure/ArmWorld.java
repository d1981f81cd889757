package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.ArmFixtures.JSON;
import static dev.aksdoctor.azure.ArmFixtures.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consistent, healthy AKS estate for the fake ARM, built from the verbatim examples in
 * {@code src/test/resources/arm/} (ids, names and addresses rewritten to one cluster): a public cluster
 * {@code rg-aks/aks1} in westeurope on a BYO VNet (subnet 10.240.0.0/22 with an NSG and a route table),
 * load-balancer egress through 20.50.60.70, authorized ranges enabled and correct. Scenario tests change
 * one thing (the public fields are the live JSON) and {@link #install(FakeArm)} it.
 */
public final class ArmWorld {

    public static final String SUB = "11111111-2222-3333-4444-555555555555";
    public static final String RG = "rg-aks";
    public static final String NAME = "aks1";
    public static final String LOCATION = "westeurope";
    public static final String NODE_RG = "MC_rg-aks_aks1_westeurope";
    public static final String FQDN = "aks1-dns-1a2b3c4d.hcp.westeurope.azmk8s.io";
    public static final String PRIVATE_FQDN = "aks1-dns-1a2b3c4d.5e6f.privatelink.westeurope.azmk8s.io";
    public static final String API_SERVER_IP = "20.61.1.10";
    public static final String EGRESS_IP = "20.50.60.70";
    public static final String NODE_CIDR = "10.240.0.0/22";
    public static final String VNET_CIDR = "10.240.0.0/16";
    public static final String VMSS = "aks-nodepool1-12345678-vmss";

    public static final String SUB_PATH = "/subscriptions/" + SUB;
    public static final String CLUSTER_ID = SUB_PATH + "/resourceGroups/" + RG
            + "/providers/Microsoft.ContainerService/managedClusters/" + NAME;
    public static final String NET_RG = SUB_PATH + "/resourceGroups/rg-net/providers/Microsoft.Network";
    public static final String NODE_RG_PATH = SUB_PATH + "/resourceGroups/" + NODE_RG;
    public static final String VNET_ID = NET_RG + "/virtualNetworks/vnet-aks";
    public static final String SUBNET_ID = VNET_ID + "/subnets/snet-nodes";
    public static final String SUBNET_NSG_ID = NET_RG + "/networkSecurityGroups/nsg-nodes";
    public static final String NIC_NSG_ID = NODE_RG_PATH + "/providers/Microsoft.Network/networkSecurityGroups/aks-agentpool-12345678-nsg";
    public static final String ROUTE_TABLE_ID = NET_RG + "/routeTables/rt-nodes";
    public static final String NAT_ID = NET_RG + "/natGateways/nat-aks";
    public static final String NAT_PIP_ID = NET_RG + "/publicIPAddresses/pip-nat";
    public static final String EGRESS_PIP_ID = NODE_RG_PATH + "/providers/Microsoft.Network/publicIPAddresses/kubernetes-egress";
    public static final String VMSS_ID = NODE_RG_PATH + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + VMSS;
    public static final String ACTIVITY_PATH = SUB_PATH + "/providers/Microsoft.Insights/eventtypes/management/values";
    public static final String PE_ID = NODE_RG_PATH + "/providers/Microsoft.Network/privateEndpoints/kube-apiserver";
    public static final String DNS_ZONE = "5e6f.privatelink.westeurope.azmk8s.io";
    public static final String DNS_ZONE_ID = NODE_RG_PATH + "/providers/Microsoft.Network/privateDnsZones/" + DNS_ZONE;

    public final ObjectNode cluster;
    public final ObjectNode vnet;
    public final ObjectNode subnetNsg;
    public final ObjectNode nicNsg;
    public final ObjectNode routeTable;
    public final ObjectNode scaleSet;
    public final ObjectNode instance;
    public final ArrayNode activity = JSON.createArrayNode();
    public final ArrayNode firewalls = JSON.createArrayNode();
    public final ArrayNode locks = JSON.createArrayNode();
    public final ObjectNode privateEndpoint;
    public final ObjectNode dnsZoneLink;
    public final ObjectNode computeUsages;
    public final ObjectNode networkUsages;
    public final ObjectNode skus;
    public final ObjectNode subscription;
    public final Map<String, String> providers = new LinkedHashMap<>();
    public final Map<String, String> publicIps = new LinkedHashMap<>();
    public final Map<String, JsonNode> extra = new LinkedHashMap<>();
    public String runCommandStdout = "";

    public ArmWorld() {
        cluster = cluster();
        vnet = vnet();
        subnetNsg = nsg(SUBNET_NSG_ID);
        nicNsg = nsg(NIC_NSG_ID);
        routeTable = routeTable();
        scaleSet = scaleSet();
        instance = instance();
        privateEndpoint = privateEndpoint();
        dnsZoneLink = dnsZoneLink();
        computeUsages = usages(List.of(new Object[] {"cores", "Total Regional vCPUs", 12, 100},
                new Object[] {"standardDSv2Family", "Standard DSv2 Family vCPUs", 6, 50}));
        networkUsages = usages(List.<Object[]>of(new Object[] {"PublicIPAddresses", "Public IP Addresses", 3, 1000}));
        skus = skus();
        subscription = (ObjectNode) json("{\"id\":\"" + SUB_PATH + "\",\"subscriptionId\":\"" + SUB
                + "\",\"displayName\":\"Production\",\"state\":\"Enabled\"}");
        providers.put("Microsoft.ContainerService", "Registered");
        providers.put("Microsoft.Compute", "Registered");
        providers.put("Microsoft.Network", "Registered");
        publicIps.put(EGRESS_PIP_ID, EGRESS_IP);
        publicIps.put(NAT_PIP_ID, "51.105.7.8");
    }

    // ---------------------------------------------------------------- scenario helpers

    public ObjectNode clusterProperties() {
        return (ObjectNode) cluster.get("properties");
    }

    public ObjectNode pool() {
        return (ObjectNode) clusterProperties().get("agentPoolProfiles").get(0);
    }

    public ObjectNode subnet() {
        return (ObjectNode) vnet.get("properties").get("subnets").get(0);
    }

    public ArmWorld authorizedRanges(String... ranges) {
        ArrayNode a = ((ObjectNode) clusterProperties().get("apiServerAccessProfile")).putArray("authorizedIPRanges");
        for (String r : ranges) {
            a.add(r);
        }
        return this;
    }

    /** Adds a custom rule to an NSG (as ARM lists it, with singular or plural prefixes). */
    public ArmWorld rule(ObjectNode nsg, String name, String direction, String access, int priority, String protocol,
            String destinationPrefix, String destinationPort) {
        ObjectNode rule = ((ArrayNode) nsg.get("properties").get("securityRules")).addObject();
        rule.put("name", name);
        rule.put("id", nsg.get("id").asText() + "/securityRules/" + name);
        ObjectNode p = rule.putObject("properties");
        p.put("provisioningState", "Succeeded");
        p.put("protocol", protocol);
        p.put("sourcePortRange", "*");
        p.put("destinationPortRange", destinationPort);
        p.put("sourceAddressPrefix", "*");
        p.put("destinationAddressPrefix", destinationPrefix);
        p.put("access", access);
        p.put("priority", priority);
        p.put("direction", direction);
        return this;
    }

    public ArmWorld route(String name, String prefix, String nextHopType, String nextHopIp) {
        ObjectNode route = ((ArrayNode) routeTable.get("properties").get("routes")).addObject();
        route.put("name", name);
        route.put("id", ROUTE_TABLE_ID + "/routes/" + name);
        ObjectNode p = route.putObject("properties");
        p.put("provisioningState", "Succeeded");
        p.put("addressPrefix", prefix);
        p.put("nextHopType", nextHopType);
        if (nextHopIp != null) {
            p.put("nextHopIpAddress", nextHopIp);
        }
        return this;
    }

    /** Makes it a private cluster with the kube-apiserver private endpoint and a system private DNS zone. */
    public ArmWorld privateCluster() {
        ObjectNode api = (ObjectNode) clusterProperties().get("apiServerAccessProfile");
        api.put("enablePrivateCluster", true);
        api.put("privateDNSZone", "system");
        api.remove("authorizedIPRanges");
        clusterProperties().put("privateFQDN", PRIVATE_FQDN);
        clusterProperties().remove("fqdn");
        return this;
    }

    /** Puts the node subnet behind a NAT gateway whose public IP is {@code pip-nat}. */
    public ArmWorld natGateway() {
        subnet().withObjectProperty("properties").putObject("natGateway").put("id", NAT_ID);
        clusterProperties().withObjectProperty("networkProfile").put("outboundType", "userAssignedNATGateway");
        ((ObjectNode) clusterProperties().get("networkProfile")).remove("loadBalancerProfile");
        extra.put(NAT_ID, json("{\"id\":\"" + NAT_ID + "\",\"name\":\"nat-aks\",\"location\":\"" + LOCATION
                + "\",\"sku\":{\"name\":\"Standard\"},\"properties\":{\"provisioningState\":\"Succeeded\","
                + "\"publicIpAddresses\":[{\"id\":\"" + NAT_PIP_ID + "\"}]}}"));
        return this;
    }

    /** A failed operation on the cluster in the Activity Log, shaped like GetActivityLogsFiltered.json's event. */
    public ArmWorld failedOperation(String operation, String code, String message) {
        ObjectNode e = (ObjectNode) body("GetActivityLogsFiltered.json").get("value").get(0).deepCopy();
        e.put("resourceId", CLUSTER_ID);
        e.put("resourceGroupName", RG);
        e.put("subscriptionId", SUB);
        e.put("correlationId", "c0ffee00-0000-0000-0000-00000000000" + activity.size());
        e.put("eventTimestamp", java.time.OffsetDateTime.now().minusHours(1).toString());
        e.putObject("operationName").put("value", operation).put("localizedValue", operation);
        e.putObject("status").put("value", "Failed").put("localizedValue", "Failed");
        e.putObject("subStatus").put("value", "").put("localizedValue", "");
        ObjectNode props = e.putObject("properties");
        props.put("statusCode", "BadRequest");
        props.put("statusMessage", "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'")
                + "\"}}");
        activity.add(e);
        return this;
    }

    /**
     * A failed async operation as the Activity Log records it: the {@code ResourceOperationFailure} wrapper with
     * the real error in {@code error.details} (statusMessage is a JSON string), on {@code resourceId}.
     */
    public ArmWorld failedAsyncOperation(String operation, String resourceId, String innerCode, String innerMessage,
            int hoursAgo) {
        failedOperation(operation, "ResourceOperationFailure", "unused");
        ObjectNode e = (ObjectNode) activity.get(activity.size() - 1);
        e.put("resourceId", resourceId);
        e.put("eventTimestamp", java.time.OffsetDateTime.now().minusHours(hoursAgo).toString());
        ObjectNode status = JSON.createObjectNode();
        status.put("status", "Failed");
        ObjectNode error = status.putObject("error");
        error.put("code", "ResourceOperationFailure");
        error.put("message", "The resource operation completed with terminal provisioning state 'Failed'.");
        ObjectNode detail = error.putArray("details").addObject();
        detail.put("code", innerCode);
        detail.put("message", innerMessage);
        ((ObjectNode) e.get("properties")).put("statusMessage", ArmFixtures.write(status));
        return this;
    }

    /** A Policy-category deny event on {@code resourceId}: no statusMessage, the assignment in properties.policies. */
    public ArmWorld policyDenyEvent(String resourceId, String assignmentId, String assignmentName) {
        failedOperation("Microsoft.Authorization/policies/deny/action", "unused", "unused");
        ObjectNode e = (ObjectNode) activity.get(activity.size() - 1);
        e.put("resourceId", resourceId);
        e.putObject("category").put("value", "Policy").put("localizedValue", "Policy");
        ObjectNode props = e.putObject("properties");
        props.put("isComplianceCheck", "False");
        props.put("resourceLocation", LOCATION);
        props.put("ancestors", "72f988bf-86f1-41af-91ab-2d7cd011db47");
        props.put("policies", "[{\"policyDefinitionId\":\"/providers/Microsoft.Authorization/policyDefinitions/"
                + "6c112d4e-5bc7-47ae-a041-ea2d9dccd749\",\"policyDefinitionName\":\"6c112d4e-5bc7-47ae-a041-"
                + "ea2d9dccd749\",\"policyDefinitionEffect\":\"Deny\",\"policyAssignmentId\":\"" + assignmentId
                + "\",\"policyAssignmentName\":\"" + assignmentName + "\",\"policyAssignmentScope\":\""
                + assignmentId.substring(0, assignmentId.toLowerCase().indexOf("/providers/microsoft.authorization"))
                + "\",\"policyAssignmentParameters\":{}}]");
        return this;
    }

    /** {@code properties.status.provisioningError} of the cluster: the wrapper with the real error in details. */
    public ArmWorld clusterProvisioningError(String innerCode, String innerMessage) {
        provisioningError(clusterProperties(), innerCode, innerMessage);
        return this;
    }

    /** {@code properties.status.provisioningError} of the first node pool. */
    public ArmWorld poolProvisioningError(String innerCode, String innerMessage) {
        provisioningError(pool(), innerCode, innerMessage);
        return this;
    }

    private static void provisioningError(ObjectNode target, String innerCode, String innerMessage) {
        ObjectNode error = target.putObject("status").putObject("provisioningError");
        error.put("code", "ResourceOperationFailure");
        error.put("message", "The resource operation completed with terminal provisioning state 'Failed'.");
        ObjectNode detail = error.putArray("details").addObject();
        detail.put("code", innerCode);
        detail.put("message", innerMessage);
    }

    /** A management lock on the node resource group. */
    public ArmWorld nodeGroupLock(String name, String level, String notes) {
        String id = NODE_RG_PATH + "/providers/Microsoft.Authorization/locks/" + name;
        locks.add(json("{\"id\":\"" + id + "\",\"type\":\"Microsoft.Authorization/locks\",\"name\":\"" + name
                + "\",\"properties\":{\"level\":\"" + level + "\",\"notes\":\"" + notes + "\"}}"));
        return this;
    }

    /** API Server VNet Integration: the API server gets a private IP in a delegated subnet of the VNet. */
    public ArmWorld apiServerVnetIntegration() {
        ObjectNode api = (ObjectNode) clusterProperties().get("apiServerAccessProfile");
        api.put("enableVnetIntegration", true);
        api.put("subnetId", VNET_ID + "/subnets/snet-apiserver");
        return this;
    }

    /** An AKS-managed VNet: the pools name no subnet; the VNet {@code aks-vnet-*} lives in the node resource group. */
    public ArmWorld managedVnet() {
        pool().remove("vnetSubnetID");
        String vnetId = NODE_RG_PATH + "/providers/Microsoft.Network/virtualNetworks/aks-vnet-12345678";
        ObjectNode v = vnet.deepCopy();
        v.put("id", vnetId);
        v.put("name", "aks-vnet-12345678");
        ((ArrayNode) v.get("properties").get("addressSpace").get("addressPrefixes")).removeAll().add("10.224.0.0/12");
        ObjectNode sn = (ObjectNode) v.get("properties").get("subnets").get(0);
        sn.put("name", "aks-subnet");
        sn.put("id", vnetId + "/subnets/aks-subnet");
        ObjectNode sp = (ObjectNode) sn.get("properties");
        sp.put("addressPrefix", "10.224.0.0/16");
        sp.remove("routeTable");
        sp.putObject("networkSecurityGroup").put("id", NIC_NSG_ID);
        extra.put(NODE_RG_PATH + "/providers/Microsoft.Network/virtualNetworks", json("{\"value\":["
                + ArmFixtures.write(v) + "]}"));
        extra.put(vnetId, v);
        return this;
    }

    public ArmWorld cseStatus(String code, String message) {
        ArrayNode ext = ((ObjectNode) instance.get("properties").get("instanceView")).putArray("extensions");
        ObjectNode cse = ext.addObject();
        cse.put("name", "vmssCSE");
        cse.put("type", "Microsoft.Azure.Extensions.CustomScript");
        ObjectNode st = cse.putArray("statuses").addObject();
        st.put("code", code);
        st.put("level", code.contains("failed") ? "Error" : "Info");
        st.put("displayStatus", code.contains("failed") ? "Provisioning failed" : "Provisioning succeeded");
        st.put("message", message);
        return this;
    }

    // ---------------------------------------------------------------- serving

    /** Registers every resource of this world with the fake ARM (replacing earlier answers). */
    public void install(FakeArm arm) {
        String clusterJson = ArmFixtures.write(cluster);
        arm.json("GET", CLUSTER_ID, clusterJson);
        arm.json("GET", SUB_PATH + "/providers/Microsoft.ContainerService/managedClusters", "{\"value\":[" + clusterJson + "]}");
        arm.json("GET", "/subscriptions", "{\"value\":[" + ArmFixtures.write(subscription) + "]}");
        arm.json("GET", SUB_PATH, ArmFixtures.write(subscription));
        arm.json("GET", VNET_ID, ArmFixtures.write(vnet));
        arm.json("GET", SUBNET_NSG_ID, ArmFixtures.write(subnetNsg));
        arm.json("GET", NIC_NSG_ID, ArmFixtures.write(nicNsg));
        arm.json("GET", ROUTE_TABLE_ID, ArmFixtures.write(routeTable));
        publicIps.forEach((id, ip) -> arm.json("GET", id, "{\"id\":\"" + id + "\",\"name\":\""
                + id.substring(id.lastIndexOf('/') + 1) + "\",\"location\":\"" + LOCATION
                + "\",\"properties\":{\"provisioningState\":\"Succeeded\",\"ipAddress\":\"" + ip
                + "\",\"publicIPAllocationMethod\":\"Static\"}}"));
        arm.json("GET", NODE_RG_PATH + "/providers/Microsoft.Compute/virtualMachineScaleSets",
                "{\"value\":[" + ArmFixtures.write(scaleSet) + "]}");
        arm.json("GET", VMSS_ID + "/virtualMachines", "{\"value\":[" + ArmFixtures.write(instance) + "]}");
        arm.json("GET", VMSS_ID + "/virtualMachines/0", ArmFixtures.write(instance));
        arm.json("GET", ACTIVITY_PATH, "{\"value\":" + ArmFixtures.write(activity) + "}");
        arm.json("GET", SUB_PATH + "/providers/Microsoft.Network/azureFirewalls",
                "{\"value\":" + ArmFixtures.write(firewalls) + "}");
        arm.json("GET", NODE_RG_PATH + "/providers/Microsoft.Authorization/locks",
                "{\"value\":" + ArmFixtures.write(locks) + "}");
        arm.json("GET", NODE_RG_PATH + "/providers/Microsoft.Network/privateEndpoints",
                "{\"value\":[" + ArmFixtures.write(privateEndpoint) + "]}");
        arm.json("GET", NODE_RG_PATH + "/providers/Microsoft.Network/privateDnsZones",
                "{\"value\":[{\"id\":\"" + DNS_ZONE_ID + "\",\"name\":\"" + DNS_ZONE
                        + "\",\"type\":\"Microsoft.Network/privateDnsZones\",\"location\":\"global\",\"properties\":{}}]}");
        arm.json("GET", DNS_ZONE_ID + "/virtualNetworkLinks", "{\"value\":[" + ArmFixtures.write(dnsZoneLink) + "]}");
        arm.json("GET", SUB_PATH + "/providers/Microsoft.Compute/locations/" + LOCATION + "/usages",
                ArmFixtures.write(computeUsages));
        arm.json("GET", SUB_PATH + "/providers/Microsoft.Network/locations/" + LOCATION + "/usages",
                ArmFixtures.write(networkUsages));
        arm.json("GET", SUB_PATH + "/providers/Microsoft.Compute/skus", ArmFixtures.write(skus));
        providers.forEach((ns, state) -> arm.json("GET", SUB_PATH + "/providers/" + ns, "{\"id\":\"" + SUB_PATH
                + "/providers/" + ns + "\",\"namespace\":\"" + ns + "\",\"registrationState\":\"" + state
                + "\",\"resourceTypes\":[]}"));
        String runCommand = ArmFixtures.write(runCommandBody());
        arm.json("POST", VMSS_ID + "/virtualMachines/0/runCommand", runCommand);
        extra.forEach((path, node) -> arm.json("GET", path, ArmFixtures.write(node)));
    }

    private ObjectNode runCommandBody() {
        ObjectNode b = body("VirtualMachineScaleSetVMRunCommand.json");
        ((ObjectNode) b.get("value").get(0)).put("message", runCommandStdout);
        return b;
    }

    // ---------------------------------------------------------------- builders from the fixtures

    private static ObjectNode cluster() {
        ObjectNode c = body("ManagedClustersGet.json");
        c.put("id", CLUSTER_ID);
        c.put("name", NAME);
        c.put("location", LOCATION);
        ObjectNode p = (ObjectNode) c.get("properties");
        p.put("fqdn", FQDN);
        p.put("kubernetesVersion", "1.31.2");
        p.put("currentKubernetesVersion", "1.31.2");
        p.put("nodeResourceGroup", NODE_RG);
        p.putObject("powerState").put("code", "Running");
        p.remove("diskEncryptionSetID");
        ObjectNode pool = (ObjectNode) p.get("agentPoolProfiles").get(0);
        pool.put("vmSize", "Standard_DS2_v2");
        pool.put("mode", "System");
        pool.put("vnetSubnetID", SUBNET_ID);
        pool.putObject("powerState").put("code", "Running");
        ObjectNode net = (ObjectNode) p.get("networkProfile");
        net.put("networkPlugin", "azure");
        net.put("networkPluginMode", "overlay");
        net.remove("podCidr");
        ObjectNode lb = (ObjectNode) net.get("loadBalancerProfile");
        lb.remove("outboundIPs");
        lb.putArray("effectiveOutboundIPs").addObject().put("id", EGRESS_PIP_ID);
        ObjectNode api = p.putObject("apiServerAccessProfile");
        api.putArray("authorizedIPRanges").add(VNET_CIDR).add(EGRESS_IP + "/32");
        api.put("enablePrivateCluster", false);
        return c;
    }

    private static ObjectNode vnet() {
        ObjectNode v = body("VirtualNetworkGet.json");
        v.put("id", VNET_ID);
        v.put("name", "vnet-aks");
        v.put("location", LOCATION);
        ObjectNode p = (ObjectNode) v.get("properties");
        ((ArrayNode) p.get("addressSpace").get("addressPrefixes")).removeAll().add(VNET_CIDR);
        p.remove("defaultPublicNatGateway");
        ObjectNode s = (ObjectNode) p.get("subnets").get(0);
        s.put("name", "snet-nodes");
        s.put("id", SUBNET_ID);
        ObjectNode sp = (ObjectNode) s.get("properties");
        sp.put("addressPrefix", NODE_CIDR);
        sp.putObject("networkSecurityGroup").put("id", SUBNET_NSG_ID);
        sp.putObject("routeTable").put("id", ROUTE_TABLE_ID);
        ArrayNode ipConfigs = sp.putArray("ipConfigurations");
        for (int i = 0; i < 3; i++) {
            ipConfigs.addObject().put("id", VMSS_ID + "/virtualMachines/" + i
                    + "/networkInterfaces/aks-nodepool1-12345678-vmss/ipConfigurations/ipconfig1");
        }
        return v;
    }

    private static ObjectNode nsg(String id) {
        ObjectNode n = body("NetworkSecurityGroupGet.json");
        String oldId = n.get("id").asText();
        String rewritten = ArmFixtures.write(n).replace(oldId, id);
        ObjectNode out = (ObjectNode) json(rewritten);
        out.put("name", id.substring(id.lastIndexOf('/') + 1));
        out.put("location", LOCATION);
        return out;
    }

    private static ObjectNode routeTable() {
        ObjectNode rt = body("RouteTableGet.json");
        String rewritten = ArmFixtures.write(rt).replace(rt.get("id").asText(), ROUTE_TABLE_ID);
        ObjectNode out = (ObjectNode) json(rewritten);
        out.put("name", "rt-nodes");
        out.put("location", LOCATION);
        return out;
    }

    private static ObjectNode scaleSet() {
        return (ObjectNode) json("{\"id\":\"" + VMSS_ID + "\",\"name\":\"" + VMSS + "\",\"location\":\"" + LOCATION
                + "\",\"tags\":{\"aks-managed-poolName\":\"nodepool1\"},\"sku\":{\"name\":\"Standard_DS2_v2\","
                + "\"capacity\":3},\"properties\":{\"provisioningState\":\"Succeeded\",\"virtualMachineProfile\":{"
                + "\"networkProfile\":{\"networkInterfaceConfigurations\":[{\"name\":\"" + VMSS + "\",\"properties\":{"
                + "\"primary\":true,\"networkSecurityGroup\":{\"id\":\"" + NIC_NSG_ID + "\"},\"ipConfigurations\":[{"
                + "\"name\":\"ipconfig1\",\"properties\":{\"subnet\":{\"id\":\"" + SUBNET_ID + "\"}}}]}}]}}}}");
    }

    private static ObjectNode instance() {
        ObjectNode vm = body("VirtualMachineScaleSetVM_Get_WithUserData.json");
        vm.put("id", VMSS_ID + "/virtualMachines/0");
        vm.put("name", VMSS + "_0");
        vm.put("instanceId", "0");
        vm.put("location", LOCATION);
        ObjectNode p = (ObjectNode) vm.get("properties");
        p.put("provisioningState", "Succeeded");
        p.remove("userData");
        ObjectNode view = body("VirtualMachineScaleSetVM_Get_InstanceViewAutoPlacedOnDedicatedHostGroup.json");
        view.remove("assignedHost");
        p.set("instanceView", view);
        if (p.has("osProfile")) {
            ((ObjectNode) p.get("osProfile")).put("computerName", "aks-nodepool1-12345678-vmss000000");
        }
        return vm;
    }

    private static ObjectNode privateEndpoint() {
        ObjectNode pe = body("PrivateEndpointGet.json");
        pe.put("id", PE_ID);
        pe.put("name", "kube-apiserver");
        pe.put("location", LOCATION);
        ObjectNode p = (ObjectNode) pe.get("properties");
        ObjectNode con = (ObjectNode) p.get("privateLinkServiceConnections").get(0);
        con.put("name", "kube-apiserver");
        ObjectNode cp = (ObjectNode) con.get("properties");
        cp.put("privateLinkServiceId", CLUSTER_ID);
        ((ArrayNode) cp.get("groupIds")).removeAll().add("management");
        p.putObject("subnet").put("id", SUBNET_ID);
        ArrayNode dns = p.putArray("customDnsConfigs");
        dns.addObject().put("fqdn", PRIVATE_FQDN).putArray("ipAddresses").add("10.240.0.200");
        return pe;
    }

    private static ObjectNode dnsZoneLink() {
        return (ObjectNode) json("{\"id\":\"" + DNS_ZONE_ID + "/virtualNetworkLinks/link-vnet-aks\",\"name\":"
                + "\"link-vnet-aks\",\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\"" + VNET_ID
                + "\"},\"registrationEnabled\":false,\"virtualNetworkLinkState\":\"Completed\","
                + "\"provisioningState\":\"Succeeded\"}}");
    }

    private static ObjectNode usages(List<Object[]> rows) {
        ObjectNode u = JSON.createObjectNode();
        ArrayNode a = u.putArray("value");
        for (Object[] r : rows) {
            ObjectNode row = a.addObject();
            row.putObject("name").put("value", (String) r[0]).put("localizedValue", (String) r[1]);
            row.put("currentValue", (Integer) r[2]);
            row.put("limit", (Integer) r[3]);
            row.put("unit", "Count");
        }
        return u;
    }

    private static ObjectNode skus() {
        return (ObjectNode) json("{\"value\":[{\"resourceType\":\"virtualMachines\",\"name\":\"Standard_DS2_v2\","
                + "\"tier\":\"Standard\",\"size\":\"DS2_v2\",\"family\":\"standardDSv2Family\",\"locations\":[\""
                + LOCATION + "\"],\"locationInfo\":[{\"location\":\"" + LOCATION + "\",\"zones\":[\"1\",\"2\",\"3\"]}],"
                + "\"capabilities\":[{\"name\":\"vCPUs\",\"value\":\"2\"}],\"restrictions\":[]}]}");
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
