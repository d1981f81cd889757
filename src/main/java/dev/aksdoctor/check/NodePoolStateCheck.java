package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ClusterFacts;
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
        for (AgentPoolFacts p : c.agentPools()) {
            evidence.add(Evidence.of(p.name() + " (" + p.osType() + ", " + p.vmSize() + " × " + p.count() + "): "
                    + p.provisioningState() + (p.powerState() == null ? "" : ", " + p.powerState()),
                    c.id() + "/agentPools/" + p.name()));
            if ("Failed".equalsIgnoreCase(p.provisioningState())) {
                failed.add(p.name());
                actions.add(SuggestedAction.reconcilePool(p.name()));
            } else if ("Stopped".equalsIgnoreCase(p.powerState())) {
                stopped.add(p.name());
            }
        }
        if (!failed.isEmpty()) {
            return new Finding(id(), Outcome.FAIL, "Node pool " + String.join(", ", failed) + " is in a Failed state",
                    evidence, "Fix the cause shown by the failed operation (Activity Log, CSE status), then reconcile "
                            + "the pool (az aks nodepool update with no changes).",
                    Docs.FAILED_STATE, actions);
        }
        if (!stopped.isEmpty()) {
            return Findings.warn(id(), "Node pool " + String.join(", ", stopped) + " is stopped", evidence,
                    "Start the pool if its nodes are expected to run (az aks nodepool start).", Docs.START_STOP);
        }
        return Findings.pass(id(), "All " + c.agentPools().size() + " node pools are Succeeded", evidence,
                Docs.FAILED_STATE);
    }
}
