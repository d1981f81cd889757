package dev.aksdoctor.check;

import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Node pool provisioning and power states; a Failed pool is reconciled. */
@ApplicationScoped
public class NodePoolStateCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NODE_POOL_STATE;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        List<Evidence> evidence = new ArrayList<>();
        List<SuggestedAction> actions = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (AgentPoolFacts p : c.agentPools()) {
            evidence.add(Evidence.of(p.name() + " (" + p.osType() + ", " + p.vmSize() + " × " + p.count() + "): "
                    + p.provisioningState() + (p.powerState() == null ? "" : ", " + p.powerState()),
                    c.id() + "/agentPools/" + p.name()));
            if ("Failed".equalsIgnoreCase(p.provisioningState())) {
                List<InnerErrors.ArmError> errors = InnerErrors.innermost(p.provisioningError());
                failed.add(p.name() + (errors.isEmpty() ? "" : " (" + errors.get(0).code() + ")"));
                errors.forEach(e -> {
                    evidence.add(Evidence.of(p.name() + " provisioningError " + e.code()
                            + (e.message() == null ? "" : ": " + ClusterStateCheck.shorten(e.message())),
                            c.id() + "/agentPools/" + p.name()));
                    if (!codes.contains(e.code())) {
                        codes.add(e.code());
                    }
                });
                actions.add(SuggestedAction.reconcilePool(p.name()));
            } else if ("Stopped".equalsIgnoreCase(p.powerState())) {
                stopped.add(p.name());
                actions.add(SuggestedAction.startPool(p.name()));
            }
        }
        if (!failed.isEmpty()) {
            return new Finding(id(), Outcome.FAIL, "Node pool " + String.join(", ", failed) + " is in a Failed state",
                    evidence, "Fix the cause of the failed operation, then reconcile the node pool (AKS re-applies "
                            + "its model as it is).",
                    Docs.FAILED_STATE, actions, codes);
        }
        if (!stopped.isEmpty()) {
            return Findings.warn(id(), "Node pool " + String.join(", ", stopped) + " is stopped", evidence,
                    "Start the node pool if its nodes are expected to run.", Docs.START_STOP,
                    actions.toArray(new SuggestedAction[0]));
        }
        return Findings.pass(id(), "All " + c.agentPools().size() + " node pools are Succeeded", evidence,
                Docs.FAILED_STATE);
    }
}
