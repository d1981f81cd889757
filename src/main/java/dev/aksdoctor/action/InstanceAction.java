package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.reply.ActionPayload;
import java.util.List;

/**
 * A write on one scale set instance of the cluster. The target is re-derived from the cluster before ARM is
 * called ({@link ClusterInstance#verified}): a scale set that is not one of its node pools is refused.
 */
interface InstanceAction extends WriteAction {

    ArmGateway arm();

    /** Performs the write on the verified instance; answers the sentence the thread announces. */
    String perform(ClusterInstance instance);

    @Override
    default List<String> requiredParameters() {
        return ClusterInstance.requiredParameters();
    }

    @Override
    default String target(ActionPayload payload) {
        return ClusterInstance.target(payload);
    }

    @Override
    default List<String> details(ActionPayload payload) {
        return ClusterInstance.details(payload);
    }

    @Override
    default String perform(Confirmed confirmed) {
        return perform(ClusterInstance.verified(arm(), confirmed));
    }
}
