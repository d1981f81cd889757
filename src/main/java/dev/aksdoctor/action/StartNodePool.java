package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import jakarta.enterprise.context.ApplicationScoped;

/** "Start node pool": a stopped pool's nodes come back (a PUT of the pool with power state Running). */
@ApplicationScoped
public class StartNodePool implements NodePoolAction {

    private final ArmGateway arm;

    public StartNodePool(ArmGateway arm) {
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.START_NODE_POOL;
    }

    @Override
    public String verb() {
        return "start a node pool of";
    }

    @Override
    public String warning() {
        return "Starts the stopped node pool: its nodes are created again and join the cluster (several minutes).";
    }

    @Override
    public String perform(Confirmed confirmed, String pool) {
        arm.startAgentPool(confirmed.cluster(), pool);
        return "Node pool " + pool + " is starting; its nodes take a few minutes to be Ready.";
    }
}
