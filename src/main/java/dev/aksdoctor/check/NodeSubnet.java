package dev.aksdoctor.check;

import dev.aksdoctor.azure.SubnetFacts;
import dev.aksdoctor.azure.VnetFacts;
import java.util.List;

/** A subnet the cluster's nodes live in, with its VNet and the pools that use it. */
public record NodeSubnet(SubnetFacts subnet, VnetFacts vnet, List<String> pools, boolean managedVnet) {
    public NodeSubnet {
        pools = pools == null ? List.of() : List.copyOf(pools);
    }
}
