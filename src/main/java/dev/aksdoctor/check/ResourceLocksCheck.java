package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.LockFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Locks on the node resource group: AKS must create, update and delete resources there. */
@ApplicationScoped
public class ResourceLocksCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.RESOURCE_LOCKS;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        List<LockFacts> locks = context.facts().locks(c.nodeResourceGroup());
        if (locks.isEmpty()) {
            return Findings.pass(id(), "No locks on " + c.nodeResourceGroup(), List.of(), Docs.LOCKS);
        }
        List<Evidence> evidence = new ArrayList<>();
        locks.forEach(l -> evidence.add(Evidence.of("lock " + l.name() + " (" + l.level() + ")"
                + (l.notes() == null ? "" : ": " + l.notes()), l.id())));
        return Findings.fail(id(), locks.size() + " lock(s) on the node resource group " + c.nodeResourceGroup(),
                evidence, "Locks stop AKS from deleting or updating node resources (scale-down, upgrade): remove them "
                        + "from the node resource group, then reconcile.", Docs.LOCKS,
                Findings.action(NextAction.RECONCILE_CLUSTER));
    }
}
