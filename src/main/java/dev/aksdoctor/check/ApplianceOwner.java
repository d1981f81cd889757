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
        List<String> searched, List<String> unreadable, String loadBalancerId) {

    public enum Kind {
        FIREWALL,
        NIC,
        /** An internal load balancer frontend (appliances behind HA ports): the appliances are not visible here. */
        LOAD_BALANCER,
        NOBODY,
        UNKNOWN
    }

    public ApplianceOwner {
        searched = searched == null ? List.of() : List.copyOf(searched);
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }

    public ApplianceOwner(String ip, Kind kind, FirewallFacts firewall, NicFacts nic, String powerState,
            List<String> searched, List<String> unreadable) {
        this(ip, kind, firewall, nic, powerState, searched, unreadable, null);
    }
}
