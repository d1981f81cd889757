package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.network.AddressRanges;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API server authorized IP ranges. A public API server sees the nodes' egress IPs (load balancer outbound IPs,
 * NAT gateway IPs, the firewall's public IP for userDefinedRouting): each must be inside a range. The node subnet
 * matters only with API Server VNet Integration ({@code apiServerAccessProfile.enableVnetIntegration}), where nodes
 * reach the API server by a private IP; a private range is never offered for a public API server.
 */
@ApplicationScoped
public class AuthorizedIpRangesCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.AUTHORIZED_IP_RANGES;
    }

    @Override
    public Set<CheckId> after() {
        return Set.of(CheckId.NODE_SUBNET);
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        if (c.privateCluster()) {
            return Findings.pass(id(), "Private cluster: authorized IP ranges do not apply to the nodes",
                    List.of(Evidence.of("enablePrivateCluster true", c.id())), Docs.AUTHORIZED_RANGES);
        }
        if (!c.authorizedRangesEnabled()) {
            return Findings.pass(id(), "Authorized IP ranges are not enabled",
                    List.of(Evidence.of("apiServerAccessProfile.authorizedIPRanges is empty", c.id())),
                    Docs.AUTHORIZED_RANGES);
        }
        List<String> ranges = c.authorizedIpRanges();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("authorized ranges: " + String.join(", ", ranges), c.id()));
        List<SuggestedAction> actions = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (c.apiServerVnetIntegration()) {
            // With API Server VNet Integration the nodes reach the API server by its private IP in the VNet.
            evidence.add(Evidence.of("API Server VNet Integration is on: nodes connect from their subnet's "
                    + "private addresses", c.id()));
            for (NodeSubnet ns : context.facts().nodeSubnets()) {
                for (String cidr : ns.subnet().addressPrefixes()) {
                    Optional<String> in = AddressRanges.firstContaining(ranges, cidr);
                    if (in.isPresent()) {
                        evidence.add(Evidence.of("node subnet " + cidr + " is inside " + in.get(), ns.subnet().id()));
                    } else {
                        evidence.add(Evidence.of("node subnet " + cidr + " is not in any authorized range",
                                ns.subnet().id()));
                        missing.add("node subnet " + cidr);
                        actions.add(SuggestedAction.addRange(cidr));
                    }
                }
            }
        } else {
            // A public API server sees the public address the nodes' traffic leaves from, never their subnet.
            List<EgressIp> egress = context.facts().egressIps();
            for (EgressIp ip : egress) {
                Optional<String> in = AddressRanges.firstContaining(ranges, ip.address());
                if (in.isPresent()) {
                    evidence.add(Evidence.of("egress IP " + ip.address() + " (" + ip.source() + ") is inside "
                            + in.get(), ip.resourceId()));
                } else {
                    evidence.add(Evidence.of("egress IP " + ip.address() + " (" + ip.source()
                            + ") is not in any authorized range", ip.resourceId()));
                    missing.add(ip.source() + " " + ip.address());
                    if (!AddressRanges.isPrivate(ip.address())) {
                        actions.add(SuggestedAction.addRange(hostCidr(ip.address())));
                    }
                }
            }
            List<String> unknown = context.facts().unknownEgress();
            unknown.forEach(why -> evidence.add(Evidence.of("egress IP unknown: " + why)));
            if (egress.isEmpty()) {
                if (unknown.isEmpty()) {
                    evidence.add(Evidence.of("the nodes' egress IP was not found (outbound type " + c.outboundType()
                            + ")", c.id()));
                }
                return Findings.warn(id(), "Authorized IP ranges are on, and the nodes' egress IP is unknown",
                        evidence, "Find the public IP your nodes' traffic leaves from (the firewall or appliance's "
                                + "outbound IP) and make sure an authorized range contains it.",
                        Docs.AUTHORIZED_RANGES);
            }
        }
        if (!missing.isEmpty()) {
            return Findings.fail(id(), "Authorized IP ranges block " + String.join(", ", missing), evidence,
                    "The API server only accepts these addresses if a range contains them: add "
                            + (missing.size() == 1 ? "it" : "them") + " to the authorized IP ranges "
                            + "(az aks update --api-server-authorized-ip-ranges).",
                    Docs.AUTHORIZED_RANGES, actions.toArray(SuggestedAction[]::new));
        }
        return Findings.pass(id(), c.apiServerVnetIntegration()
                ? "The node subnets are inside the authorized ranges"
                : "The nodes' egress IPs are inside the authorized ranges", evidence, Docs.AUTHORIZED_RANGES);
    }

    static String hostCidr(String ip) {
        return ip.contains(":") ? ip + "/128" : ip + "/32";
    }
}
