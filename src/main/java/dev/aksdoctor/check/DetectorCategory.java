package dev.aksdoctor.check;

import java.util.Arrays;
import java.util.Optional;

/** The AKS detector categories AKS Doctor runs from its button, each one category detector in AKS. */
public enum DetectorCategory {
    CONNECTIVITY("connectivity", "aks-category-connectivity", "Connectivity"),
    NODE_HEALTH("node-health", "aks-category-node-health", "Node health"),
    CRUD("crud", "aks-category-crud", "Create, upgrade, delete and scale");

    private final String parameter;
    private final String detector;
    private final String title;

    DetectorCategory(String parameter, String detector, String title) {
        this.parameter = parameter;
        this.detector = detector;
        this.title = title;
    }

    /** The button parameter ({@link SuggestedAction#CATEGORY}). */
    public String parameter() {
        return parameter;
    }

    /** The category detector's name in AKS, e.g. {@code aks-category-connectivity}. */
    public String detector() {
        return detector;
    }

    public String title() {
        return title;
    }

    /** The button over the last 24 hours. */
    public SuggestedAction action() {
        return SuggestedAction.of(NextAction.RUN_DETECTORS, SuggestedAction.CATEGORY, parameter);
    }

    /**
     * The category whose detectors look at what an error's playbook investigates (the playbook keys of
     * {@code diagnosis/Playbook}): the API server, DNS and outbound paths are connectivity; a node's provisioning
     * script, its instance and its pods' IPs are node health; everything an ARM operation refused or left Failed is
     * create, upgrade, delete and scale.
     */
    public static DetectorCategory forPlaybook(String playbook) {
        switch (playbook) {
            case "api":
            case "kubectl":
            case "dns":
            case "dns-zone":
            case "outbound":
                return CONNECTIVITY;
            case "cse":
            case "generic":
            case "vmss-instance":
            case "pod-ip":
                return NODE_HEALTH;
            default:
                return CRUD;
        }
    }

    public static Optional<DetectorCategory> byParameter(String parameter) {
        return Arrays.stream(values()).filter(c -> c.parameter.equals(parameter)).findFirst();
    }
}
