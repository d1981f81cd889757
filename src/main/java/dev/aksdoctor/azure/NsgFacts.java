package dev.aksdoctor.azure;

import dev.aksdoctor.network.NsgRule;
import java.util.List;
import java.util.Objects;

/** A network security group with its custom and default rules. */
public record NsgFacts(String id, String name, List<NsgRule> rules) {
    public NsgFacts {
        Objects.requireNonNull(id, "id");
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
