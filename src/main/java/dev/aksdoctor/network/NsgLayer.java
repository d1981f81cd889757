package dev.aksdoctor.network;

import java.util.List;

/** One NSG on the path (the subnet's or the NIC's): its resource id or name, and its rules. */
public record NsgLayer(String nsgId, List<NsgRule> rules) {
    public NsgLayer {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
