package dev.aksdoctor.action;

import dev.aksdoctor.check.SuggestedAction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The buttons that change Azure. Each needs a confirmation and an operator; {@link #warning} is shown in
 * the confirmation dialog.
 */
public enum WriteAction {
    START_CLUSTER("start_cluster", "Start cluster", "start", List.of(),
            "Starts the stopped cluster: its control plane and node pools come back (this takes several minutes)."),
    RECONCILE_CLUSTER("reconcile_cluster", "Reconcile cluster", "reconcile", List.of(),
            "Re-applies the cluster's current configuration (a PUT of the cluster as it is), which moves a failed "
                    + "cluster back to its goal state. Nodes may be re-imaged if they drifted."),
    RECONCILE_NODE_POOL("reconcile_node_pool", "Reconcile node pool", "reconcile the node pool of", List.of(SuggestedAction.POOL),
            "Re-applies the node pool's current configuration (a PUT of the pool as it is)."),
    ADD_AUTHORIZED_RANGE("add_authorized_range", "Add authorized range", "change the authorized IP ranges of",
            List.of(SuggestedAction.CIDR),
            "Replaces the API server's authorized IP ranges with the list below."),
    ROTATE_CERTIFICATES("rotate_certificates", "Rotate certificates", "rotate the certificates of", List.of(),
            ":warning: The API server restarts and every node is re-imaged: expect up to 30 minutes of disruption. "
                    + "Do this in a maintenance window; kubeconfig files must be fetched again afterwards."),
    REIMAGE_INSTANCE("reimage_instance", "Reimage instance", "reimage a node of",
            List.of(SuggestedAction.SCALE_SET, SuggestedAction.INSTANCE_ID),
            "Reimages the failed scale set instance: its OS disk is rebuilt from the node image and it rejoins "
                    + "the cluster. Pods on it are lost unless they were drained."),
    RUN_NODE_PROBE("run_node_probe", "Run node connectivity test", "run the node connectivity test on", List.of(),
            "Runs a fixed, read-only test script on one node through VMSS run-command (DNS, TCP 443 and TLS to "
                    + "the API server). Run-command executes as root on the node, so it is limited to operators.");

    private final String actionId;
    private final String label;
    private final String verb;
    private final List<String> requiredParameters;
    private final String warning;

    WriteAction(String actionId, String label, String verb, List<String> requiredParameters, String warning) {
        this.actionId = actionId;
        this.label = label;
        this.verb = verb;
        this.requiredParameters = requiredParameters;
        this.warning = warning;
    }

    public static Optional<WriteAction> byActionId(String actionId) {
        return Arrays.stream(values()).filter(a -> a.actionId.equals(actionId)).findFirst();
    }

    public String actionId() {
        return actionId;
    }

    public String label() {
        return label;
    }

    /** Completes "may …": e.g. "rotate the certificates of". */
    public String verb() {
        return verb;
    }

    public List<String> requiredParameters() {
        return requiredParameters;
    }

    public String warning() {
        return warning;
    }
}
