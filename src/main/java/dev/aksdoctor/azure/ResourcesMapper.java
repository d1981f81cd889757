package dev.aksdoctor.azure;

import static dev.aksdoctor.azure.SdkValues.str;

import com.azure.resourcemanager.monitor.fluent.models.EventDataInner;
import com.azure.resourcemanager.resources.models.ManagementLock;
import com.azure.resourcemanager.resources.models.PolicyAssignment;
import com.azure.resourcemanager.resources.models.Provider;
import com.azure.resourcemanager.resources.models.Subscription;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subscription-level models to our records: subscriptions and resource providers (Microsoft.Resources),
 * locks and policy assignments (Microsoft.Authorization), Activity Log events (Microsoft.Insights).
 */
final class ResourcesMapper {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ResourcesMapper() {
    }

    static SubscriptionFacts subscription(Subscription s) {
        return new SubscriptionFacts(s.subscriptionId(), s.displayName(), str(s.state()));
    }

    static ProviderFacts provider(Provider p) {
        return new ProviderFacts(p.namespace(), p.registrationState());
    }

    static PolicyAssignmentFacts policyAssignment(PolicyAssignment a) {
        return new PolicyAssignmentFacts(a.id(), a.name(), a.displayName(), a.scope(), a.policyDefinitionId(),
                str(a.enforcementMode()));
    }

    static LockFacts lock(ManagementLock l) {
        return new LockFacts(l.id(), l.name(), str(l.level()), l.notes());
    }

    static ActivityEventFacts event(EventDataInner e) {
        Map<String, String> props = e.properties() == null ? Map.of() : e.properties();
        String code = null;
        String message = null;
        String statusMessage = props.get("statusMessage");
        if (statusMessage != null) {
            Matcher c = CODE.matcher(statusMessage);
            if (c.find()) {
                code = c.group(1);
            }
            Matcher m = MESSAGE.matcher(statusMessage);
            message = m.find() ? m.group(1) : statusMessage;
        }
        if (code == null && e.subStatus() != null && e.subStatus().value() != null && !e.subStatus().value().isBlank()) {
            code = e.subStatus().value();
        }
        return new ActivityEventFacts(e.operationName() == null ? null : e.operationName().value(),
                e.status() == null ? null : e.status().value(), e.subStatus() == null ? null : e.subStatus().value(),
                e.resourceId(), e.eventTimestamp(), e.correlationId(), code, message, statusMessage,
                e.category() == null ? null : e.category().value(), props.get("policies"));
    }

    static AuditEventFacts auditEvent(EventDataInner e) {
        return new AuditEventFacts(event(e), e.caller());
    }
}
