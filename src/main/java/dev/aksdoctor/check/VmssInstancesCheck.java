package dev.aksdoctor.check;

import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.ScaleSetFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Scale set instances in a Failed provisioning state (seed 004, scenario 2: update or reimage them). */
@ApplicationScoped
public class VmssInstancesCheck implements Check {

    private static final int MAX_LISTED = 5;

    @Override
    public CheckId id() {
        return CheckId.VMSS_INSTANCES;
    }

    @Override
    public Finding run(CheckContext context) {
        List<Evidence> evidence = new ArrayList<>();
        List<SuggestedAction> actions = new ArrayList<>();
        int total = 0;
        for (ScaleSetFacts s : scaleSetsToCheck(context)) {
            for (InstanceFacts i : context.facts().instances(s.name())) {
                total++;
                if ("Failed".equalsIgnoreCase(i.provisioningState()) && evidence.size() < MAX_LISTED) {
                    evidence.add(Evidence.of(s.name() + " instance " + i.instanceId() + " is Failed"
                            + (i.powerState() == null ? "" : " (" + i.powerState() + ")"), i.id()));
                    actions.add(SuggestedAction.reimage(s.name(), i.instanceId()));
                }
            }
        }
        if (!evidence.isEmpty()) {
            return new Finding(id(), Outcome.FAIL, evidence.size() + " node instance(s) in a Failed state", evidence,
                    "Update the instance (az vmss update-instances) to retry its last operation, or reimage it if "
                            + "that does not help.",
                    Docs.FAILED_STATE, actions);
        }
        return Findings.pass(id(), "No failed instances among " + total, List.of(), Docs.FAILED_STATE);
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
