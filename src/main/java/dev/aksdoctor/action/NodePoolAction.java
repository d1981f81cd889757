package dev.aksdoctor.action;

import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.reply.ActionPayload;
import java.util.List;

/** A write on one node pool of the cluster, named by the button's {@code pool} parameter. */
interface NodePoolAction extends WriteAction {

    /** Performs the write on {@code pool}; answers the sentence the thread announces. */
    String perform(Confirmed confirmed, String pool);

    @Override
    default List<String> requiredParameters() {
        return List.of(SuggestedAction.POOL);
    }

    @Override
    default String target(ActionPayload payload) {
        return payload.parameter(SuggestedAction.POOL).map(pool -> payload.clusterId() + "/agentPools/" + pool)
                .orElse(payload.clusterId());
    }

    @Override
    default List<String> details(ActionPayload payload) {
        return payload.parameter(SuggestedAction.POOL).map(p -> List.of("*Node pool:* `" + p + "`")).orElse(List.of());
    }

    @Override
    default String perform(Confirmed confirmed) {
        String pool = confirmed.payload().parameter(SuggestedAction.POOL)
                .orElseThrow(() -> new ActionRefused("no node pool named"));
        return perform(confirmed, pool);
    }
}
