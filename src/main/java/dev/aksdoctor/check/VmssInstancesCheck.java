package dev.aksdoctor.check;

import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.ScaleSetFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * A node pool's scale set or its instances in a Failed provisioning state (seed 004: scenario 2 updates or
 * reimages a failed instance; scenario 3 checks the scale set itself, which the pool's reconcile re-applies).
 */
@ApplicationScoped
public class VmssInstancesCheck implements Check {

    private static final int MAX_LISTED = 5;

    @Override
    public CheckId id() {
        return CheckId.VMSS_INSTANCES;
    }

    @Override
    public Finding run(CheckContext context) {
        List<Evidence> failedSets = new ArrayList<>();
        List<Evidence> failedInstances = new ArrayList<>();
        List<SuggestedAction> actions = new ArrayList<>();
        List<String> failedNames = new ArrayList<>();
        int total = 0;
        for (ScaleSetFacts s : scaleSetsToCheck(context)) {
            if ("Failed".equalsIgnoreCase(s.provisioningState())) {
                failedSets.add(Evidence.of("scale set " + s.name() + " is Failed"
                        + (s.poolName() == null ? "" : " (node pool " + s.poolName() + ")"), s.id()));
                if (s.poolName() != null) {
                    actions.add(SuggestedAction.reconcilePool(s.poolName()));
                }
            }
            for (InstanceFacts i : context.facts().instances(s.name())) {
                total++;
                if ("Failed".equalsIgnoreCase(i.provisioningState()) && failedInstances.size() < MAX_LISTED) {
                    failedInstances.add(Evidence.of((i.computerName() == null ? "" : i.computerName() + ": ")
                            + s.name() + " instance " + i.instanceId() + " is Failed"
                            + (i.powerState() == null ? "" : " (" + i.powerState() + ")"), i.id()));
                    failedNames.add(i.computerName() != null ? i.computerName() : s.name() + "_" + i.instanceId());
                    actions.add(SuggestedAction.updateInstance(s.name(), i.instanceId()));
                    actions.add(SuggestedAction.reimage(s.name(), i.instanceId()));
                }
            }
        }
        if (!failedSets.isEmpty() || !failedInstances.isEmpty()) {
            List<Evidence> evidence = new ArrayList<>(failedSets);
            evidence.addAll(failedInstances);
            List<String> what = new ArrayList<>();
            List<String> remedy = new ArrayList<>();
            if (!failedSets.isEmpty()) {
                what.add(failedSets.size() + " scale set(s)");
                remedy.add("Reconcile the node pool: AKS re-applies the "
                        + "pool's model to its scale set.");
            }
            if (!failedInstances.isEmpty()) {
                what.add(failedNames.size() == 1 ? "Node " + failedNames.get(0)
                        : failedNames.size() + " nodes (" + String.join(", ", failedNames) + ")");
                remedy.add("Update the instance to retry its last operation (it keeps the disk), or reimage it if "
                        + "that does not help.");
            }
            return new Finding(id(), Outcome.FAIL, String.join(" and ", what) + " in a Failed state", evidence,
                    String.join(" ", remedy), Docs.FAILED_STATE, actions);
        }
        return Findings.pass(id(), "No failed scale set, and no failed instances among " + total, List.of(),
                Docs.FAILED_STATE);
    }

    private static List<ScaleSetFacts> scaleSetsToCheck(CheckContext context) {
        String named = context.diagnosis().vmss();
        List<ScaleSetFacts> all = context.facts().scaleSets();
        if (named != null) {
            List<ScaleSetFacts> match = all.stream().filter(s -> s.name().equalsIgnoreCase(named)).toList();
            if (!match.isEmpty()) {
                return match;
            }
        }
        return all;
    }
}
