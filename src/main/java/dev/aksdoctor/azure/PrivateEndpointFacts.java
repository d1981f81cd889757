package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/** A private endpoint with its private link connections. */
public record PrivateEndpointFacts(String id, String name, String provisioningState, String subnetId,
        List<Connection> connections, List<String> privateIps) {

    /** One connection: {@code status} is Approved, Pending, Rejected or Disconnected. */
    public record Connection(String name, String privateLinkServiceId, List<String> groupIds, String status,
            String description) {
        public Connection {
            groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        }
    }

    public PrivateEndpointFacts {
        Objects.requireNonNull(id, "id");
        connections = connections == null ? List.of() : List.copyOf(connections);
        privateIps = privateIps == null ? List.of() : List.copyOf(privateIps);
    }
}
