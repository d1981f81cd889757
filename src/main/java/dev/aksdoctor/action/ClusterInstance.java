package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.reply.ActionPayload;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scale set instance a button names, re-derived before ARM is asked to touch it: the button's value is not
 * trusted, so the scale set must be one of the cluster's node pools, found in the cluster's own node resource group.
 */
record ClusterInstance(String subscriptionId, String nodeResourceGroup, String scaleSet, String instanceId) {

    private static final Pattern INSTANCE_ID = Pattern.compile("[0-9]{1,9}");

    static List<String> requiredParameters() {
        return List.of(SuggestedAction.SCALE_SET, SuggestedAction.INSTANCE_ID);
    }

    static String target(ActionPayload payload) {
        return payload.parameter(SuggestedAction.SCALE_SET)
                .map(scaleSet -> payload.clusterId() + " vmss " + scaleSet + " instance "
                        + payload.parameter(SuggestedAction.INSTANCE_ID).orElse("?"))
                .orElse(payload.clusterId());
    }

    static List<String> details(ActionPayload payload) {
        return payload.parameter(SuggestedAction.SCALE_SET).map(s -> List.of("*Scale set:* `" + s + "`, instance `"
                + payload.parameter(SuggestedAction.INSTANCE_ID).orElse("?") + "`")).orElse(List.of());
    }

    static ClusterInstance verified(ArmGateway arm, WriteAction.Confirmed confirmed) {
        ActionPayload p = confirmed.payload();
        String scaleSet = p.parameter(SuggestedAction.SCALE_SET).orElseThrow(() -> new ActionRefused("no scale set named"));
        String instance = p.parameter(SuggestedAction.INSTANCE_ID).orElseThrow(() -> new ActionRefused("no instance named"));
        if (!INSTANCE_ID.matcher(instance).matches()) {
            throw new ActionRefused("'" + instance + "' is not a scale set instance id");
        }
        ClusterFacts facts = arm.cluster(confirmed.cluster());
        if (facts.nodeResourceGroup() == null) {
            throw new ActionRefused("ARM does not report the cluster's node resource group");
        }
        Set<String> pools = facts.agentPools().stream().map(pool -> pool.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        boolean ours = arm.scaleSets(confirmed.cluster().subscriptionId(), facts.nodeResourceGroup()).stream()
                .anyMatch(set -> set.name().equalsIgnoreCase(scaleSet) && set.poolName() != null
                        && pools.contains(set.poolName().toLowerCase(Locale.ROOT)));
        if (!ours) {
            throw new ActionRefused("scale set " + scaleSet + " is not a node pool of " + confirmed.cluster().displayName());
        }
        return new ClusterInstance(confirmed.cluster().subscriptionId(), facts.nodeResourceGroup(), scaleSet, instance);
    }
}
