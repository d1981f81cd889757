package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import jakarta.enterprise.context.ApplicationScoped;

/** "Reimage instance": a failed scale set instance is rebuilt from the node image and rejoins. */
@ApplicationScoped
public class ReimageInstance implements InstanceAction {

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
    public ArmGateway arm() {
        return arm;
    }

    @Override
    public String perform(ClusterInstance i) {
        arm.reimageInstance(i.subscriptionId(), i.nodeResourceGroup(), i.scaleSet(), i.instanceId());
        return "Instance " + i.instanceId() + " of " + i.scaleSet() + " was reimaged.";
    }
}
