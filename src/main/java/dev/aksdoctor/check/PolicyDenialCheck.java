package dev.aksdoctor.check;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.PolicyAssignmentFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RequestDisallowedByPolicy: the policy assignment that denied, from the failed operation's policy ids. */
@ApplicationScoped
public class PolicyDenialCheck implements Check {

    private static final Pattern ASSIGNMENT_ID = Pattern.compile(
            "(/(?:subscriptions/[0-9a-fA-F-]{36}(?:/resourceGroups/[-\\w._()]+)?|providers/Microsoft\\.Management/"
                    + "managementGroups/[-\\w._()]+)/providers/Microsoft\\.Authorization/policyAssignments/[-\\w._]+)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public CheckId id() {
        return CheckId.POLICY_DENIAL;
    }

    @Override
    public Finding run(CheckContext context) {
        List<ActivityEventFacts> denials = context.facts().failedOperations().stream()
                .filter(e -> ActivityLogFailuresCheck.errors(e).stream()
                        .anyMatch(x -> ActivityLogFailuresCheck.POLICY_DENY.equalsIgnoreCase(x.code()))
                        || (e.details() != null && e.details().contains(ActivityLogFailuresCheck.POLICY_DENY)))
                .toList();
        if (denials.isEmpty()) {
            return Findings.pass(id(), "No policy denials in the Activity Log", List.of(), Docs.POLICY);
        }
        Set<String> assignmentIds = new LinkedHashSet<>();
        for (ActivityEventFacts e : denials) {
            Matcher m = ASSIGNMENT_ID.matcher((e.details() == null ? "" : e.details()) + " "
                    + (e.policies() == null ? "" : e.policies()));
            while (m.find()) {
                assignmentIds.add(m.group(1));
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        ActivityEventFacts latest = denials.get(0);
        evidence.add(Evidence.of(latest.timestamp() + " " + latest.operationName() + " denied by policy",
                latest.resourceId()));
        String name = null;
        String scope = null;
        for (String id : assignmentIds) {
            try {
                PolicyAssignmentFacts a = context.facts().policyAssignment(id);
                evidence.add(Evidence.of("policy assignment " + (a.displayName() == null ? a.name() : a.displayName())
                        + " (scope " + a.scope() + ", enforcement " + a.enforcementMode() + ")", a.id()));
                if (name == null) {
                    name = a.displayName() == null ? a.name() : a.displayName();
                    scope = a.scope();
                }
            } catch (ArmException e) {
                evidence.add(Evidence.of("policy assignment " + id + " (details unavailable: " + e.getMessage() + ")", id));
                name = name == null ? id.substring(id.lastIndexOf('/') + 1) : name;
            }
        }
        return Findings.fail(id(), "Azure Policy denied the operation" + (name == null ? "" : ": " + name)
                + (scope == null ? "" : " (assigned at " + scopeName(scope) + ")"), evidence,
                "Change the request to comply, or get an exemption from the assignment's owner, then reconcile the "
                        + "cluster.", Docs.POLICY, Findings.action(NextAction.RECONCILE_CLUSTER));
    }

    /** {@code /subscriptions/…/resourceGroups/rg-aks} → "resource group rg-aks". */
    static String scopeName(String scope) {
        String[] parts = scope.split("/");
        if (parts.length >= 2) {
            String kind = parts[parts.length - 2].toLowerCase(java.util.Locale.ROOT);
            String name = parts[parts.length - 1];
            if (kind.equals("resourcegroups")) {
                return "resource group " + name;
            }
            if (kind.equals("subscriptions")) {
                return "subscription " + name;
            }
            if (kind.equals("managementgroups")) {
                return "management group " + name;
            }
        }
        return scope;
    }

    private static final Pattern ASSIGNMENT_NAME = Pattern.compile(
            "\\\\?\"policyAssignment(?:DisplayName|Name)\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\]+)");

    /** Assignment names a Policy event's {@code properties.policies} holds. */
    static List<String> assignmentNames(String policies) {
        List<String> names = new ArrayList<>();
        if (policies != null) {
            Matcher m = ASSIGNMENT_NAME.matcher(policies);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
