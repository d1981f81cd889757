package dev.aksdoctor.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Network Watcher for an {@link ArmWorld}, as the REST API answers: the subscription's watchers (one in westeurope
 * unless taken away), the NIC of scale set instance 0 (VmssVmNetworkInterfaceList's shape, private IP 10.240.0.4),
 * and next hop, IP flow verify and effective routes as long-running POSTs (202 with {@code Azure-AsyncOperation}
 * and {@code Location}, the operation's status, then the result; NetworkWatcherNextHopGet,
 * NetworkWatcherIpFlowVerify, NetworkInterfaceEffectiveRouteTableList), and the NIC's effective security rules
 * (NetworkInterfaceEffectiveNSGList's shape: the subnet's NSG and the NIC's, Azure's default rules with their
 * service tags expanded). By default the platform agrees with the healthy world: next hop Internet by a system route,
 * TCP 443 allowed by the default outbound rule.
 */
public final class NetworkWatcherWorld {

    public static final String WATCHER_ID = ArmWorld.SUB_PATH
            + "/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_westeurope";
    public static final String NODE_IP = "10.240.0.4";
    public static final String VM_ID = ArmWorld.VMSS_ID + "/virtualMachines/0";
    public static final String NIC_ID = VM_ID + "/networkInterfaces/" + ArmWorld.VMSS;
    /** Where the gateway posts for the NIC's effective routes (the NIC's name in the node resource group). */
    public static final String EFFECTIVE_ROUTES = ArmWorld.NODE_RG_PATH + "/providers/Microsoft.Network/networkInterfaces/"
            + ArmWorld.VMSS + "/effectiveRouteTable";
    /** Where the gateway posts for the NIC's effective security rules. */
    public static final String EFFECTIVE_NSGS = ArmWorld.NODE_RG_PATH + "/providers/Microsoft.Network/networkInterfaces/"
            + ArmWorld.VMSS + "/effectiveNetworkSecurityGroups";
    public static final String NEXT_HOP = WATCHER_ID + "/nextHop";
    public static final String IP_FLOW = WATCHER_ID + "/ipFlowVerify";

    private static final AtomicInteger OPERATIONS = new AtomicInteger();

    private String watchers = "{\"value\":[{\"id\":\"" + WATCHER_ID + "\",\"name\":\"NetworkWatcher_westeurope\","
            + "\"type\":\"Microsoft.Network/networkWatchers\",\"location\":\"westeurope\",\"tags\":{},"
            + "\"etag\":\"W/\\\"00000000-0000-0000-0000-000000000000\\\"\",\"properties\":{\"provisioningState\":\"Succeeded\"}}]}";
    private String nextHop = "{\"nextHopType\":\"Internet\",\"routeTableId\":\"System Route\"}";
    private String ipFlow = "{\"access\":\"Allow\",\"ruleName\":\"defaultSecurityRules/AllowInternetOutBound\"}";
    private String effectiveRoutes = "{\"value\":[{\"source\":\"Default\",\"state\":\"Active\",\"addressPrefix\":[\""
            + ArmWorld.VNET_CIDR + "\"],\"nextHopType\":\"VnetLocal\",\"nextHopIpAddress\":[]},{\"source\":\"Default\","
            + "\"state\":\"Active\",\"addressPrefix\":[\"0.0.0.0/0\"],\"nextHopType\":\"Internet\",\"nextHopIpAddress\":[]},"
            + "{\"source\":\"Default\",\"state\":\"Active\",\"addressPrefix\":[\"10.0.0.0/8\"],\"nextHopType\":\"None\","
            + "\"nextHopIpAddress\":[]}]}";
    /** Custom rules put ahead of the NIC NSG's defaults (rules the NSG read offline does not have). */
    private final List<String> nicRules = new ArrayList<>();
    private String effectiveSecurityRules;
    private String status = "Succeeded";
    /** 0: the client polls at its own interval (10 ms in tests); the benchmark says 1 s, as a busy Network Watcher might. */
    private String retryAfterSeconds = "0";

    public NetworkWatcherWorld retryAfter(int seconds) {
        this.retryAfterSeconds = Integer.toString(seconds);
        return this;
    }

    public NetworkWatcherWorld nextHop(String type, String ip, String routeTableId) {
        nextHop = "{\"nextHopType\":\"" + type + "\"" + (ip == null ? "" : ",\"nextHopIpAddress\":\"" + ip + "\"")
                + ",\"routeTableId\":\"" + routeTableId + "\"}";
        return this;
    }

    public NetworkWatcherWorld ipFlow(String access, String ruleName) {
        ipFlow = "{\"access\":\"" + access + "\",\"ruleName\":\"" + ruleName + "\"}";
        return this;
    }

    public NetworkWatcherWorld effectiveRoutes(String body) {
        effectiveRoutes = body;
        return this;
    }

    /** The whole {@code effectiveNetworkSecurityGroups} answer, as given. */
    public NetworkWatcherWorld effectiveSecurityRules(String body) {
        effectiveSecurityRules = body;
        return this;
    }

    /**
     * A custom outbound TCP rule in the NIC NSG's effective rules (one the NSG served by {@link ArmWorld} lacks: the
     * platform sees it, the offline read does not).
     */
    public NetworkWatcherWorld nicRule(String name, String access, int priority, String destinationPrefix, String port) {
        nicRules.add(rule("securityRules/" + name, "Tcp", "0.0.0.0/0", null, port + "-" + port, destinationPrefix,
                null, access, priority, "Outbound"));
        return this;
    }

    /** No watcher in the cluster's region: Network Watcher is not enabled there. */
    public NetworkWatcherWorld noWatcherInRegion() {
        watchers = watchers.replace("\"location\":\"westeurope\"", "\"location\":\"eastus\"")
                .replace("NetworkWatcher_westeurope", "NetworkWatcher_eastus");
        return this;
    }

    /** Every long-running operation stays InProgress: only the time box ends it. */
    public NetworkWatcherWorld neverFinishing() {
        status = "InProgress";
        return this;
    }

    /** Serves it all; {@code armBaseUrl} is the address the application reaches ARM at (for the polling URLs). */
    public void install(FakeArm arm, String armBaseUrl) {
        String base = armBaseUrl.replaceAll("/$", "");
        arm.json("GET", ArmWorld.SUB_PATH + "/providers/Microsoft.Network/networkWatchers", watchers);
        arm.json("GET", VM_ID + "/networkInterfaces", "{\"value\":[{\"name\":\"" + ArmWorld.VMSS + "\",\"id\":\""
                + NIC_ID + "\",\"etag\":\"W/\\\"00000000-0000-0000-0000-000000000000\\\"\",\"properties\":{"
                + "\"provisioningState\":\"Succeeded\",\"ipConfigurations\":[{\"name\":\"ipconfig1\",\"id\":\"" + NIC_ID
                + "/ipConfigurations/ipconfig1\",\"properties\":{\"provisioningState\":\"Succeeded\",\"privateIPAddress\":\""
                + NODE_IP + "\",\"privateIPAllocationMethod\":\"Dynamic\",\"subnet\":{\"id\":\"" + ArmWorld.SUBNET_ID
                + "\"},\"primary\":true,\"privateIPAddressVersion\":\"IPv4\"}}],\"dnsSettings\":{\"dnsServers\":[],"
                + "\"appliedDnsServers\":[]},\"macAddress\":\"00-0D-3A-1B-C7-21\",\"enableAcceleratedNetworking\":false,"
                + "\"enableIPForwarding\":false,\"networkSecurityGroup\":{\"id\":\"" + ArmWorld.NIC_NSG_ID + "\"},"
                + "\"primary\":true,\"virtualMachine\":{\"id\":\"" + VM_ID + "\"}}}]}");
        longRunning(arm, base, NEXT_HOP, nextHop);
        longRunning(arm, base, IP_FLOW, ipFlow);
        longRunning(arm, base, EFFECTIVE_ROUTES, effectiveRoutes);
        longRunning(arm, base, EFFECTIVE_NSGS, effectiveSecurityRules != null ? effectiveSecurityRules
                : "{\"value\":[" + group(ArmWorld.SUBNET_NSG_ID, "\"subnet\":{\"id\":\"" + ArmWorld.SUBNET_ID + "\"}",
                        List.of()) + "," + group(ArmWorld.NIC_NSG_ID, "\"networkInterface\":{\"id\":\""
                                + NIC_ID + "\"}", nicRules) + "]}");
    }

    private static String group(String nsgId, String association, List<String> customRules) {
        List<String> rules = new ArrayList<>(customRules);
        String vnet = "[\"" + ArmWorld.VNET_CIDR + "\",\"168.63.129.16/32\"]";
        // A part of the Internet tag as Azure expands it (the public unicast blocks), enough for the fakes' addresses.
        String internet = "[\"1.0.0.0/8\",\"2.0.0.0/7\",\"4.0.0.0/6\",\"8.0.0.0/7\",\"11.0.0.0/8\",\"12.0.0.0/6\","
                + "\"16.0.0.0/4\",\"32.0.0.0/3\",\"64.0.0.0/2\",\"128.0.0.0/3\",\"160.0.0.0/5\"]";
        rules.add(rule("defaultSecurityRules/AllowVnetInBound", "All", "VirtualNetwork", vnet, "0-65535",
                "VirtualNetwork", vnet, "Allow", 65000, "Inbound"));
        rules.add(rule("defaultSecurityRules/DenyAllInBound", "All", "0.0.0.0/0", null, "0-65535", "0.0.0.0/0", null,
                "Deny", 65500, "Inbound"));
        rules.add(rule("defaultSecurityRules/AllowVnetOutBound", "All", "VirtualNetwork", vnet, "0-65535",
                "VirtualNetwork", vnet, "Allow", 65000, "Outbound"));
        rules.add(rule("defaultSecurityRules/AllowInternetOutBound", "All", "0.0.0.0/0", null, "0-65535", "Internet",
                internet, "Allow", 65001, "Outbound"));
        rules.add(rule("defaultSecurityRules/DenyAllOutBound", "All", "0.0.0.0/0", null, "0-65535", "0.0.0.0/0", null,
                "Deny", 65500, "Outbound"));
        return "{\"networkSecurityGroup\":{\"id\":\"" + nsgId + "\"},\"association\":{" + association + "},"
                + "\"effectiveSecurityRules\":[" + String.join(",", rules) + "]}";
    }

    private static String rule(String name, String protocol, String source, String expandedSource, String ports,
            String destination, String expandedDestination, String access, int priority, String direction) {
        return "{\"name\":\"" + name + "\",\"protocol\":\"" + protocol + "\",\"sourcePortRange\":\"0-65535\","
                + "\"destinationPortRange\":\"" + ports + "\",\"sourcePortRanges\":[\"0-65535\"],"
                + "\"destinationPortRanges\":[\"" + ports + "\"],\"sourceAddressPrefix\":\"" + source + "\","
                + "\"sourceAddressPrefixes\":[\"" + source + "\"],\"destinationAddressPrefix\":\"" + destination + "\","
                + "\"destinationAddressPrefixes\":[\"" + destination + "\"],\"expandedSourceAddressPrefix\":"
                + (expandedSource == null ? "null" : expandedSource) + ",\"expandedDestinationAddressPrefix\":"
                + (expandedDestination == null ? "null" : expandedDestination) + ",\"access\":\"" + access + "\","
                + "\"priority\":" + priority + ",\"direction\":\"" + direction + "\"}";
    }

    private void longRunning(FakeArm arm, String base, String path, String result) {
        int n = OPERATIONS.incrementAndGet();
        String operation = ArmWorld.SUB_PATH + "/providers/Microsoft.Network/locations/westeurope/operations/nw-op-" + n;
        String results = ArmWorld.SUB_PATH + "/providers/Microsoft.Network/locations/westeurope/operationResults/nw-op-" + n;
        arm.respond("POST", path, 202, "", Map.of(
                "Azure-AsyncOperation", base + operation + "?api-version=2025-03-01",
                "Location", base + results + "?api-version=2025-03-01",
                "Retry-After", retryAfterSeconds));
        arm.json("GET", operation, "{\"status\":\"" + status + "\"}");
        arm.json("GET", results, result);
    }
}
