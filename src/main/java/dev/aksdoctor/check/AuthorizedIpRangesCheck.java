package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.network.AddressRanges;
import dev.aksdoctor.network.AuthorizedRangeMatch;
import dev.aksdoctor.network.AuthorizedRanges;
import dev.aksdoctor.network.ServiceTags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<String> unknown = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
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
            Map<String, List<String>> tags = Map.of();
            boolean hasTags = ranges.stream().anyMatch(ServiceTags::looksLikeTag);
            if (hasTags) {
                try {
                    tags = context.facts().serviceTags();
                } catch (ArmException e) {
                    evidence.add(Evidence.of("service tags in the ranges could not be expanded: " + e.getMessage()));
                }
            }
            List<EgressIp> egress = context.facts().egressIps();
            for (EgressIp ip : egress) {
                AuthorizedRangeMatch m = AuthorizedRanges.covering(ranges, ip.address(), tags);
                String label = "egress " + (ip.address().contains("/") ? "prefix " : "IP ") + ip.address() + " ("
                        + ip.source() + ")";
                if (m.covered()) {
                    evidence.add(Evidence.of(label + " is inside " + (m.viaPrefix() == null ? m.entry()
                            : "service tag " + m.entry() + " (its prefix " + m.viaPrefix() + ")"), ip.resourceId()));
                } else if (m.undecided()) {
                    evidence.add(Evidence.of(label + ": " + m.explanation(), ip.resourceId()));
                    undecided.add(ip.address());
                } else {
                    evidence.add(Evidence.of(label + " is not in any authorized range" + (hasTags
                            ? " nor in the prefixes of its service tags" : ""), ip.resourceId()));
                    missing.add(ip.source() + " " + ip.address());
                    if (!AddressRanges.isPrivate(ip.address())) {
                        actions.add(SuggestedAction.addRange(hostCidr(ip.address())));
                    }
                }
            }
            unknown.addAll(context.facts().unknownEgress());
            unknown.forEach(u -> evidence.add(Evidence.of("egress IP unknown: " + u, c.id())));
            if (egress.isEmpty() && unknown.isEmpty()) {
                unknown.add("no load balancer, NAT gateway or firewall public IP was found (outbound type "
                        + c.outboundType() + ")");
                evidence.add(Evidence.of("the nodes' egress IP was not found: " + unknown.get(0), c.id()));
            }
        }
        if (AuthorizedRanges.nearCap(ranges)) {
            evidence.add(Evidence.of("the authorized ranges hold " + ranges.size() + " of the "
                    + AuthorizedRanges.MAX_ENTRIES + " entries AKS accepts", c.id()));
        }
        if (!missing.isEmpty()) {
            return Findings.fail(id(), "Authorized IP ranges block " + String.join(", ", missing), evidence,
                    "The API server only accepts these addresses if a range contains them: add "
                            + (missing.size() == 1 ? "it" : "them") + " to the authorized IP ranges "
                            + "(az aks update --api-server-authorized-ip-ranges)"
                            + (AuthorizedRanges.remaining(ranges) < missing.size()
                                    ? "; the list is at the cap of " + AuthorizedRanges.MAX_ENTRIES
                                            + " entries, so merge ranges or use a service tag first" : "") + ".",
                    Docs.AUTHORIZED_RANGES, actions.toArray(SuggestedAction[]::new));
        }
        if (!unknown.isEmpty() || !undecided.isEmpty()) {
            return Findings.warn(id(), "Authorized IP ranges are on, and not every egress IP is known ("
                    + String.join("; ", unknown.isEmpty() ? undecided : unknown) + ")", evidence,
                    "Find the public IP your nodes' traffic leaves from (the firewall or appliance's outbound IP, or "
                            + "the on-premises edge) and make sure an authorized range contains it; or run the node "
                            + "test.", Docs.AUTHORIZED_RANGES, Findings.action(NextAction.RUN_NODE_PROBE));
        }
        String what = c.apiServerVnetIntegration() ? "The node subnets are" : "The nodes' egress IPs are";
        if (AuthorizedRanges.nearCap(ranges)) {
            return Findings.warn(id(), what + " inside the authorized ranges, which hold " + ranges.size() + " of "
                    + AuthorizedRanges.MAX_ENTRIES + " entries", evidence,
                    "Merge ranges or use service tags before adding more.", Docs.AUTHORIZED_RANGES);
        }
        return Findings.pass(id(), what + " inside the authorized ranges", evidence, Docs.AUTHORIZED_RANGES);
    }

    static String hostCidr(String ip) {
        if (ip.contains("/")) {
            return ip;
        }
        return ip.contains(":") ? ip + "/128" : ip + "/32";
    }
}
