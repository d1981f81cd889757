package dev.aksdoctor.action;

import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ActionPayload;
import java.util.List;

/**
 * One button that changes Azure (or runs a command on a node). The shared flow (operator and scope guard,
 * confirmation dialog, audit, announcements) is {@code command/OfferWriteAction}, {@code RunConfirmedAction} and
 * {@code PerformWriteAction}; an implementation says only what it changes and how. Collected with {@code @All}.
 */
public interface WriteAction extends NextActionHandler {

    /** Completes "may …" and "Do you want to …": e.g. "rotate the certificates of". */
    String verb();

    /** What the confirmation dialog warns about. */
    String warning();

    /** The {@link dev.aksdoctor.check.SuggestedAction} parameters the button must carry. */
    default List<String> requiredParameters() {
        return List.of();
    }

    /** The resource acted on, for the audit log: the cluster, unless the action names a narrower one. */
    default String target(ActionPayload payload) {
        return payload.clusterId();
    }

    /** Detail lines the confirmation dialog shows besides the warning (e.g. the node pool). */
    default List<String> details(ActionPayload payload) {
        return List.of();
    }

    /**
     * Calls ARM once and says what happened. Throws {@link dev.aksdoctor.azure.ArmException} when ARM refuses, or
     * {@link ActionRefused} when the confirmed inputs are missing or no longer hold.
     */
    String perform(Confirmed confirmed);

    /** A confirmed, authorised request to run an action on {@code cluster}. */
    record Confirmed(ClusterRef cluster, ActionPayload payload, String actor, String channel, String threadTs,
            String shownDigest) {
    }
}
