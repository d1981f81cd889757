package dev.aksdoctor.check;

import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.NicFacts;
import java.util.List;

/**
 * Who holds a route's next-hop IP. {@code powerState} is the VM's when a NIC holds it. {@code unreadable} names
 * subscriptions that could not be searched (no permission): then NOBODY cannot be concluded and the kind is
 * UNKNOWN.
 */
public record ApplianceOwner(String ip, Kind kind, FirewallFacts firewall, NicFacts nic, String powerState,
        List<String> searched, List<String> unreadable) {

    public enum Kind {
        FIREWALL,
        NIC,
        NOBODY,
        UNKNOWN
    }

    public ApplianceOwner {
        searched = searched == null ? List.of() : List.copyOf(searched);
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }
}
