package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.reply.ActionPayload;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** "Reconcile node pool": a PUT of one node pool as it is. */
@ApplicationScoped
public class ReconcileNodePool implements WriteAction {

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
    public List<String> requiredParameters() {
        return List.of(SuggestedAction.POOL);
    }

    @Override
    public String target(ActionPayload payload) {
        return payload.parameter(SuggestedAction.POOL).map(pool -> payload.clusterId() + "/agentPools/" + pool)
                .orElse(payload.clusterId());
    }

    @Override
    public List<String> details(ActionPayload payload) {
        return payload.parameter(SuggestedAction.POOL).map(p -> List.of("*Node pool:* `" + p + "`")).orElse(List.of());
    }

    @Override
    public String perform(Confirmed confirmed) {
        String pool = confirmed.payload().parameter(SuggestedAction.POOL)
                .orElseThrow(() -> new ActionRefused("no node pool named"));
        arm.reconcileAgentPool(confirmed.cluster(), pool);
        return "Node pool " + pool + " was reconciled.";
    }
}
