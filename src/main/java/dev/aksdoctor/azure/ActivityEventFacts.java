package dev.aksdoctor.azure;

import java.time.OffsetDateTime;

/** One Activity Log event; {@code errorCode}/{@code errorMessage} come from its statusMessage when present;
 * {@code details} is the raw statusMessage (policy denials carry the assignment ids there). */
public record ActivityEventFacts(String operationName, String status, String subStatus, String resourceId,
        OffsetDateTime timestamp, String correlationId, String errorCode, String errorMessage, String details) {
}
