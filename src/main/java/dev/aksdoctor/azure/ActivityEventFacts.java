package dev.aksdoctor.azure;

import java.time.OffsetDateTime;

/** One Activity Log event; {@code errorCode}/{@code errorMessage} come from its statusMessage when present;
 * {@code details} is the raw statusMessage (policy denials carry the assignment ids there); {@code category} is
 * {@code Administrative}, {@code Policy} …; {@code policies} is a Policy event's {@code properties.policies} (a JSON
 * array string with policyAssignmentId, policyAssignmentName, policyAssignmentScope, policyDefinitionId…). */
public record ActivityEventFacts(String operationName, String status, String subStatus, String resourceId,
        OffsetDateTime timestamp, String correlationId, String errorCode, String errorMessage, String details,
        String category, String policies) {

    public ActivityEventFacts(String operationName, String status, String subStatus, String resourceId,
            OffsetDateTime timestamp, String correlationId, String errorCode, String errorMessage, String details) {
        this(operationName, status, subStatus, resourceId, timestamp, correlationId, errorCode, errorMessage, details,
                null, null);
    }
}
