package dev.aksdoctor.azure;

import java.util.Objects;

/** An Activity Log event with its caller (a UPN, an app id or a managed identity's object id). */
public record AuditEventFacts(ActivityEventFacts event, String caller) {
    public AuditEventFacts {
        Objects.requireNonNull(event, "event");
    }
}
