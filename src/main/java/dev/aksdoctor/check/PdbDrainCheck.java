package dev.aksdoctor.check;

import dev.aksdoctor.azure.ActivityEventFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * PDB-blocked drains as far as ARM shows them (the failed upgrade's PodDrainFailure); the PDBs themselves
 * live in the cluster, which AKS Doctor does not reach.
 */
@ApplicationScoped
public class PdbDrainCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.PDB_DRAIN;
    }

    @Override
    public Finding run(CheckContext context) {
        List<ActivityEventFacts> drains = context.facts().failedOperations().stream()
                .filter(e -> mentionsDrain(e.errorCode()) || mentionsDrain(e.details()))
                .toList();
        if (drains.isEmpty()) {
            return Findings.pass(id(), "No drain failures in the Activity Log", List.of(), Docs.POD_DRAIN);
        }
        ActivityEventFacts e = drains.get(0);
        return Findings.fail(id(), "A node drain failed: a PodDisruptionBudget blocked eviction",
                List.of(Evidence.of(e.timestamp() + " " + e.operationName() + ": " + e.errorCode()
                        + (e.errorMessage() == null ? "" : " — " + e.errorMessage()), e.resourceId())),
                "Find the PDB (kubectl get pdb -A: ALLOWED DISRUPTIONS 0), relax or remove it temporarily, then "
                        + "reconcile.", Docs.POD_DRAIN, Findings.action(NextAction.RECONCILE_CLUSTER));
    }

    private static boolean mentionsDrain(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("poddrainfailure") || t.contains("drain") && t.contains("disruption");
    }
}
