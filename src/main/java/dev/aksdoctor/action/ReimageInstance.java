package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.reply.ActionPayload;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** "Reimage instance": a failed scale set instance is rebuilt from the node image and rejoins. */
@ApplicationScoped
public class ReimageInstance implements WriteAction {

    private final ArmGateway arm;

    public ReimageInstance(ArmGateway arm) {
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.REIMAGE_INSTANCE;
    }

    @Override
    public String verb() {
        return "reimage a node of";
    }

    @Override
    public String warning() {
        return "Reimages the failed scale set instance: its OS disk is rebuilt from the node image and it rejoins "
                + "the cluster. Pods on it are lost unless they were drained.";
    }

    @Override
    public List<String> requiredParameters() {
        return ClusterInstance.requiredParameters();
    }

    @Override
    public String target(ActionPayload payload) {
        return ClusterInstance.target(payload);
    }

    @Override
    public List<String> details(ActionPayload payload) {
        return ClusterInstance.details(payload);
    }

    @Override
    public String perform(Confirmed confirmed) {
        ClusterInstance i = ClusterInstance.verified(arm, confirmed);
        arm.reimageInstance(i.subscriptionId(), i.nodeResourceGroup(), i.scaleSet(), i.instanceId());
        return "Instance " + i.instanceId() + " of " + i.scaleSet() + " was reimaged.";
    }
}
