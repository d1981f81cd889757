package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.aksdoctor.azure.ClusterLocation;
import dev.aksdoctor.check.DetectorCategory;
import dev.aksdoctor.check.DetectorOffer;
import dev.aksdoctor.check.Evidence;
import dev.aksdoctor.check.Finding;
import dev.aksdoctor.check.InvestigationReport;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.Outcome;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.CausalChains;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.OsType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The threaded answer of an investigation: while checks run ("investigating — N checks queued", updated
 * in place) and when they are done (likely cause first, then the other findings grouped by outcome, the
 * values from the paste, next-step buttons and docs). Pure: records in, blocks out; always within Slack's
 * limits however large the investigation.
 */
public final class InvestigationReplyRenderer {

    static final int MAX_EVIDENCE_LINES = 6;
    static final int MAX_ACTION_BUTTONS = 10;
    /** Marks the platform's own verdict (Network Watcher) under a finding. */
    static final String PLATFORM = ":satellite:";

    private InvestigationReplyRenderer() {
    }

    public static String runningText(Diagnosis d, int done, int planned) {
        // Checks that prove what the first ones read join the plan as it runs.
        int total = Math.max(done, planned);
        if (total == 0) {
            return "AKS Doctor is reading the paste: " + title(d);
        }
        return "AKS Doctor is investigating " + title(d) + " — " + done + " of " + total + " checks done";
    }

