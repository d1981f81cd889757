package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * "Update instance": the failed scale set instance is brought to the set's latest model (what
 * {@code az vmss update-instances} does), keeping its OS disk; the non-destructive step before Reimage.
 */
@ApplicationScoped
public class UpdateInstance implements InstanceAction {

    private final ArmGateway arm;

    public UpdateInstance(ArmGateway arm) {
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.UPDATE_INSTANCE;
    }

    @Override
    public String verb() {
        return "update a node of";
    }

    @Override
    public String warning() {
        return "Retries the failed scale set instance's last operation by bringing it to the scale set's model. "
                + "Its disk is kept; the node may restart.";
    }

    @Override
    public ArmGateway arm() {
        return arm;
    }

    @Override
    public String perform(ClusterInstance i) {
        arm.updateInstance(i.subscriptionId(), i.nodeResourceGroup(), i.scaleSet(), i.instanceId());
        return "Instance " + i.instanceId() + " of " + i.scaleSet() + " was updated to the scale set's model. "
                + "If it is still Failed, reimage it.";
    }
}
