package dev.aksdoctor.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteLookupTest {

    private static final String RT = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/routeTables/aks-udr/routes/";
    private static final List<String> VNET = List.of("10.224.0.0/12");

    /** A typical egress-lockdown table: default route to Azure Firewall, a black-holed partner range. */
    private static final List<RouteEntry> UDR = List.of(
            new RouteEntry("to-firewall", RT + "to-firewall", "0.0.0.0/0", NextHopType.fromAzure("VirtualAppliance"),
                    "10.0.1.4", true),
            new RouteEntry("blackhole-partner", RT + "blackhole-partner", "20.0.0.0/8", NextHopType.fromAzure("None"),
                    null, true),
            new RouteEntry("apiserver-direct", RT + "apiserver-direct", "98.67.228.23/32",
                    NextHopType.fromAzure("Internet"), null, true),
            new RouteEntry("onprem", RT + "onprem", "10.0.0.0/8", NextHopType.fromAzure("VirtualNetworkGateway"), null,
                    true),
            new RouteEntry("tagged", RT + "tagged", "AzureCloud.uksouth", NextHopType.fromAzure("Internet"), null, true));

    @ParameterizedTest(name = "{0} -> {1} via {2}")
    @CsvSource({
            "98.67.228.23,   apiserver-direct,                             INTERNET",
            "98.67.228.24,   to-firewall,                                  VIRTUAL_APPLIANCE",
            "20.1.2.3,       blackhole-partner,                            NONE",
            "10.224.5.6,     system route (virtual network address space), VNET_LOCAL",
            "10.10.0.1,      onprem,                                       VIRTUAL_NETWORK_GATEWAY",
            "192.168.0.1,    system route (reserved private range),        NONE",
            "100.64.3.3,     system route (reserved private range),        NONE",
            "2603:1030::1,   system route (default route),                 INTERNET"
    })
    void effectiveRoute_egressLockdownTable_longestPrefixWins(String destination, String route, NextHopType hop) {
        RouteDecision decision = RouteLookup.effectiveRoute(UDR, VNET, destination);
        assertEquals(route, decision.route().name(), decision.explanation());
        assertEquals(hop, decision.route().nextHopType());
    }

    @ParameterizedTest(name = "{0} -> {1} via {2}")
    @CsvSource({
            "98.67.228.23, system route (default route),                 INTERNET",
            "10.0.3.7,     route1,                                       VIRTUAL_NETWORK_GATEWAY",
            "10.0.4.7,     system route (reserved private range),        NONE",
            "10.1.0.7,     system route (virtual network address space), VNET_LOCAL"
    })
    void effectiveRoute_armExampleRouteTable_combinesWithSystemRoutes(String destination, String route, NextHopType hop) {
        RouteDecision decision = RouteLookup.effectiveRoute(armRoutes("/network/RouteTableGet.json"),
                List.of("10.1.0.0/16"), destination);
        assertEquals(route, decision.route().name(), decision.explanation());
        assertEquals(hop, decision.route().nextHopType());
    }

    @Test
    void effectiveRoute_userRouteOnSamePrefixAsSystemRoute_userRouteWins() {
        RouteEntry user = new RouteEntry("vnet-via-fw", null, "10.224.0.0/12", NextHopType.VIRTUAL_APPLIANCE, "10.0.1.4", true);
        RouteDecision decision = RouteLookup.effectiveRoute(List.of(user), VNET, "10.224.0.9");
        assertEquals("vnet-via-fw", decision.route().name());
    }

    @Test
    void effectiveRoute_vnetIsExactlyAReservedRange_vnetRouteReplacesNone() {
        RouteDecision decision = RouteLookup.effectiveRoute(List.of(), List.of("10.0.0.0/8"), "10.9.9.9");
        assertEquals(NextHopType.VNET_LOCAL, decision.route().nextHopType());
    }

    @Test
    void effectiveRoute_ipv6VnetAndUserRoute_areHonoured() {
        RouteEntry user = new RouteEntry("v6-fw", null, "2603:1030::/32", NextHopType.VIRTUAL_APPLIANCE, "fd00:1::4", true);
        assertEquals("v6-fw", RouteLookup.effectiveRoute(List.of(user), List.of("fd00:1::/48"), "2603:1030::1").route().name());
        assertEquals(NextHopType.VNET_LOCAL,
                RouteLookup.effectiveRoute(List.of(user), List.of("fd00:1::/48"), "fd00:1::9").route().nextHopType());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "20.1.2.3     | 20.1.2.3 uses user-defined route 'blackhole-partner' 20.0.0.0/8, next hop None: a black hole, traffic to 20.1.2.3 is dropped",
            "98.67.228.24 | 98.67.228.24 uses user-defined route 'to-firewall' 0.0.0.0/0, next hop VirtualAppliance 10.0.1.4: the appliance at 10.0.1.4 must be running and forward the traffic",
            "10.224.0.4   | 10.224.0.4 uses system route (virtual network address space) 10.224.0.0/12, next hop VnetLocal: delivered inside the virtual network"
    })
    void effectiveRoute_explanation_namesPrefixAndNextHop(String destination, String expected) {
        RouteDecision decision = RouteLookup.effectiveRoute(UDR, VNET, destination);
        assertTrue(decision.explanation().startsWith(expected), decision.explanation());
        assertTrue(decision.explanation().contains("'tagged' (AzureCloud.uksouth)"), decision.explanation());
    }

    @Test
    void effectiveRoute_applianceWithoutIp_saysTrafficIsDropped() {
        RouteEntry broken = new RouteEntry("to-nva", null, "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, null, true);
        RouteDecision decision = RouteLookup.effectiveRoute(List.of(broken), VNET, "98.67.228.23");
        assertTrue(decision.explanation().contains("no appliance IP set"), decision.explanation());
    }

    @ParameterizedTest
    @CsvSource({"not-an-ip", "10.0.0.0/8", "''"})
    void effectiveRoute_destinationNotAnIp_noRouteAndNoThrow(String destination) {
        RouteDecision decision = RouteLookup.effectiveRoute(null, null, destination);
        assertNull(decision.route());
        assertTrue(decision.explanation().contains("not an IP address"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "VirtualNetworkGateway, VIRTUAL_NETWORK_GATEWAY",
            "VnetLocal,             VNET_LOCAL",
            "VNetLocal,             VNET_LOCAL",
            "Internet,              INTERNET",
            "VirtualAppliance,      VIRTUAL_APPLIANCE",
            "None,                  NONE"
    })
    void fromAzure_armSpelling_mapsToEnum(String azure, NextHopType expected) {
        assertEquals(expected, NextHopType.fromAzure(azure));
    }

    @Test
    void tryFromAzure_unknownSpelling_isEmpty() {
        assertTrue(NextHopType.tryFromAzure("VNetPeering").isEmpty());
        assertTrue(NextHopType.tryFromAzure(null).isEmpty());
    }

    private static List<RouteEntry> armRoutes(String resource) {
        List<RouteEntry> routes = new ArrayList<>();
        for (JsonNode r : ArmExampleJson.body(resource).path("properties").path("routes")) {
            JsonNode p = r.path("properties");
            routes.add(new RouteEntry(r.path("name").asText(), r.path("id").asText(), p.path("addressPrefix").asText(),
                    NextHopType.fromAzure(p.path("nextHopType").asText()),
                    p.hasNonNull("nextHopIpAddress") ? p.get("nextHopIpAddress").asText() : null, true));
        }
        return routes;
    }
}
