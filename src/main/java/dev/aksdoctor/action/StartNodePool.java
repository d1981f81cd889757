package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.reply.ActionPayload;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** "Start node pool": a stopped pool's nodes come back (a PUT of the pool with power state Running). */
@ApplicationScoped
public class StartNodePool implements WriteAction {

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
        arm.startAgentPool(confirmed.cluster(), pool);
        return "Node pool " + pool + " is starting; its nodes take a few minutes to be Ready.";
    }
}
