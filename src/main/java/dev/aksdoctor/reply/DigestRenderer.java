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
    /** Header, counts, healthy line, resolved, the "more" note and dividers leave this many for clusters. */
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
