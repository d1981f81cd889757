package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.azure.FakeArm;
import dev.aksdoctor.azure.NetworkWatcherWorld;
import dev.aksdoctor.azure.TestAzureConfig;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.DiagnosisBuilder;
import dev.aksdoctor.reply.InvestigationReplyRenderer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The offline verdict, then Network Watcher's beside it: the plan derived from the investigation's reads, the calls
 * through the production gateway against the fake ARM (202 and polling), and the merge into the report.
 */
class PlatformConfirmationTest {

    static final FakeArm ARM = CheckHarness.ARM;
    static final Duration LIMIT = Duration.ofSeconds(20);
    static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "network-watcher-test");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void stop() {
        CALLS.shutdownNow();
    }

    @AfterEach
    void forgetTheWorld() {
        // A late operation left polling (the time-box case) ends on the 404 instead of polling on.
        ARM.reset();
    }

    record Confirmed(InvestigationReport offline, InvestigationReport report) {
        List<String> lines(CheckId id) {
            return report.platformLines(id);
        }

        Finding finding(CheckId id) {
            return report.findings().stream().filter(f -> f.checkId() == id).findFirst().orElseThrow();
        }
    }

    static Confirmed confirm(ArmWorld world, NetworkWatcherWorld watcher, Diagnosis diagnosis, Duration limit,
            Runnable afterInstall) {
        ARM.reset();
        world.install(ARM);
        watcher.install(ARM, TestAzureConfig.ARM_URL);
        afterInstall.run();
        InvestigationReport offline = CheckHarness.investigator().investigate(diagnosis, Optional.empty(),
                ProgressListener.NONE);
        PlatformPlan plan = PlatformPlan.of(offline).orElseThrow();
        PlatformAnswers answers = new AskNetworkWatcher(CheckHarness.GATEWAY, CALLS, limit).ask(plan);
        return new Confirmed(offline, PlatformConfirmation.merge(diagnosis, offline, plan, answers, limit));
    }

    static Confirmed confirm(ArmWorld world, NetworkWatcherWorld watcher) {
        return confirm(world, watcher, Diagnoses.timedOut(), LIMIT, () -> { });
    }

    @Test
    void timedOut_platformAgrees_oneLinePerVerdictUnderTheSameFindings() {
        Confirmed c = confirm(new ArmWorld(), new NetworkWatcherWorld());

        List<String> route = c.lines(CheckId.ROUTE_TABLE);
        assertTrue(route.get(0).startsWith("Network Watcher agrees: next hop Internet"), route.toString());
        assertEquals("Effective routes agree: 0.0.0.0/0 → Internet (source Default)", route.get(1));
        assertEquals(List.of("Network Watcher agrees: Allow by rule defaultSecurityRules/AllowInternetOutBound",
                "Effective security rules agree: Allow by rule defaultSecurityRules/AllowInternetOutBound from NSG "
                        + "aks-agentpool-12345678-nsg on NIC " + ArmWorld.VMSS), c.lines(CheckId.NSG_OUTBOUND));
        assertEquals(c.offline().findings(), c.report().findings(), "agreement changes no finding");
        assertEquals(c.offline().likelyCause(), c.report().likelyCause());
        FakeArm.Recorded hop = post(NetworkWatcherWorld.NEXT_HOP);
        assertTrue(hop.body().contains("\"targetResourceId\":\"" + NetworkWatcherWorld.VM_ID + "\""), hop.body());
        assertTrue(hop.body().contains("\"sourceIPAddress\":\"" + NetworkWatcherWorld.NODE_IP + "\""), hop.body());
        assertTrue(hop.body().contains("\"destinationIPAddress\":\"" + ArmWorld.API_SERVER_IP + "\""), hop.body());
        assertTrue(post(NetworkWatcherWorld.IP_FLOW).body().contains("\"remotePort\":\"443\""));
        String blocks = InvestigationReplyRenderer.finished(7, Diagnoses.timedOut(), c.report()).toString();
        assertTrue(blocks.contains(":satellite: Network Watcher agrees: Allow by rule"), blocks);
    }

    @Test
    void timedOut_bgpRouteToAnApplianceTheRouteTableDoesNotShow_becomesTheLikelyCause() {
        NetworkWatcherWorld watcher = new NetworkWatcherWorld().nextHop("VirtualAppliance", "10.100.0.4", "System Route")
                .effectiveRoutes("{\"value\":[{\"source\":\"Default\",\"state\":\"Active\",\"addressPrefix\":[\"0.0.0.0/0\"],"
                        + "\"nextHopType\":\"Internet\",\"nextHopIpAddress\":[]},{\"source\":\"VirtualNetworkGateway\","
                        + "\"state\":\"Active\",\"addressPrefix\":[\"20.61.0.0/16\"],\"nextHopType\":\"VirtualAppliance\","
                        + "\"nextHopIpAddress\":[\"10.100.0.4\"]}]}");

        Confirmed c = confirm(new ArmWorld(), watcher);

        assertTrue(c.offline().likelyCause().isEmpty(), "offline, the healthy world explains nothing");
        Finding cause = c.report().likelyCause().orElseThrow();
        assertSame(c.finding(CheckId.ROUTE_TABLE), cause);
        assertEquals(Outcome.FAIL, cause.outcome());
        assertEquals("Network Watcher: traffic to the API server (20.61.1.10) goes to VirtualAppliance 10.100.0.4 through "
                + "a route the route table does not show (learned through BGP, a VPN or ExpressRoute gateway, or peering)",
                cause.title());
        List<String> route = c.lines(CheckId.ROUTE_TABLE);
        assertTrue(route.get(0).startsWith("Network Watcher disagrees and wins: next hop VirtualAppliance 10.100.0.4"),
                route.toString());
        assertTrue(route.get(1).startsWith("Effective routes disagree and win: 20.61.0.0/16 → VirtualAppliance 10.100.0.4 "
                + "(source VirtualNetworkGateway), a route the route table does not show"), route.toString());
    }

    @Test
    void timedOut_adminRuleDenies443_nsgFindingNamesTheRuleTheNsgsDoNotShow() {
        Confirmed c = confirm(new ArmWorld(), new NetworkWatcherWorld().ipFlow("Deny", "securityAdminRules/deny-hub-egress"));

        Finding cause = c.report().likelyCause().orElseThrow();
        assertEquals(CheckId.NSG_OUTBOUND, cause.checkId());
        assertEquals(Outcome.FAIL, cause.outcome());
        assertEquals("Network Watcher: rule securityAdminRules/deny-hub-egress denies outbound TCP 443 to the API server "
                + "(20.61.1.10), a rule none of the NSGs shows", cause.title());
        assertTrue(cause.remedy().contains("security admin rule"), cause.remedy());
        assertTrue(c.lines(CheckId.NSG_OUTBOUND).get(0).startsWith("Network Watcher disagrees and wins: Deny by rule "
                + "securityAdminRules/deny-hub-egress, which none of the NSGs read shows"), c.lines(CheckId.NSG_OUTBOUND).toString());
        String text = InvestigationReplyRenderer.finishedText(Diagnoses.timedOut(), c.report());
        assertTrue(text.contains("Likely cause: Network Watcher: rule securityAdminRules/deny-hub-egress"), text);
    }

    @Test
    void stoppedInstance_effectiveRoutesSkippedWithTheReason() {
        ArmWorld world = new ArmWorld();
        ((ObjectNode) world.instance.get("properties").get("instanceView").get("statuses").get(1))
                .put("code", "PowerState/deallocated");
        assertEquals("PowerState/deallocated",
                world.instance.get("properties").get("instanceView").get("statuses").get(1).get("code").asText());
        Diagnosis onThatNode = DiagnosisBuilder.from(Diagnoses.timedOut())
                .node("aks-nodepool1-12345678-vmss000000", ArmWorld.VMSS, "0").build();

        Confirmed c = confirm(world, new NetworkWatcherWorld(), onThatNode, LIMIT, () -> { });

        assertTrue(c.lines(CheckId.ROUTE_TABLE).contains(
                "Effective routes not read: the instance is deallocated (Azure computes them only while it runs)"),
                c.lines(CheckId.ROUTE_TABLE).toString());
        assertEquals(0, ARM.count("POST", NetworkWatcherWorld.EFFECTIVE_ROUTES));
        assertTrue(c.lines(CheckId.NSG_OUTBOUND).contains("Effective security rules not read: the instance is "
                + "deallocated (Azure computes them only while it runs)"), c.lines(CheckId.NSG_OUTBOUND).toString());
        assertEquals(0, ARM.count("POST", NetworkWatcherWorld.EFFECTIVE_NSGS));
    }

    @Test
    void noWatcherInTheRegion_saysNotEnabledAndAsksNothing() {
        Confirmed c = confirm(new ArmWorld(), new NetworkWatcherWorld().noWatcherInRegion());

        String line = "No platform verdict: Network Watcher is not enabled in westeurope for this subscription "
                + "(az network watcher configure --locations westeurope --enabled true)";
        assertEquals(List.of(line), c.lines(CheckId.ROUTE_TABLE));
        assertEquals(List.of(line), c.lines(CheckId.NSG_OUTBOUND));
        assertEquals(0, ARM.count("POST", NetworkWatcherWorld.NEXT_HOP));
        assertEquals(c.offline().findings(), c.report().findings());
    }

    @Test
    void missingPermissions_eachVerdictNamesTheActionTheIdentityLacks() {
        Confirmed c = confirm(new ArmWorld(), new NetworkWatcherWorld(), Diagnoses.timedOut(), LIMIT, () -> {
            ARM.forbid("POST", NetworkWatcherWorld.NEXT_HOP, "Microsoft.Network/networkWatchers/nextHop/action");
            ARM.forbid("POST", NetworkWatcherWorld.IP_FLOW, "Microsoft.Network/networkWatchers/ipFlowVerify/action");
            ARM.forbid("POST", NetworkWatcherWorld.EFFECTIVE_ROUTES,
                    "Microsoft.Network/networkInterfaces/effectiveRouteTable/action");
            ARM.forbid("POST", NetworkWatcherWorld.EFFECTIVE_NSGS,
                    "Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action");
        });

        List<String> route = c.lines(CheckId.ROUTE_TABLE);
        assertTrue(route.get(0).startsWith("No platform verdict for next hop: the identity lacks "
                + "Microsoft.Network/networkWatchers/nextHop/action"), route.toString());
        assertTrue(route.get(1).startsWith("No platform verdict for effective routes: the identity lacks "
                + "Microsoft.Network/networkInterfaces/effectiveRouteTable/action"), route.toString());
        assertTrue(c.lines(CheckId.NSG_OUTBOUND).get(0).startsWith("No platform verdict for IP flow verify: the identity "
                + "lacks Microsoft.Network/networkWatchers/ipFlowVerify/action"), c.lines(CheckId.NSG_OUTBOUND).toString());
        assertTrue(c.lines(CheckId.NSG_OUTBOUND).get(1).startsWith("No platform verdict for effective security rules: "
                + "the identity lacks Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action"),
                c.lines(CheckId.NSG_OUTBOUND).toString());
        assertEquals(c.offline().findings(), c.report().findings());
    }

    @Test
    void networkWatcherTooSlow_timeBoxEndsItAndSaysSo() {
        long started = System.nanoTime();

        Confirmed c = confirm(new ArmWorld(), new NetworkWatcherWorld().neverFinishing(), Diagnoses.timedOut(),
                Duration.ofSeconds(1), () -> { });

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(15)) < 0);
        assertEquals("No platform verdict for next hop: Network Watcher did not answer within 1 s",
                c.lines(CheckId.ROUTE_TABLE).get(0));
        assertEquals(List.of("No platform verdict for IP flow verify: Network Watcher did not answer within 1 s",
                "No platform verdict for effective security rules: Network Watcher did not answer within 1 s"),
                c.lines(CheckId.NSG_OUTBOUND));
        assertFalse(c.report().likelyCause().isPresent());
    }

    @Test
    void timedOut_nicNsgDenyTheOfflineReadMissed_effectiveRulesOverruleWhenIpFlowVerifyGivesNoVerdict() {
        NetworkWatcherWorld watcher = new NetworkWatcherWorld().nicRule("DenyApiServer", "Deny", 100,
                ArmWorld.API_SERVER_IP + "/32", "443");

        Confirmed c = confirm(new ArmWorld(), watcher, Diagnoses.timedOut(), LIMIT, () -> ARM.forbid("POST",
                NetworkWatcherWorld.IP_FLOW, "Microsoft.Network/networkWatchers/ipFlowVerify/action"));

        assertTrue(c.offline().likelyCause().isEmpty(), "offline, the NSGs read allow 443");
        String from = "NSG aks-agentpool-12345678-nsg on NIC " + ArmWorld.VMSS;
        List<String> nsg = c.lines(CheckId.NSG_OUTBOUND);
        assertTrue(nsg.get(0).startsWith("No platform verdict for IP flow verify: the identity lacks"), nsg.toString());
        assertEquals("Effective security rules disagree and win: Deny by rule securityRules/DenyApiServer from " + from
                + "; the offline model said Allow by AllowInternetOutBound", nsg.get(1));
        Finding cause = c.report().likelyCause().orElseThrow();
        assertSame(c.finding(CheckId.NSG_OUTBOUND), cause);
        assertEquals(Outcome.FAIL, cause.outcome());
        assertEquals("Effective security rules: rule securityRules/DenyApiServer from " + from
                + " denies outbound TCP 443 to the API server (20.61.1.10)", cause.title());
        assertEquals(1, ARM.count("POST", NetworkWatcherWorld.EFFECTIVE_NSGS));
    }

    @Test
    void timedOut_effectiveRulesDenyButIpFlowVerifyAllows_ipFlowVerifyWinsAndTheLineSaysSo() {
        NetworkWatcherWorld watcher = new NetworkWatcherWorld().nicRule("DenyApiServer", "Deny", 100,
                ArmWorld.API_SERVER_IP + "/32", "443");

        Confirmed c = confirm(new ArmWorld(), watcher);

        List<String> nsg = c.lines(CheckId.NSG_OUTBOUND);
        assertEquals("Network Watcher agrees: Allow by rule defaultSecurityRules/AllowInternetOutBound", nsg.get(0));
        assertEquals("Effective security rules say Deny by rule securityRules/DenyApiServer from NSG "
                + "aks-agentpool-12345678-nsg on NIC " + ArmWorld.VMSS + ", but IP flow verify wins (Allow): it also "
                + "applies Virtual Network Manager security admin rules, which effective security rules leave out",
                nsg.get(1));
        assertEquals(c.offline().findings(), c.report().findings(), "IP flow verify agreed: nothing is overruled");
        assertEquals(c.offline().likelyCause(), c.report().likelyCause());
    }

    @Test
    void timedOut_effectiveRulesWithAnUnknownAccess_noVerdictAndNothingOverruled() {
        NetworkWatcherWorld watcher = new NetworkWatcherWorld().effectiveSecurityRules("{\"value\":[{"
                + "\"networkSecurityGroup\":{\"id\":\"" + ArmWorld.NIC_NSG_ID + "\"},\"association\":{"
                + "\"networkInterface\":{\"id\":\"" + NetworkWatcherWorld.NIC_ID + "\"}},\"effectiveSecurityRules\":[{"
                + "\"name\":\"securityRules/odd\",\"protocol\":\"Tcp\",\"sourcePortRange\":\"0-65535\","
                + "\"destinationPortRange\":\"443-443\",\"sourceAddressPrefix\":\"0.0.0.0/0\","
                + "\"destinationAddressPrefix\":\"0.0.0.0/0\",\"access\":\"Audit\",\"priority\":100,"
                + "\"direction\":\"Outbound\"}]}]}");

        Confirmed c = confirm(new ArmWorld(), watcher, Diagnoses.timedOut(), LIMIT, () -> ARM.forbid("POST",
                NetworkWatcherWorld.IP_FLOW, "Microsoft.Network/networkWatchers/ipFlowVerify/action"));

        assertEquals("No platform verdict for effective security rules: Network Watcher answered access Audit (rule "
                + "securityRules/odd), which AKS Doctor does not know", c.lines(CheckId.NSG_OUTBOUND).get(1));
        assertEquals(c.offline().findings(), c.report().findings());
    }

    private static FakeArm.Recorded post(String path) {
        return ARM.requests().stream().filter(r -> r.method().equals("POST") && r.path().equalsIgnoreCase(path))
                .findFirst().orElseThrow(() -> new AssertionError("no POST " + path + " in " + ARM.armRequests()));
    }
}
