package dev.aksdoctor.azure;

/** A policy assignment named by a RequestDisallowedByPolicy error. */
public record PolicyAssignmentFacts(String id, String name, String displayName, String scope,
        String policyDefinitionId, String enforcementMode) {
}
