package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import jakarta.enterprise.context.ApplicationScoped;

/** "Reconcile node pool": a PUT of one node pool as it is. */
@ApplicationScoped
public class ReconcileNodePool implements NodePoolAction {

    private final ArmGateway arm;

    public ReconcileNodePool(ArmGateway arm) {
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.RECONCILE_NODE_POOL;
    }

    @Override
    public String verb() {
        return "reconcile the node pool of";
    }

    @Override
    public String warning() {
        return "Re-applies the node pool's current configuration (a PUT of the pool as it is).";
    }

    @Override
    public String perform(Confirmed confirmed, String pool) {
        arm.reconcileAgentPool(confirmed.cluster(), pool);
        return "Node pool " + pool + " was reconciled.";
    }
}
