package dev.aksdoctor.reply;

import dev.aksdoctor.investigation.InvestigationStatus;
import java.time.Instant;

/** One line of App Home's recent investigations. {@code errorCode}, {@code outcome} and {@code threadTs} may be null. */
public record RecentInvestigation(long id, String channel, String threadTs, String errorCode, InvestigationStatus status,
        String outcome, boolean resolved, Instant createdAt, String likelyCause) {
}
