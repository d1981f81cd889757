package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.reply.ActionPayload;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** "Reimage instance": a failed scale set instance is rebuilt from the node image and rejoins. */
@ApplicationScoped
public class ReimageInstance implements WriteAction {

    private static final Pattern INSTANCE_ID = Pattern.compile("[0-9]{1,9}");

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
        if (!INSTANCE_ID.matcher(instance).matches()) {
            throw new ActionRefused("'" + instance + "' is not a scale set instance id");
        }
        // The button's value is not trusted: the scale set must be one of this cluster's node pools, found in the
        // cluster's own node resource group, before ARM is asked to reimage anything.
        Set<String> pools = facts.agentPools().stream().map(pool -> pool.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        boolean ours = arm.scaleSets(confirmed.cluster().subscriptionId(), facts.nodeResourceGroup()).stream()
                .anyMatch(set -> set.name().equalsIgnoreCase(scaleSet) && set.poolName() != null
                        && pools.contains(set.poolName().toLowerCase(Locale.ROOT)));
        if (!ours) {
            throw new ActionRefused("scale set " + scaleSet + " is not a node pool of " + confirmed.cluster().displayName());
        }
        arm.reimageInstance(confirmed.cluster().subscriptionId(), facts.nodeResourceGroup(), scaleSet, instance);
        return "Instance " + instance + " of " + scaleSet + " was reimaged.";
    }
}
