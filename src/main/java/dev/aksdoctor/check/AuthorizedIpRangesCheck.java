package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.network.AddressRanges;
import dev.aksdoctor.network.AuthorizedRangeMatch;
import dev.aksdoctor.network.AuthorizedRanges;
import dev.aksdoctor.network.ServiceTags;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API server authorized IP ranges: when enabled, the node subnet and every egress IP (load balancer
 * outbound IPs, NAT gateway IPs, the firewall's public IP for userDefinedRouting) must be inside them.
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
        Map<String, List<String>> tags = Map.of();
        boolean hasTags = ranges.stream().anyMatch(ServiceTags::looksLikeTag);
        if (hasTags) {
            try {
                tags = context.facts().serviceTags();
            } catch (ArmException e) {
                evidence.add(Evidence.of("service tags in the ranges could not be expanded: " + e.getMessage()));
            }
        }
        List<String> undecided = new ArrayList<>();
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
                actions.add(SuggestedAction.addRange(hostCidr(ip.address())));
            }
        }
        List<String> unknown = context.facts().unknownEgress();
        unknown.forEach(u -> evidence.add(Evidence.of("egress IP unknown: " + u, c.id())));
        if (AuthorizedRanges.nearCap(ranges)) {
            evidence.add(Evidence.of("the authorized ranges hold " + ranges.size() + " of the " + AuthorizedRanges.MAX_ENTRIES
                    + " entries AKS accepts", c.id()));
        }
        if (!missing.isEmpty()) {
            return Findings.fail(id(), "Authorized IP ranges block " + String.join(", ", missing), evidence,
                    "Nodes reach the API server from these addresses: add them to the authorized IP ranges "
                            + "(az aks update --api-server-authorized-ip-ranges)"
                            + (AuthorizedRanges.remaining(ranges) < missing.size()
                                    ? "; the list is at the cap of " + AuthorizedRanges.MAX_ENTRIES
                                            + " entries, so merge ranges first" : "") + ".",
                    Docs.AUTHORIZED_RANGES, actions.toArray(SuggestedAction[]::new));
        }
        if (!unknown.isEmpty() || !undecided.isEmpty()) {
            return Findings.warn(id(), "Not every egress IP could be checked against the authorized ranges ("
                    + String.join("; ", unknown.isEmpty() ? undecided : unknown) + ")", evidence,
                    "Find the public address the nodes leave from (the appliance's or on-premises edge) and make sure "
                            + "an authorized range holds it; or run the node test.", Docs.AUTHORIZED_RANGES,
                    Findings.action(NextAction.RUN_NODE_PROBE));
        }
        if (AuthorizedRanges.nearCap(ranges)) {
            return Findings.warn(id(), "The node subnet and egress IPs are authorized, but the ranges hold "
                    + ranges.size() + " of " + AuthorizedRanges.MAX_ENTRIES + " entries", evidence,
                    "Merge ranges or use service tags before adding more.", Docs.AUTHORIZED_RANGES);
        }
        return Findings.pass(id(), "The node subnet and egress IPs are inside the authorized ranges", evidence,
                Docs.AUTHORIZED_RANGES);
    }

    static String hostCidr(String ip) {
        if (ip.contains("/")) {
            return ip;
        }
        return ip.contains(":") ? ip + "/128" : ip + "/32";
    }
}
