package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
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
        return List.of(SuggestedAction.SCALE_SET, SuggestedAction.INSTANCE_ID);
    }

    @Override
    public String target(ActionPayload payload) {
        return payload.parameter(SuggestedAction.SCALE_SET)
                .map(scaleSet -> payload.clusterId() + " vmss " + scaleSet + " instance "
                        + payload.parameter(SuggestedAction.INSTANCE_ID).orElse("?"))
                .orElse(payload.clusterId());
    }

    @Override
    public List<String> details(ActionPayload payload) {
        return payload.parameter(SuggestedAction.SCALE_SET).map(s -> List.of("*Scale set:* `" + s + "`, instance `"
                + payload.parameter(SuggestedAction.INSTANCE_ID).orElse("?") + "`")).orElse(List.of());
    }

    @Override
    public String perform(Confirmed confirmed) {
        ActionPayload p = confirmed.payload();
        String scaleSet = p.parameter(SuggestedAction.SCALE_SET).orElseThrow(() -> new ActionRefused("no scale set named"));
        String instance = p.parameter(SuggestedAction.INSTANCE_ID).orElseThrow(() -> new ActionRefused("no instance named"));
        ClusterFacts facts = arm.cluster(confirmed.cluster());
        if (facts.nodeResourceGroup() == null) {
            throw new ActionRefused("ARM does not report the cluster's node resource group");
        }
        // Only the cluster's own node resource group: a value naming another group is never reimaged.
        arm.reimageInstance(confirmed.cluster().subscriptionId(), facts.nodeResourceGroup(), scaleSet, instance);
        return "Instance " + instance + " of " + scaleSet + " was reimaged.";
    }
}
