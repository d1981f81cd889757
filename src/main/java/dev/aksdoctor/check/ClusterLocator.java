package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.azure.ClusterSummary;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.network.AddressRanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the cluster a paste is about: a resource id; an {@code MC_<rg>_<cluster>_<region>} group; the
 * API server FQDN (public or private) among the visible clusters; the node IP inside a node subnet;
 * else the channel's default cluster; else it says what it tried so the reply can ask.
 */
@ApplicationScoped
public class ClusterLocator {

    /** Node-IP matching reads one VNet per candidate subnet; beyond this many it asks instead. */
    static final int MAX_VNETS_FOR_NODE_IP = 40;

    private final ClusterInventory inventory;
    private final ArmGateway gateway;

    @Inject
    public ClusterLocator(ClusterInventory inventory, ArmGateway gateway) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    public ClusterLocation locate(Diagnosis diagnosis, Optional<ClusterRef> channelDefault) {
        ClusterRef named = diagnosis.cluster();
        if (named != null && named.subscriptionId() != null) {
            return ClusterLocation.found(named, "resource ID in the paste");
        }
        List<ClusterSummary> clusters;
        String inventoryProblem = null;
        try {
            clusters = needsInventory(diagnosis) ? inventory.clusters() : List.of();
        } catch (ArmException e) {
            clusters = List.of();
            inventoryProblem = "could not list clusters: " + e.getMessage();
        }
        if (named != null) {
            List<ClusterRef> matches = clusters.stream().map(ClusterSummary::ref)
                    .filter(r -> r.resourceGroup().equalsIgnoreCase(named.resourceGroup())
                            && r.name().equalsIgnoreCase(named.name()))
                    .collect(Collectors.toList());
            Optional<ClusterLocation> l = decide(matches, "resource group and name " + named.displayName()
                    + " in the paste");
            if (l.isPresent()) {
                return l.get();
            }
        }
        String fqdn = lower(diagnosis.apiServerFqdn());
        if (fqdn != null) {
            List<ClusterRef> matches = clusters.stream()
                    .filter(c -> fqdn.equals(lower(c.fqdn())) || fqdn.equals(lower(c.privateFqdn())))
                    .map(ClusterSummary::ref).collect(Collectors.toList());
            Optional<ClusterLocation> l = decide(matches, "API server FQDN " + fqdn);
            if (l.isPresent()) {
                return l.get();
            }
        }
        String nodeIp = diagnosis.nodeIp();
        if (nodeIp != null && AddressRanges.isValidIp(nodeIp)) {
            Optional<ClusterLocation> l = byNodeIp(clusters, nodeIp, lower(diagnosis.region()));
            if (l.isPresent()) {
                return l.get();
            }
        }
        if (channelDefault.isPresent()) {
            return ClusterLocation.found(channelDefault.get(), "the channel's default cluster");
        }
        StringBuilder why = new StringBuilder("The paste names no cluster I can find");
        if (inventoryProblem != null) {
            why.append(" (").append(inventoryProblem).append(')');
        } else if (needsInventory(diagnosis)) {
            why.append(" among the ").append(clusters.size()).append(" clusters visible");
        }
        why.append(": which cluster is it? (resource ID, or subscription / resource group / name)");
        return ClusterLocation.notFound(why.toString());
    }

    private static boolean needsInventory(Diagnosis d) {
        return d.cluster() != null || d.apiServerFqdn() != null || d.nodeIp() != null;
    }

    private Optional<ClusterLocation> byNodeIp(List<ClusterSummary> clusters, String nodeIp, String region) {
        List<ClusterSummary> candidates = clusters.stream()
                .filter(c -> region == null || region.equals(lower(c.location())))
                .filter(c -> !c.nodeSubnetIds().isEmpty())
                .collect(Collectors.toList());
        long vnets = candidates.stream().flatMap(c -> c.nodeSubnetIds().stream()).map(ClusterLocator::vnetOf)
                .distinct().count();
        if (vnets > MAX_VNETS_FOR_NODE_IP) {
            return Optional.empty();
        }
        List<ClusterRef> matches = new ArrayList<>();
        for (ClusterSummary c : candidates) {
            for (String subnetId : c.nodeSubnetIds()) {
                try {
                    VnetFacts vnet = gateway.vnet(vnetOf(subnetId));
                    boolean inside = vnet.subnet(subnetId).map(s -> AddressRanges.firstContaining(s.addressPrefixes(),
                            nodeIp).isPresent()).orElse(false);
                    if (inside && !matches.contains(c.ref())) {
                        matches.add(c.ref());
                    }
                } catch (ArmException e) {
                    // A VNet we may not read cannot place the node; the others still can.
                }
            }
        }
        return decide(matches, "node IP " + nodeIp + " inside a node subnet");
    }

    private static Optional<ClusterLocation> decide(List<ClusterRef> matches, String how) {
        if (matches.size() == 1) {
            return Optional.of(ClusterLocation.found(matches.get(0), how));
        }
        if (matches.size() > 1) {
            return Optional.of(ClusterLocation.ambiguous(matches, how + " matches " + matches.size() + " clusters"));
        }
        return Optional.empty();
    }

    private static String vnetOf(String subnetId) {
        return subnetId.replaceFirst("(?i)/subnets/[^/]+$", "");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
