package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.aksdoctor.check.NextAction;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Block Kit for a digest, within Slack's limits (50 blocks, 3000 characters a section). */
public final class DigestRenderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    /**
     * Header, counts, healthy line, the "more" note, the AKS detectors and resolved (each of the last two under a
     * divider) leave this many for clusters.
     */
    static final int MAX_CLUSTER_SECTIONS = SlackLimits.BLOCKS_PER_MESSAGE - 8;

    private DigestRenderer() {
    }

    public static String fallbackText(Digest d) {
        return "AKS health digest: " + d.healthy().size() + " healthy, " + d.degraded() + " degraded, " + d.failed() + " failed";
    }

    public static List<LayoutBlock> render(Digest d, ZoneId zone) {
        List<LayoutBlock> blocks = new ArrayList<>();
        int total = d.healthy().size() + d.unhealthy().size();
        blocks.add(header(h -> h.text(plainText("AKS health digest · " + total + (total == 1 ? " cluster" : " clusters")))));
        blocks.add(context(c -> c.elements(List.of(markdownText(":white_check_mark: *" + d.healthy().size() + "* healthy   "
                + ":warning: *" + d.degraded() + "* degraded   :x: *" + d.failed() + "* failed   · changes since "
                + d.since().atZone(zone).format(WHEN) + " (" + zone.getId() + ")")))));
        if (!d.healthy().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(healthyLine(d.healthy())))));
        }
        int shown = 0;
        for (Digest.Section s : d.unhealthy()) {
            if (shown == MAX_CLUSTER_SECTIONS) {
                break;
            }
            blocks.add(clusterSection(s));
            shown++;
        }
        if (d.unhealthy().size() > shown) {
            int more = d.unhealthy().size() - shown;
            blocks.add(context(c -> c.elements(List.of(markdownText("…and " + more + " more unhealthy clusters not shown "
                    + "(Slack allows 50 blocks a message). Split the watch list across channels to see every one.")))));
        }
        d.detectors().ifPresent(x -> {
            String text = detectorsText(x, zone);
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText(text))));
        });
        if (!d.resolved().isEmpty()) {
            StringBuilder sb = new StringBuilder(":large_green_circle: *Resolved since the last digest*");
            for (Digest.ReportedFindingView r : d.resolved()) {
                String line = "\n• " + r.summary();
                if (sb.length() + line.length() > SlackLimits.SECTION_TEXT - 20) {
                    sb.append("\n• …");
                    break;
                }
                sb.append(line);
            }
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText(sb.toString()))));
        }
        return blocks;
    }

    /** The AKS detectors' critical insights per cluster, then the clusters they could not be read for, then the quiet. */
    static String detectorsText(DigestDetectors x, ZoneId zone) {
        StringBuilder sb = new StringBuilder(":stethoscope: *AKS detectors · critical insights* ("
                + x.start().atZoneSameInstant(zone).format(WHEN) + " – " + x.end().atZoneSameInstant(zone).format(WHEN)
                + ")");
        List<String> lines = new ArrayList<>();
        long quiet = 0;
        for (DigestDetectors.Cluster c : x.clusters()) {
            if (c.unread() != null) {
                lines.add(":grey_question: *" + Mrkdwn.escape(c.displayName()) + "*: detectors not read — " + unread(c));
            } else if (c.critical().isEmpty()) {
                quiet++;
            } else {
                StringBuilder cluster = new StringBuilder(":red_circle: *" + Mrkdwn.escape(c.displayName()) + "* ("
                        + Mrkdwn.link(DetectorRenderer.portal(c.clusterId()), "Diagnose and solve problems") + ")");
                for (DigestDetectors.Insight i : c.critical()) {
                    cluster.append("\n• *").append(Mrkdwn.escape(Mrkdwn.truncate(i.detector(), 100))).append("*: ")
                            .append(Mrkdwn.escape(Mrkdwn.truncate(i.message(), 300)))
                            .append(i.detail() == null ? "" : " — " + Mrkdwn.escape(Mrkdwn.truncate(i.detail(), 200)));
                }
                lines.add(cluster.toString());
            }
        }
        int shown = 0;
        for (String line : lines) {
            // Room kept for the "more" and "no critical insights" lines.
            if (sb.length() + line.length() + 200 > SlackLimits.SECTION_TEXT) {
                sb.append("\n… and ").append(lines.size() - shown).append(" more clusters: run the detectors from an "
                        + "answer, or open Diagnose and solve problems in the portal");
                break;
            }
            sb.append("\n").append(line);
            shown++;
        }
        if (quiet > 0) {
            sb.append("\n:white_check_mark: No critical insights for ").append(quiet)
                    .append(quiet == 1 ? " cluster" : " clusters");
        }
        return Mrkdwn.truncate(sb.toString(), SlackLimits.SECTION_TEXT);
    }

    private static String unread(DigestDetectors.Cluster c) {
        switch (c.unread()) {
            case FORBIDDEN:
                return "the identity lacks " + Mrkdwn.code(c.detail()) + " (the reader role in deploy/azure/aks-doctor-reader.json has it)";
            case TIMED_OUT:
                return "they did not answer within " + c.detail() + " s";
            default:
                return Mrkdwn.escape(Mrkdwn.truncate(String.valueOf(c.detail()), 200));
        }
    }

    public static String healthyLine(List<String> names) {
        StringBuilder sb = new StringBuilder(":white_check_mark: *" + names.size() + " healthy:* ");
        int listed = 0;
        for (String n : names) {
            String item = (listed == 0 ? "" : ", ") + Mrkdwn.escape(n);
            if (sb.length() + item.length() > 600) {
                break;
            }
            sb.append(item);
            listed++;
        }
        if (listed < names.size()) {
            sb.append(" and ").append(names.size() - listed).append(" more");
        }
        return sb.toString();
    }

    private static LayoutBlock clusterSection(Digest.Section s) {
        StringBuilder sb = new StringBuilder(s.verdict() == Digest.Verdict.FAILED ? ":x: *" : ":warning: *")
                .append(Mrkdwn.escape(s.displayName())).append("*");
        for (Digest.Marked m : s.findings()) {
            sb.append("\n• ").append(m.mark() == Digest.Mark.NEW ? "*new* " : "_still_ ").append(m.finding().text());
        }
        if (!s.changes().isEmpty()) {
            sb.append("\n_Changes since the last digest:_");
            for (String c : s.changes()) {
                sb.append("\n• ").append(c);
            }
        }
        String text = Mrkdwn.truncate(sb.toString(), SlackLimits.SECTION_TEXT);
        // The same button value as every next-step button; no investigation yet (0).
        ActionPayload payload = new ActionPayload(0, s.clusterId(), Map.of());
        return section(sec -> sec.text(markdownText(text))
                .accessory(NextActionButtons.button(NextAction.DIAGNOSE_CLUSTER, Map.of(), payload)));
    }
}