    /** The reply while checks run. */
    public static List<LayoutBlock> running(Diagnosis d, List<Finding> done, int planned) {
        int total = Math.max(done.size(), planned);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate(title(d), SlackLimits.HEADER_TEXT)))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(whatFailed(d), SlackLimits.SECTION_TEXT)))));
        // No check to run (a client-side error, an unrecognised paste): the answer follows at once.
        String status = total == 0 ? ":hourglass_flowing_sand: Reading the paste…"
                : done.isEmpty() ? ":hourglass_flowing_sand: Investigating — " + total + " checks queued"
                : ":hourglass_flowing_sand: Investigating — " + done.size() + " of " + total + " checks done";
        String lines = done.stream().map(InvestigationReplyRenderer::progressLine).collect(Collectors.joining("\n"));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(
                status + (lines.isEmpty() ? "" : "\n" + lines), SlackLimits.SECTION_TEXT)))));
        return blocks;
    }

    public static String finishedText(Diagnosis d, InvestigationReport report) {
        String cause = report.likelyCause().map(f -> " Likely cause: " + f.title() + ".").orElse("");
        return Mrkdwn.truncate("AKS Doctor: " + title(d) + "." + cause, SlackLimits.MESSAGE_TEXT);
    }

    /** The final reply. */
    public static List<LayoutBlock> finished(long investigationId, Diagnosis d, InvestigationReport report) {
        List<LayoutBlock> blocks = new ArrayList<>();
        ClusterRef cluster = report.location().found().orElse(null);
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate(title(d), SlackLimits.HEADER_TEXT)))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(whatFailed(d), SlackLimits.SECTION_TEXT)))));
        if (!report.access().configured()) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(
                    ":warning: *Azure checks were skipped:* " + Mrkdwn.escape(report.access().detail()),
                    SlackLimits.SECTION_TEXT)))));
        }
        if (report.access().configured()) {
            blocks.addAll(location(investigationId, report.location()));
        }
        Set<String> offered = new LinkedHashSet<>();
        report.likelyCause().ifPresentOrElse(
                cause -> blocks.addAll(likelyCause(investigationId, cluster, cause, report, offered,
                        detectorsLine(cluster, DetectorOffer.of(d, report)))),
                () -> blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(noCauseText(d, report),
                        SlackLimits.SECTION_TEXT))))));
        blocks.addAll(FindingGroupsRenderer.render(report.findings(), report.likelyCause().orElse(null), report.why(),
                report.platform()));
        List<TextObject> fields = DiagnosisReplyRenderer.extractedFields(d);
        if (!fields.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*Found in the paste*")).fields(fields)));
        }
        List<BlockElement> buttons = nextSteps(investigationId, cluster, report, offered, DetectorOffer.of(d, report));
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("next_steps").elements(buttons)));
        }
        if (report.armCalls() > 0 || !report.findings().isEmpty()) {
            String plan = report.findings().stream().map(f -> f.checkId().id()).collect(Collectors.joining(" → "));
            blocks.add(context(c -> c.elements(List.<com.slack.api.model.block.ContextBlockElement>of(markdownText(
                    Mrkdwn.truncate("Checked in order: " + plan + " · " + report.armCalls() + " ARM calls",
                            SlackLimits.SECTION_TEXT))))));
        }
        blocks.addAll(DiagnosisReplyRenderer.docs(d.docs()));
        return blocks.size() > SlackLimits.BLOCKS_PER_MESSAGE ? blocks.subList(0, SlackLimits.BLOCKS_PER_MESSAGE) : blocks;
    }

    /**
     * The error, or for a cluster named without one (a digest's or alert's Diagnose, a bare resource ID) what the
     * health check covers: the parser's "paste the whole error" help is for pastes, not for a button.
     */
    static String whatFailed(Diagnosis d) {
        if (!d.recognized() && d.cluster() != null) {
            return "*Health check of* " + Mrkdwn.code(d.cluster().displayName()) + ": cluster and node pool state, "
                    + "failed operations, scale set instances and the network path to the API server.";
        }
        return "*What failed:* " + Mrkdwn.escape(d.summary());
    }

    static String title(Diagnosis d) {
        return d.recognized() ? d.errorCode() : "AKS cluster health check";
    }

    private static String progressLine(Finding f) {
        return icon(f.outcome()) + " " + Mrkdwn.code(f.checkId().id()) + " " + Mrkdwn.escape(f.title());
    }

    private static List<LayoutBlock> location(long investigationId, ClusterLocation location) {
        if (location.status() == ClusterLocation.Status.FOUND) {
            String text = ":dart: Cluster " + Mrkdwn.code(location.cluster().displayName())
                    + (location.cluster().subscriptionId() == null ? "" : " in subscription " + Mrkdwn.code(location.cluster().subscriptionId()))
                    + " — " + Mrkdwn.escape(location.how());
            return List.of(context(c -> c.elements(List.<com.slack.api.model.block.ContextBlockElement>of(
                    markdownText(Mrkdwn.truncate(text, SlackLimits.SECTION_TEXT))))));
        }
        String candidates = location.candidates().isEmpty() ? ""
                : "\nCandidates: " + location.candidates().stream().limit(5)
                        .map(c -> Mrkdwn.code(c.displayName())).collect(Collectors.joining(", "));
        String text = ":question: *Which cluster?* " + Mrkdwn.escape(location.how()) + candidates
                + "\nPick it, or set a channel default with `/aks-doctor use <resource ID>`.";
        ActionPayload payload = new ActionPayload(investigationId, null, Map.of());
        return List.of(
                section(s -> s.text(markdownText(Mrkdwn.truncate(text, SlackLimits.SECTION_TEXT)))),
                actions(a -> a.blockId(NextAction.PICK_CLUSTER.id()).elements(List.of(
                        NextActionButtons.button(NextAction.PICK_CLUSTER, Map.of(), payload)))));
    }

    private static List<LayoutBlock> likelyCause(long investigationId, ClusterRef cluster, Finding cause,
            InvestigationReport report, Set<String> offered, Optional<String> detectors) {
        StringBuilder text = new StringBuilder(":rotating_light: *Likely cause — ")
                .append(Mrkdwn.escape(cause.title())).append("*");
        if (!report.why().isEmpty()) {
            text.append("\n*Why:* ").append(Mrkdwn.escape(Mrkdwn.truncate(whyChain(cause, report.why()), 900)));
        }
        appendEvidence(text, cause.evidence());
        report.platformLines(cause.checkId()).forEach(line -> text.append("\n").append(PLATFORM).append(" ")
                .append(Mrkdwn.escape(line)));
        unexplainedProbe(cause, report).ifPresent(line -> text.append("\n").append(line));
        detectors.ifPresent(line -> text.append("\n").append(line));
        if (cause.remedy() != null) {
            text.append("\n*Fix:* ").append(Mrkdwn.escape(cause.remedy()));
        }
        if (cause.docLink() != null) {
            text.append("\n").append(Mrkdwn.link(cause.docLink().url(), cause.docLink().title()));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.blockId("likely_cause").text(markdownText(Mrkdwn.truncate(text.toString(), SlackLimits.SECTION_TEXT)))));
        // One button per action_id in the whole message (Slack rejects repeats within a block, and two
        // "Add … to authorized ranges" side by side read as one promise twice).
        List<BlockElement> buttons = cause.actions().stream()
                .filter(a -> offerable(a, report, Optional.empty()))
                .filter(a -> offered.add(NextActionButtons.actionId(a.action())))
                .map(a -> NextActionButtons.button(investigationId, cluster, a))
                .flatMap(java.util.Optional::stream)
                .limit(5)
                .collect(Collectors.toList());
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("likely_cause_actions").elements(buttons)));
        }
        return blocks;
    }

    private static void appendEvidence(StringBuilder text, List<Evidence> evidence) {
        int shown = 0;
        for (Evidence e : evidence) {
            if (shown == MAX_EVIDENCE_LINES) {
                text.append("\n• … and ").append(evidence.size() - shown).append(" more");
                break;
            }
            text.append("\n• ").append(Mrkdwn.escape(e.text()));
            if (e.resourceId() != null) {
                text.append(" (").append(Mrkdwn.code(shortId(e.resourceId()))).append(")");
            }
            shown++;
        }
    }

    /** "this → what it explains → …", the symptom chain under the likely cause. */
    static String whyChain(Finding cause, List<Finding> why) {
        StringBuilder b = new StringBuilder("this");
        for (Finding symptom : why) {
            b.append(" → ").append(symptom.title());
        }
        return b.toString();
    }

    /** A probe failure that no Azure setting explains: say so, and where to look instead. */
    static Optional<String> unexplainedProbe(Finding cause, InvestigationReport report) {
        if (!CausalChains.PROBES.contains(cause.checkId()) || !report.why().isEmpty()) {
            return Optional.empty();
        }
        Set<CheckId> explainers = CausalChains.explainers(cause.checkId());
        List<Finding> read = report.findings().stream().filter(f -> explainers.contains(f.checkId())).toList();
        List<String> unread = read.stream().filter(f -> f.outcome() == Outcome.ERROR || f.outcome() == Outcome.SKIPPED)
                .map(f -> f.checkId().id()).toList();
        String checked = read.stream().filter(f -> f.outcome() == Outcome.PASS || f.outcome() == Outcome.WARN)
                .map(f -> f.checkId().id()).collect(Collectors.joining(", "));
        StringBuilder b = new StringBuilder(":mag: *Nothing in Azure explains it*");
        if (!checked.isEmpty()) {
            b.append(" (").append(checked).append(" look right)");
        }
        b.append(" — look at the path beyond the VNet: an on-premises firewall, a DNS forwarder or a proxy.");
        if (!unread.isEmpty()) {
            b.append(" Could not check ").append(String.join(", ", unread)).append('.');
        }
        return Optional.of(b.toString());
    }

    /** No likely cause: say whether that is because everything looked right or because things could not be checked. */
    static String noCauseText(Diagnosis d, InvestigationReport report) {
        if (!report.access().configured() || report.location().status() != ClusterLocation.Status.FOUND) {
            return ":information_source: No Azure-side cause could be checked yet.";
        }
        List<Finding> unchecked = report.findings().stream()
                .filter(f -> f.outcome() == Outcome.ERROR
                        || f.outcome() == Outcome.SKIPPED && !CausalChains.PROBES.contains(f.checkId()))
                .toList();
        long warnings = report.findings().stream().filter(f -> f.outcome() == Outcome.WARN).count();
        StringBuilder b = new StringBuilder();
        Optional<Finding> transientState = transientConclusion(d, report);
        if (transientState.isPresent()) {
            b.append(":white_check_mark: *").append(Mrkdwn.escape(transientState.get().title()))
                    .append(": the failure was transient — retry the operation.* ")
                    .append("Nothing in the Azure configuration I checked blocks the nodes from the API server.");
        } else if (unchecked.isEmpty()) {
            b.append(":white_check_mark: *No failing check: the configuration looks right.*");
        } else {
            b.append(":grey_question: *No failing check among what I could read.*");
        }
        if (!unchecked.isEmpty()) {
            b.append("\n*Could not check ").append(unchecked.size()).append(unchecked.size() == 1 ? " thing" : " things")
                    .append(":* ").append(unchecked.stream().limit(6)
                            .map(f -> Mrkdwn.code(f.checkId().id()) + " (" + Mrkdwn.escape(f.title()) + ")")
                            .collect(Collectors.joining(", ")));
        }
        if (warnings > 0) {
            b.append("\n").append(warnings).append(warnings == 1 ? " warning" : " warnings").append(" below.");
        }
        if (probeOffered(report)) {
            b.append("\nTo see the path from a node, press \"Run node connectivity test\".");
        }
        detectorsLine(report.location().found().orElse(null), DetectorOffer.of(d, report))
                .ifPresent(line -> b.append("\n").append(line));
        return b.toString();
    }

    /**
     * Seed 001: a Succeeded, running cluster after an API-server connection failure, with nothing failing, means the
     * API server was briefly unavailable (create or start): the answer is to retry.
     */
    static Optional<Finding> transientConclusion(Diagnosis d, InvestigationReport report) {
        boolean apiServerFailure = d.exitCode() != null && (d.exitCode() == 51 && d.os() != OsType.WINDOWS
                || d.exitCode() == 5 && d.os() == OsType.WINDOWS)
                || d.errorCode() != null && (d.errorCode().contains("K8SAPIServerConnFail")
                        || d.errorCode().contains("CHECK_API_SERVER_CONNECTIVITY"));
        if (!apiServerFailure || report.findings().stream().anyMatch(f -> f.outcome() == Outcome.FAIL)) {
            return Optional.empty();
        }
        return report.findings().stream()
                .filter(f -> f.checkId() == CheckId.CLUSTER_STATE && f.outcome() == Outcome.PASS)
                .findFirst();
    }

    /** The node test is offered only where the plan has a probe to run (else a re-run would add nothing). */
    static boolean probeOffered(InvestigationReport report) {
        return report.findings().stream().anyMatch(f -> CausalChains.PROBES.contains(f.checkId())
                && f.outcome() == Outcome.SKIPPED
                && f.actions().stream().anyMatch(a -> a.action() == NextAction.RUN_NODE_PROBE));
    }

    /**
     * The "Run AKS detectors" line when the answer offers the button (nothing found explains the failure): the
     * category and the moment its 24 hours are placed around.
     */
    static Optional<String> detectorsLine(ClusterRef cluster, Optional<SuggestedAction> detectors) {
        if (detectors.isEmpty() || NextActionButtons.button(0, cluster, detectors.get()).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> p = detectors.get().parameters();
        String category = DetectorCategory.byParameter(p.getOrDefault(SuggestedAction.CATEGORY, ""))
                .map(DetectorCategory::title).orElse(DetectorCategory.CRUD.title());
        String around = Optional.ofNullable(p.get(SuggestedAction.AT)).map(at -> ", around "
                + DetectorRenderer.WHEN.format(Instant.parse(at).atZone(ZoneOffset.UTC)) + " UTC").orElse("");
        return Optional.of(":stethoscope: For AKS's own diagnostics, press \"" + NextAction.RUN_DETECTORS.buttonLabel(p)
                + "\" (" + category + around + ").");
    }

    /**
     * The node test only where the plan has a probe to run; the detectors only where the report offers them (a
     * check's own detectors step would come back beside a cause that explains everything).
     */
    private static boolean offerable(SuggestedAction a, InvestigationReport report, Optional<SuggestedAction> detectors) {
        if (a.action() == NextAction.RUN_DETECTORS) {
            return detectors.filter(a::equals).isPresent();
        }
        return a.action() != NextAction.RUN_NODE_PROBE
                || report.findings().stream().anyMatch(f -> CausalChains.PROBES.contains(f.checkId()));
    }

    private static List<BlockElement> nextSteps(long investigationId, ClusterRef cluster, InvestigationReport report,
            Set<String> offered, Optional<SuggestedAction> detectors) {
        List<BlockElement> buttons = new ArrayList<>();
        List<SuggestedAction> candidates = new ArrayList<>();
        // The symptoms' own steps (reconcile the cluster once the cause is fixed), AKS' own detectors when nothing
        // explains the failure, then the node test a skipped probe promised, then the other findings'.
        report.why().forEach(f -> candidates.addAll(f.actions()));
        detectors.ifPresent(candidates::add);
        for (Finding f : report.findings()) {
            if (f.outcome() == Outcome.SKIPPED && CausalChains.PROBES.contains(f.checkId())) {
                f.actions().stream().filter(a -> a.action() == NextAction.RUN_NODE_PROBE
                        || a.action() == NextAction.ROTATE_CERTIFICATES).forEach(candidates::add);
            }
        }
        for (Finding f : report.findings()) {
            if (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARN) {
                candidates.addAll(f.actions());
            }
        }
        candidates.add(SuggestedAction.of(NextAction.RERUN_CHECKS));
        candidates.add(SuggestedAction.of(NextAction.WATCH_CLUSTER));
        candidates.add(SuggestedAction.of(NextAction.MARK_RESOLVED));
        for (SuggestedAction action : candidates) {
            if (buttons.size() == MAX_ACTION_BUTTONS) {
                break;
            }
            // action_ids must be unique within the message: one button per kind of action.
            if (offerable(action, report, detectors) && offered.add(NextActionButtons.actionId(action.action()))) {
                NextActionButtons.button(investigationId, cluster, action).ifPresent(buttons::add);
            }
        }
        return buttons;
    }

    static String icon(Outcome outcome) {
        switch (outcome) {
            case PASS:
                return ":white_check_mark:";
            case FAIL:
                return ":x:";
            case WARN:
                return ":warning:";
            case ERROR:
                return ":exclamation:";
            default:
                return ":heavy_minus_sign:";
        }
    }

    /** ARM ids are long; the last two segments name the thing (e.g. networkSecurityGroups/aks-agentpool-nsg). */
    static String shortId(String resourceId) {
        String[] parts = resourceId.split("/");
        if (parts.length < 2) {
            return resourceId;
        }
        return parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }
}
