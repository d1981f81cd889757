package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.check.DetectorReport;
import dev.aksdoctor.check.DetectorWindow;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Run AKS detectors": the Critical and Warning insights of one category, posted in the thread. */
public final class DetectorRenderer {

    /** More would not fit one message; the portal has the rest. */
    static final int MAX_INSIGHTS = 12;
    static final String PORTAL = "https://portal.azure.com/#resource";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private DetectorRenderer() {
    }

    public static NetworkListingRenderer.Listing report(DetectorReport r) {
        List<DetectorReport.Raised> raised = r.raised();
        long critical = raised.stream().filter(x -> x.insight().critical()).count();
        long warning = raised.size() - critical;
        String name = r.cluster().displayName();
        String text = "AKS detectors (" + r.category().title() + ") for " + name + ": "
                + (raised.isEmpty() ? "no critical or warning insights"
                        : critical + " critical, " + warning + " warning");
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder head = new StringBuilder(":stethoscope: *AKS detectors · ").append(Mrkdwn.escape(r.category().title()))
                .append("* for ").append(Mrkdwn.code(name)).append(" (").append(window(r.window())).append(", ").append(r.ran().size())
                .append(r.ran().size() == 1 ? " detector)" : " detectors)");
        if (raised.isEmpty()) {
            head.append("\n:white_check_mark: No critical or warning insights.");
        } else {
            head.append("\n").append(critical).append(" critical, ").append(warning).append(" warning");
        }
        String headText = head.toString();
        blocks.add(section(s -> s.text(markdownText(headText))));
        StringBuilder body = new StringBuilder();
        int shown = 0;
        for (DetectorReport.Raised x : raised) {
            if (shown == MAX_INSIGHTS) {
                body.append("\n… and ").append(raised.size() - shown).append(" more in the portal");
                break;
            }
            String line = (x.insight().critical() ? ":red_circle: *Critical*" : ":warning: *Warning*") + " · "
                    + Mrkdwn.escape(x.detector().displayName()) + ": " + Mrkdwn.escape(Mrkdwn.truncate(x.insight().message(), 300))
                    + (x.insight().detail() == null ? "" : " — " + Mrkdwn.escape(Mrkdwn.truncate(x.insight().detail(), 200)));
            if (body.length() + line.length() + 60 > SlackLimits.SECTION_TEXT) {
                body.append("\n… and ").append(raised.size() - shown).append(" more in the portal");
                break;
            }
            body.append(body.length() == 0 ? "" : "\n").append(line);
            shown++;
        }
        if (body.length() > 0) {
            String bodyText = body.toString();
            blocks.add(section(s -> s.text(markdownText(bodyText))));
        }
        List<ContextBlockElement> notes = new ArrayList<>();
        if (r.clusterId() != null) {
            notes.add(markdownText(Mrkdwn.link(portal(r.clusterId()), "Diagnose and solve problems in the portal")));
        }
        if (!r.notRun().isEmpty()) {
            notes.add(markdownText(Mrkdwn.escape(Mrkdwn.truncate("Not run: " + String.join("; ", r.notRun()), 500))));
        }
        if (!notes.isEmpty()) {
            blocks.add(context(notes));
        }
        return new NetworkListingRenderer.Listing(text, blocks);
    }

    /** "last 24 h", or the range placed around a failure, in UTC. */
    public static String window(DetectorWindow w) {
        if (w.failure().isEmpty()) {
            long hours = Math.max(1, w.length().toHours());
            return "last " + hours + " h";
        }
        return WHEN.format(w.start().atZoneSameInstant(ZoneOffset.UTC)) + " – "
                + WHEN.format(w.end().atZoneSameInstant(ZoneOffset.UTC)) + " UTC, around "
                + WHEN.format(w.failure().get().atZone(ZoneOffset.UTC));
    }

    public static String portal(String clusterId) {
        return PORTAL + clusterId + "/aksDiagnose";
    }

    /** To the presser: the detectors could not be run, and why (a missing permission is named). */
    public static String cannotRun(String cluster, ArmException e) {
        if (e.kind() == ArmException.Kind.FORBIDDEN) {
            return "AKS Doctor cannot run the AKS detectors of " + Mrkdwn.code(cluster) + ": its identity lacks "
                    + Mrkdwn.code(e.permission().orElse("Microsoft.ContainerService/managedClusters/detectors/read"))
                    + e.scope().map(s -> " on " + Mrkdwn.code(s)).orElse("")
                    + ". Add it to the reader role (deploy/azure/aks-doctor-reader.json), or run them from the portal.";
        }
        return "AKS Doctor could not run the AKS detectors of " + Mrkdwn.code(cluster) + ": "
                + Mrkdwn.escape(Mrkdwn.truncate(e.getMessage(), 300));
    }

    public static String noCategory() {
        return "This button does not say which detectors to run; re-run the checks for a fresh one.";
    }
}
