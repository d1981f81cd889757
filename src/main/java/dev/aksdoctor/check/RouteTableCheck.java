package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.RouteTableFacts;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.network.NextHopType;
import dev.aksdoctor.network.ProxyTarget;
import dev.aksdoctor.network.RequiredEndpoint;
import dev.aksdoctor.network.RouteDecision;
import dev.aksdoctor.network.RouteEntry;
import dev.aksdoctor.network.RouteLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node subnet's route to the API server (to the internet for outbound failures), longest prefix first:
 * {@code None} is a black hole.
 */
@ApplicationScoped
public class RouteTableCheck implements Check {

    /** Where "the internet" goes: the route that matches it is the default route (or a more specific one). */
    private static final String INTERNET = "0.0.0.0";

    @Override
    public CheckId id() {
        return CheckId.ROUTE_TABLE;
    }

    @Override
    public Set<CheckId> after() {
        return Set.of(CheckId.NODE_SUBNET);
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        // Exit 50 and provisioning timeouts fail on the required endpoints (MCR, packages, Entra ID), not the API
        // server: what decides them is the route for the internet, even when the API server has a route of its own.
        boolean outbound = FailureFamily.outbound(context.diagnosis());
        Optional<String> apiIp = outbound ? Optional.of(INTERNET) : context.facts().apiServerIp();
        String traffic = outbound ? "outbound traffic to the required AKS endpoints" : "API server traffic";
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("outbound type " + c.outboundType(), c.id()));
        if (outbound) {
            evidence.add(Evidence.of("outbound failure: judged for the internet (" + INTERNET + "), where the required "
                    + "AKS endpoints are", c.id()));
        }
        if (apiIp.isEmpty() && !c.privateCluster()) {
            apiIp = Optional.of(NetworkPath.PUBLIC_STAND_IN);
            evidence.add(Evidence.of("API server IP unknown (" + c.fqdn() + " did not resolve here): judged for a "
                    + "public Azure address", c.id()));
        }
        if (apiIp.isEmpty()) {
            return Findings.skip(id(), "API server IP unknown", "Routes cannot be matched without the API server's address.",
                    Findings.action(NextAction.RUN_NODE_PROBE));
        }
        Finding appliance = null;
        for (NodeSubnet ns : context.facts().nodeSubnets()) {
            if (ns.subnet().routeTableId() == null) {
                evidence.add(Evidence.of("subnet " + ns.subnet().name() + " has no route table: system routes apply",
                        ns.subnet().id()));
                continue;
            }
            RouteTableFacts rt = context.facts().routeTable(ns.subnet().routeTableId());
            if (outbound) {
                Finding toProxy = proxyRoutes(context, ns, rt, evidence);
                if (toProxy != null) {
                    return toProxy;
                }
            }
            RouteDecision decision = RouteLookup.effectiveRoute(rt.routes(), ns.vnet().addressPrefixes(), apiIp.get());
            RouteEntry route = decision.route();
            if (route == null) {
                evidence.add(Evidence.of(decision.explanation(), rt.id()));
                continue;
            }
            String routeText = (route.userDefined() ? "route " + route.name() + " in " + rt.name() : "system route")
                    + " " + route.addressPrefix() + " → " + route.nextHopType().azureName()
                    + (route.nextHopIpAddress() == null ? "" : " " + route.nextHopIpAddress());
            String resource = route.resourceId() != null ? route.resourceId() : rt.id();
            if (route.nextHopType() == NextHopType.NONE) {
                evidence.add(0, Evidence.of(routeText + " matches " + apiIp.get() + ": traffic is dropped", resource));
                return Findings.fail(id(), "Route " + route.name() + " sends " + traffic + " to None (black hole)",
                        evidence, "Remove that route or point it at a working next hop; next hop None drops the "
                                + "traffic silently, which the nodes see as a timeout.",
                        Docs.UDR, Findings.show(NextAction.SHOW_ROUTES, rt.id()));
            }
            evidence.add(Evidence.of(routeText + " matches " + apiIp.get(), resource));
            if (route.nextHopType() == NextHopType.VIRTUAL_APPLIANCE && appliance == null) {
                appliance = Findings.warn(id(), Character.toUpperCase(traffic.charAt(0)) + traffic.substring(1)
                        + " goes through the appliance "
                        + route.nextHopIpAddress(), evidence, "The appliance must be running and allow TCP 443 to the "
                        + "API server (and not inspect its TLS).", Docs.EGRESS,
                        Findings.show(NextAction.SHOW_ROUTES, rt.id()));
            }
        }
        if (appliance != null) {
            return new Finding(id(), appliance.outcome(), appliance.title(), evidence, appliance.remedy(),
                    appliance.docLink(), appliance.actions());
        }
        return new Finding(id(), Outcome.PASS, "The route to " + (outbound ? "the required AKS endpoints"
                : NetworkPath.PUBLIC_STAND_IN.equals(apiIp.get()) ? "the API server" : apiIp.get())
                + " has a working next hop", evidence, null,
                Docs.UDR, List.of(Findings.action(NextAction.SHOW_ROUTES)));
    }

    /**
     * With an HTTP proxy, the required endpoints outside noProxy go to the proxy's address: a black hole on the route
     * to it breaks them whatever the default route says.
     */
    private Finding proxyRoutes(CheckContext context, NodeSubnet ns, RouteTableFacts rt, List<Evidence> evidence) {
        for (Map.Entry<ProxyTarget, List<RequiredEndpoint>> p : context.facts().outboundDestinations().proxied()
                .entrySet()) {
            Optional<String> ip = context.facts().proxyAddress(p.getKey());
            if (ip.isEmpty()) {
                evidence.add(Evidence.of("the route to the proxy " + p.getKey().url() + " could not be judged: its "
                        + "address is not known here", rt.id()));
                continue;
            }
            RouteDecision decision = RouteLookup.effectiveRoute(rt.routes(), ns.vnet().addressPrefixes(), ip.get());
            RouteEntry route = decision.route();
            if (route == null) {
                evidence.add(Evidence.of(decision.explanation(), rt.id()));
                continue;
            }
            String which = route.userDefined() ? "route " + route.name() + " in " + rt.name()
                    : "system route " + route.addressPrefix();
            String routeText = (route.userDefined() ? "route " + route.name() + " in " + rt.name() : "system route")
                    + " " + route.addressPrefix() + " → " + route.nextHopType().azureName()
                    + (route.nextHopIpAddress() == null ? "" : " " + route.nextHopIpAddress());
            String resource = route.resourceId() != null ? route.resourceId() : rt.id();
            if (route.nextHopType() == NextHopType.NONE) {
                evidence.add(0, Evidence.of(routeText + " matches the proxy " + p.getKey().url() + " (" + ip.get()
                        + "): traffic is dropped", resource));
                return Findings.fail(id(), "The proxy " + p.getKey().url() + " is not reachable: " + which
                        + " sends traffic to " + ip.get() + " to None (black hole)", evidence,
                        "Remove that route or point it at a working next hop: the nodes reach " + p.getValue().size()
                                + " required endpoints through the proxy.",
                        Docs.UDR, Findings.show(NextAction.SHOW_ROUTES, rt.id()));
            }
            evidence.add(Evidence.of(routeText + " matches the proxy " + p.getKey().url() + " (" + ip.get() + ")",
                    resource));
        }
        return null;
    }
}
