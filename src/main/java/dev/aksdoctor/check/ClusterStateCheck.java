package dev.aksdoctor.check;

import static dev.aksdoctor.check.Findings.action;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Cluster provisioning and power state: Stopped → start; in progress → wait; Failed → reconcile. */
@ApplicationScoped
public class ClusterStateCheck implements Check {

    private static final Set<String> IN_PROGRESS = Set.of("creating", "updating", "upgrading", "starting", "stopping",
            "scaling", "migrating", "deleting", "canceling");

    @Override
    public CheckId id() {
        return CheckId.CLUSTER_STATE;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        String state = c.provisioningState() == null ? "Unknown" : c.provisioningState();
        String power = c.powerState() == null ? "Running" : c.powerState();
        List<Evidence> evidence = List.of(Evidence.of("provisioningState " + state + ", powerState "
                + (c.powerState() == null ? "(not reported)" : c.powerState()), c.id()));
        if ("stopped".equalsIgnoreCase(power)) {
            return Findings.fail(id(), "The cluster is stopped", evidence,
                    "A stopped cluster has no API server to connect to: start the cluster and retry the operation.",
                    Docs.START_STOP, action(NextAction.START_CLUSTER));
        }
        String lower = state.toLowerCase(Locale.ROOT);
        if (lower.equals("failed")) {
            List<InnerErrors.ArmError> errors = InnerErrors.innermost(c.provisioningError());
            List<Evidence> withError = new java.util.ArrayList<>(evidence);
            errors.forEach(e -> withError.add(Evidence.of("provisioningError " + e.code()
                    + (e.message() == null ? "" : ": " + shorten(e.message())), c.id())));
            return Findings.fail(id(), "The cluster is in a Failed state"
                    + (errors.isEmpty() ? "" : " (" + errors.get(0).code() + ")"), withError,
                    "Fix the cause of the failed operation, then reconcile the cluster (a PUT of the same model).",
                    Docs.FAILED_STATE, action(NextAction.RECONCILE_CLUSTER),
                    action(NextAction.WATCH_CLUSTER))
                    .withCodes(errors.stream().map(InnerErrors.ArmError::code).distinct().toList());
        }
        if (IN_PROGRESS.contains(lower)) {
            return Findings.warn(id(), "An operation is in progress (" + state + ")", evidence,
                    "The API server may refuse connections until the operation ends; wait for it and re-check.",
                    Docs.START_STOP, action(NextAction.WATCH_CLUSTER), action(NextAction.RERUN_CHECKS));
        }
        if (lower.equals("succeeded")) {
            return new Finding(id(), Outcome.PASS, "The cluster is Succeeded and " + power, evidence,
                    "If the failure happened while the cluster was being created or started it was probably "
                            + "transient: retry the operation.",
                    Docs.API_SERVER_CONN_FAIL, List.of(action(NextAction.RERUN_CHECKS)));
        }
        return Findings.warn(id(), "Unexpected provisioning state " + state, evidence,
                "Check the cluster in the portal; reconcile it if it stays in this state.", Docs.FAILED_STATE,
                action(NextAction.RECONCILE_CLUSTER));
    }

    static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
