package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import jakarta.enterprise.context.ApplicationScoped;

/** "Reconcile cluster": a PUT of the cluster as it is, which moves a failed cluster back to its goal state. */
@ApplicationScoped
public class ReconcileCluster implements WriteAction {

    private final ArmGateway arm;

    public ReconcileCluster(ArmGateway arm) {
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.RECONCILE_CLUSTER;
    }

    @Override
    public String verb() {
        return "reconcile";
    }

    @Override
    public String warning() {
        return "Re-applies the cluster's current configuration (a PUT of the cluster as it is), which moves a failed "
                + "cluster back to its goal state. Nodes may be re-imaged if they drifted.";
    }

    @Override
    public String perform(Confirmed confirmed) {
        arm.reconcileCluster(confirmed.cluster());
        return "The cluster was reconciled to its goal state.";
    }
}
