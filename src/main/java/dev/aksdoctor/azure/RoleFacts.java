package dev.aksdoctor.azure;

import java.util.List;

/** A role assignment of one principal, with its role definition's name and permissions resolved. */
public record RoleFacts(String assignmentId, String scope, String roleDefinitionId, String roleName,
        List<String> actions, List<String> notActions) {
    public RoleFacts {
        actions = actions == null ? List.of() : List.copyOf(actions);
        notActions = notActions == null ? List.of() : List.copyOf(notActions);
    }
}
