package dev.aksdoctor.azure;

import java.util.List;
import java.util.Objects;

/** One scale set instance with its instance view: power state and extension statuses. */
public record InstanceFacts(String id, String scaleSetName, String instanceId, String computerName,
        String provisioningState, String powerState, List<ExtensionStatus> extensions) {

    /** One status of a VM extension, e.g. {@code ProvisioningState/failed/51} for the AKS CSE. */
    public record ExtensionStatus(String extensionName, String code, String level, String displayStatus,
            String message) {
    }

    public InstanceFacts {
        Objects.requireNonNull(id, "id");
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }
}
