package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.NetworkWatcherFacts;
import dev.aksdoctor.network.Access;
import dev.aksdoctor.network.Direction;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.NsgRule;
import dev.aksdoctor.network.NsgVerdict;
import dev.aksdoctor.network.RouteEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformVerdictsTest {

    static final RouteEntry DEFAULT_TO_FIREWALL = new RouteEntry("default", "/rt/default", "0.0.0.0/0",
            NextHopType.VIRTUAL_APPLIANCE, "10.0.0.4", true);
    static final NsgRule ALLOW_443 = new NsgRule("AllowApiServer", "/nsg/AllowApiServer", Direction.OUTBOUND,
            Access.ALLOW, 100, "Tcp", List.of("*"), List.of("*"), List.of("AzureCloud"), List.of("443"), false);

    @Test
    void nextHop_sameApplianceAsTheRouteTable_oneLineAgreeing() {
        PlatformVerdicts.Comparison c = PlatformVerdicts.nextHop(DEFAULT_TO_FIREWALL,
                new NetworkWatcherFacts.NextHop("VirtualAppliance", "10.0.0.4", "/rt"));
        assertEquals(Optional.of(true), c.agrees());
        assertEquals("Network Watcher agrees: next hop VirtualAppliance 10.0.0.4 (route default)", c.line());
    }

    @Test
    void nextHop_bgpRouteTheRouteTableDoesNotShow_platformWinsAndSaysWhatWasMissed() {
        PlatformVerdicts.Comparison c = PlatformVerdicts.nextHop(DEFAULT_TO_FIREWALL,
                new NetworkWatcherFacts.NextHop("VirtualNetworkGateway", "10.100.0.4", "System Route"));
        assertTrue(c.disagrees());
        assertEquals("Network Watcher disagrees and wins: next hop VirtualNetworkGateway 10.100.0.4 from a route the "
                + "route table does not show (learned through BGP, a VPN or ExpressRoute gateway, or peering); the "
                + "offline model saw VirtualAppliance 10.0.0.4", c.line());
    }

    @Test
    void ipFlow_adminRuleTheNsgsDoNotShow_platformWinsNamingIt() {
        NsgVerdict offline = new NsgVerdict(true, ALLOW_443, "allowed by AllowApiServer", List.of());
        PlatformVerdicts.Comparison c = PlatformVerdicts.ipFlow(offline,
                new NetworkWatcherFacts.IpFlow("Deny", "securityAdminRules/deny-hub-egress"),
                List.of("AllowApiServer", "AllowVnetOutBound"));
        assertTrue(c.disagrees());
        assertTrue(c.line().startsWith("Network Watcher disagrees and wins: Deny by rule securityAdminRules/deny-hub-egress, "
                + "which none of the NSGs read shows"), c.line());
        assertTrue(c.line().endsWith("the offline model said Allow by AllowApiServer"), c.line());
    }

    @Test
    void ipFlow_sameRule_agrees() {
        NsgVerdict offline = new NsgVerdict(true, ALLOW_443, "allowed by AllowApiServer", List.of());
        PlatformVerdicts.Comparison c = PlatformVerdicts.ipFlow(offline,
                new NetworkWatcherFacts.IpFlow("Allow", "UserRule_AllowApiServer"), List.of("AllowApiServer"));
        assertEquals("Network Watcher agrees: Allow by rule UserRule_AllowApiServer", c.line());
    }

    @Test
    void effectiveRoutes_stoppedInstance_skippedWithAReason() {
        assertEquals("Effective routes not read: the instance is deallocated (Azure computes them only while it runs)",
                PlatformVerdicts.effectiveRoutesSkipped("PowerState/deallocated").orElseThrow().line());
        assertFalse(PlatformVerdicts.effectiveRoutesSkipped("PowerState/running").isPresent());
    }

    @Test
    void watcher_absentInTheRegion_saysNotEnabled() {
        List<NetworkWatcherFacts.Watcher> watchers = List.of(new NetworkWatcherFacts.Watcher("/nw/eastus", "eastus"));
        assertTrue(PlatformVerdicts.watcherIn(watchers, "westeurope").isEmpty());
        assertTrue(PlatformVerdicts.notEnabled("westeurope").line().contains("Network Watcher is not enabled in westeurope"));
    }

    @Test
    void missingPermission_namesTheAction() {
        PlatformVerdicts.Comparison c = PlatformVerdicts.failed("next hop",
                ArmException.forbidden("Microsoft.Network/networkWatchers/nextHop/action", "/nw"));
        assertEquals("No platform verdict for next hop: the identity lacks Microsoft.Network/networkWatchers/nextHop/action on /nw",
                c.line());
        assertTrue(c.agrees().isEmpty());
    }

    @Test
    void answersWithoutAKnownValue_areNoVerdict_neverADisagreementThatOverrulesOurs() {
        NsgVerdict allowed = new NsgVerdict(true, ALLOW_443, "allowed by AllowApiServer", List.of());
        PlatformVerdicts.Comparison flow = PlatformVerdicts.ipFlow(allowed, new NetworkWatcherFacts.IpFlow(null, null),
                List.of("AllowApiServer"));
        PlatformVerdicts.Comparison hop = PlatformVerdicts.nextHop(DEFAULT_TO_FIREWALL,
                new NetworkWatcherFacts.NextHop(null, null, null));
        PlatformVerdicts.Comparison route = PlatformVerdicts.effectiveRoute(DEFAULT_TO_FIREWALL,
                List.of(new NetworkWatcherFacts.EffectiveRoute("r", "Default", "Active", List.of("0.0.0.0/0"), "Teleport",
                        List.of())), "20.61.1.10");

        for (PlatformVerdicts.Comparison c : List.of(flow, hop, route)) {
            assertEquals(Optional.empty(), c.agrees(), c.line());
            assertFalse(c.disagrees());
            assertTrue(c.line().startsWith("No platform verdict for "), c.line());
        }
        assertTrue(flow.line().contains("access null"), flow.line());
        assertTrue(route.line().contains("Teleport"), route.line());
    }
}
