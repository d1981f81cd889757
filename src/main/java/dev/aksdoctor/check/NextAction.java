package dev.aksdoctor.check;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The buttons a reply can offer, one vocabulary: each carries its Slack {@code action_id}, its label, its style
 * and whether it changes Azure. Every constant has exactly one handler (a button route or a write action); a test
 * holds that.
 *
 * <p>The button label may name a parameter: {@code {pool}} is replaced by the {@link SuggestedAction} parameter,
 * {@code {cidr|range}} falls back to "range" when the parameter is missing.
 */
public enum NextAction {
    RERUN_CHECKS("rerun_checks", "Re-run checks", "Re-run checks", Style.DEFAULT, false),
    RUN_NODE_PROBE("run_node_probe", "Run node connectivity test", "Run node connectivity test", Style.DEFAULT, true),
    SHOW_NSG_RULES("show_nsg_rules", "Show matching NSG rules", "Show matching NSG rules", Style.DEFAULT, false),
    SHOW_ROUTES("show_routes", "Show routes", "Show routes", Style.DEFAULT, false),
    START_CLUSTER("start_cluster", "Start cluster", "Start cluster", Style.PRIMARY, true),
    RECONCILE_CLUSTER("reconcile_cluster", "Reconcile cluster", "Reconcile cluster", Style.DEFAULT, true),
    RECONCILE_NODE_POOL("reconcile_node_pool", "Reconcile node pool", "Reconcile node pool {pool}", Style.DEFAULT, true),
    ADD_AUTHORIZED_RANGE("add_authorized_range", "Add authorized range", "Add {cidr|range} to authorized ranges",
            Style.PRIMARY, true),
    ROTATE_CERTIFICATES("rotate_certificates", "Rotate certificates", "Rotate certificates", Style.DANGER, true),
    REIMAGE_INSTANCE("reimage_instance", "Reimage instance", "Reimage instance {instanceId}", Style.DANGER, true),
    /** Non-destructive: brings one instance to the scale set's model (manualUpgrade), keeping its disk. */
    UPDATE_INSTANCE("update_instance", "Update instance", "Update instance {instanceId}", Style.PRIMARY, true),
    START_NODE_POOL("start_node_pool", "Start node pool", "Start node pool {pool}", Style.PRIMARY, true),
    /** Read-only: runs the AKS detectors of the category in the {@code category} parameter and posts their insights. */
    RUN_DETECTORS("run_detectors", "Run AKS detectors", "Run AKS detectors", Style.DEFAULT, false),
    WATCH_CLUSTER("watch_cluster", "Watch this cluster", "Watch this cluster", Style.DEFAULT, false),
    MARK_RESOLVED("mark_resolved", "Mark resolved", "Mark resolved", Style.DEFAULT, false),
    /** Offered when the investigation could not locate its cluster. */
    PICK_CLUSTER("pick_cluster", "Pick the cluster", "Pick the cluster", Style.PRIMARY, false),
    /** Offered by digests and alerts: a health investigation of one watched cluster. */
    DIAGNOSE_CLUSTER("diagnose_cluster", "Diagnose", "Diagnose", Style.DEFAULT, false);

    /** Slack's button styles; DEFAULT sends none. */
    public enum Style {
        DEFAULT(null),
        PRIMARY("primary"),
        DANGER("danger");

        private final String slackValue;

        Style(String slackValue) {
            this.slackValue = slackValue;
        }

        /** The value of the button's {@code style} field, or empty for Slack's default. */
        public Optional<String> slackValue() {
            return Optional.ofNullable(slackValue);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?:\\|([^}]*))?}");

    private final String id;
    private final String label;
    private final String buttonLabel;
    private final Style style;
    private final boolean writes;

    NextAction(String id, String label, String buttonLabel, Style style, boolean writes) {
        this.id = id;
        this.label = label;
        this.buttonLabel = buttonLabel;
        this.style = style;
        this.writes = writes;
    }

    /** The button's Slack {@code action_id}, e.g. {@code add_authorized_range}. */
    public String id() {
        return id;
    }

    /** The action's name in dialogs, announcements and the audit log, e.g. "Add authorized range". */
    public String label() {
        return label;
    }

    /** The button's text for these parameters, e.g. "Reconcile node pool nodepool1". */
    public String buttonLabel(Map<String, String> parameters) {
        Matcher m = PLACEHOLDER.matcher(buttonLabel);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fallback = m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(parameters.getOrDefault(m.group(1), fallback)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public Style style() {
        return style;
    }

    /** True when the action changes Azure (or runs a command on a node): confirmation and an operator required. */
    public boolean writes() {
        return writes;
    }

    public static Optional<NextAction> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
