package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    static final String NIC_NSG = "/subscriptions/s/resourceGroups/mc/providers/Microsoft.Network/networkSecurityGroups/aks-nsg";
    static final String NIC = "/subscriptions/s/resourceGroups/mc/providers/Microsoft.Network/networkInterfaces/aks-nic";

    static NetworkWatcherFacts.EffectiveSecurityRule effectiveRule(String name, String access, int priority,
            String direction, String destination, List<String> expanded, String ports) {
        return new NetworkWatcherFacts.EffectiveSecurityRule(name, access, priority, direction,
                name.startsWith("default") ? "All" : "Tcp", List.of("0.0.0.0/0"), List.of(), List.of("0-65535"),
                List.of(destination), expanded, List.of(ports));
    }

    /** The NIC NSG as Azure applies it: {@code custom} ahead of the default outbound rules, Internet expanded. */
    static List<NetworkWatcherFacts.EffectiveSecurityGroup> nicNsg(NetworkWatcherFacts.EffectiveSecurityRule... custom) {
        List<NetworkWatcherFacts.EffectiveSecurityRule> rules = new java.util.ArrayList<>(List.of(custom));
        rules.add(effectiveRule("defaultSecurityRules/AllowInternetOutBound", "Allow", 65001, "Outbound", "Internet",
                List.of("16.0.0.0/4", "32.0.0.0/3"), "0-65535"));
        rules.add(effectiveRule("defaultSecurityRules/DenyAllOutBound", "Deny", 65500, "Outbound", "0.0.0.0/0",
                List.of(), "0-65535"));
        return List.of(new NetworkWatcherFacts.EffectiveSecurityGroup(NIC_NSG, null, NIC, rules));
    }

    @Test
    void effectiveRules_allowedByTheExpandedInternetTag_agree() {
        NsgVerdict offline = new NsgVerdict(true, ALLOW_443, "allowed", List.of());

        EffectiveSecurityVerdicts.Verdict v = EffectiveSecurityVerdicts.compare(offline, nicNsg(), "10.224.0.5",
                "20.61.1.10", "westeurope");

        assertEquals(Optional.of(true), v.comparison().agrees());
        assertEquals("Effective security rules agree: Allow by rule defaultSecurityRules/AllowInternetOutBound from NSG "
                + "aks-nsg on NIC aks-nic", v.comparison().line());
    }

    @Test
    void effectiveRules_higherPriorityDenyTheOfflineReadMissed_disagreeAndWin() {
        NsgVerdict offline = new NsgVerdict(true, ALLOW_443, "allowed", List.of());

        EffectiveSecurityVerdicts.Verdict v = EffectiveSecurityVerdicts.compare(offline, nicNsg(effectiveRule(
                "securityRules/DenyAzureCloud", "Deny", 200, "Outbound", "AzureCloud", List.of("20.61.0.0/16"),
                "443-443")), "10.224.0.5", "20.61.1.10", "westeurope");

        assertTrue(v.comparison().disagrees());
        assertEquals("Effective security rules disagree and win: Deny by rule securityRules/DenyAzureCloud from NSG "
                + "aks-nsg on NIC aks-nic; the offline model said Allow by AllowApiServer", v.comparison().line());
        assertFalse(v.reading().orElseThrow().allowed());
    }

    @Test
    void effectiveRules_denyOnAnotherPort_doesNotMatchAndAgree() {
        NsgVerdict offline = new NsgVerdict(true, ALLOW_443, "allowed", List.of());

        EffectiveSecurityVerdicts.Verdict v = EffectiveSecurityVerdicts.compare(offline, nicNsg(effectiveRule(
                "securityRules/DenySsh", "Deny", 100, "Outbound", "0.0.0.0/0", List.of(), "22-22")), "10.224.0.5",
                "20.61.1.10", "westeurope");

        assertEquals(Optional.of(true), v.comparison().agrees());
    }

    @Test
    void effectiveRules_unknownDirection_noVerdictNeverADisagreement() {
        NsgVerdict offline = new NsgVerdict(true, ALLOW_443, "allowed", List.of());

        EffectiveSecurityVerdicts.Verdict v = EffectiveSecurityVerdicts.compare(offline, nicNsg(effectiveRule(
                "securityRules/odd", "Deny", 100, "Sideways", "0.0.0.0/0", List.of(), "443-443")), "10.224.0.5",
                "20.61.1.10", "westeurope");

        assertFalse(v.comparison().disagrees());
        assertTrue(v.reading().isEmpty());
        assertEquals("No platform verdict for effective security rules: Network Watcher answered direction Sideways "
                + "(rule securityRules/odd), which AKS Doctor does not know", v.comparison().line());
    }

    @Test
    void effectiveRules_differFromIpFlowVerify_ipFlowVerifyWinsAndNothingIsDecidedByThem() {
        NsgVerdict offline = new NsgVerdict(true, ALLOW_443, "allowed", List.of());
        EffectiveSecurityVerdicts.Verdict denied = EffectiveSecurityVerdicts.compare(offline, nicNsg(effectiveRule(
                "securityRules/DenyAll443", "Deny", 100, "Outbound", "0.0.0.0/0", List.of(), "443-443")), "10.224.0.5",
                "20.61.1.10", "westeurope");

        EffectiveSecurityVerdicts.Verdict v = EffectiveSecurityVerdicts.beside(denied,
                new NetworkWatcherFacts.IpFlow("Allow", "securityRules/AllowApiServer"));

        assertFalse(v.comparison().disagrees());
        assertTrue(v.comparison().line().startsWith("Effective security rules say Deny by rule securityRules/DenyAll443 "
                + "from NSG aks-nsg on NIC aks-nic, but IP flow verify wins (Allow)"), v.comparison().line());
        assertSame(denied, EffectiveSecurityVerdicts.beside(denied, new NetworkWatcherFacts.IpFlow("Deny", "x")));
        assertSame(denied, EffectiveSecurityVerdicts.beside(denied, new NetworkWatcherFacts.IpFlow("Maybe", "x")));
    }

    @Test
    void effectiveRules_stoppedInstance_skippedWithAReason() {
        assertEquals("Effective security rules not read: the instance is stopped (Azure computes them only while it "
                + "runs)", EffectiveSecurityVerdicts.skipped("PowerState/stopped").orElseThrow().line());
        assertFalse(EffectiveSecurityVerdicts.skipped("PowerState/running").isPresent());
    }
}
