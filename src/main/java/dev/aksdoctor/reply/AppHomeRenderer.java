package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.aksdoctor.investigation.InvestigationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The App Home tab: watched clusters and the user's recent investigations. Pure. */
public final class AppHomeRenderer {

    /** Slack's limit for a Home tab. */
    public static final int HOME_BLOCKS = 100;
    /** Watched clusters shown one block each; the rest are counted. */
    public static final int MAX_WATCHES = 40;
    public static final int MAX_RECENT = 10;

    private AppHomeRenderer() {
    }

    /**
     * @param watches      as many as {@link #MAX_WATCHES} + 1 (one more tells that there are more)
     * @param workspaceUrl e.g. {@code https://example.slack.com/}, for links to threads; null leaves them out
     */
    public static View home(List<WatchedClusterSummary> watches, List<RecentInvestigation> recent, String workspaceUrl) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("AKS Doctor"))));
        blocks.add(section(s -> s.text(markdownText("Paste an AKS error with `/aks-doctor <error>`, or use the message "
                + "shortcut *Diagnose with AKS Doctor*. `/aks-doctor help` lists everything."))));
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Watched clusters"))));
        if (watches.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("No watched clusters yet — `/aks-doctor watch <cluster>` in a "
                    + "channel posts a health digest there on a schedule."))));
        } else {
            watches.stream().limit(MAX_WATCHES).forEach(w -> blocks.add(section(s -> s.text(markdownText(watchLine(w))))));
            if (watches.size() > MAX_WATCHES) {
                blocks.add(context(List.<ContextBlockElement>of(markdownText("More watched clusters are not shown; "
                        + "`/aks-doctor status` in a channel lists its own."))));
            }
        }
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Your recent investigations"))));
        if (recent.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("None yet. Investigations you start show up here with a link "
                    + "to their thread."))));
        } else {
            recent.stream().limit(MAX_RECENT).forEach(r -> blocks.add(section(s -> s.text(markdownText(
                    Mrkdwn.truncate(recentLine(r, workspaceUrl), SlackLimits.SECTION_TEXT))))));
        }
        return view(v -> v.type("home").blocks(blocks));
    }

    static String watchLine(WatchedClusterSummary w) {
        String icon = w.healthy() == null ? ":hourglass_flowing_sand:" : w.healthy() ? ":large_green_circle:" : ":red_circle:";
        StringBuilder line = new StringBuilder(icon).append(" *").append(Mrkdwn.escape(w.displayName())).append("*");
        if (w.state() != null && !w.state().isBlank()) {
            line.append(" — ").append(Mrkdwn.escape(Mrkdwn.truncate(w.state(), 500)));
        }
        if (w.channel() != null) {
            line.append("\nin <#").append(w.channel()).append(">");
        }
        line.append(w.lastDigestAt() == null ? " · no digest yet" : " · last digest " + date(w.lastDigestAt()));
        return Mrkdwn.truncate(line.toString(), SlackLimits.SECTION_TEXT);
    }

    static String recentLine(RecentInvestigation r, String workspaceUrl) {
        StringBuilder line = new StringBuilder(statusIcon(r)).append(" *")
                .append(r.errorCode() == null ? "Unrecognised error" : Mrkdwn.escape(r.errorCode())).append("*");
        line.append(" — ").append(statusText(r));
        if (r.likelyCause() != null) {
            line.append("\nLikely cause: ").append(Mrkdwn.escape(r.likelyCause()));
        }
        line.append("\n").append(date(r.createdAt())).append(" in <#").append(r.channel()).append(">");
        permalink(workspaceUrl, r.channel(), r.threadTs())
                .ifPresent(url -> line.append(" · ").append(Mrkdwn.link(url, "open thread")));
        return line.toString();
    }

    /** {@code https://<workspace>.slack.com/archives/<channel>/p<ts without the dot>}, Slack's message link. */
    public static java.util.Optional<String> permalink(String workspaceUrl, String channel, String ts) {
        if (workspaceUrl == null || !workspaceUrl.startsWith("https://") || channel == null
                || !channel.matches("[CGD][A-Z0-9]{2,30}") || ts == null || !ts.matches("[0-9]{1,12}\\.[0-9]{1,8}")) {
            return java.util.Optional.empty();
        }
        String base = workspaceUrl.endsWith("/") ? workspaceUrl : workspaceUrl + "/";
        return java.util.Optional.of(base + "archives/" + channel + "/p" + ts.replace(".", ""));
    }

    private static String statusIcon(RecentInvestigation r) {
        if (r.resolved()) {
            return ":white_check_mark:";
        }
        switch (r.status()) {
            case QUEUED:
            case RUNNING:
                return ":hourglass_flowing_sand:";
            case FAILED:
                return ":warning:";
            default:
                return ":stethoscope:";
        }
    }

    private static String statusText(RecentInvestigation r) {
        if (r.resolved()) {
            return "resolved";
        }
        if (r.status() == InvestigationStatus.ANSWERED) {
            return r.outcome() == null ? "answered" : "answered (" + Mrkdwn.escape(r.outcome()) + ")";
        }
        if (r.status() == InvestigationStatus.FAILED) {
            return "failed" + (r.outcome() == null ? "" : ": " + Mrkdwn.escape(Mrkdwn.truncate(r.outcome(), 200)));
        }
        return r.status() == InvestigationStatus.RUNNING ? "running" : "queued";
    }

    private static String date(Instant at) {
        // Slack renders this in the reader's own time zone; the fallback is UTC.
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + at.toString().replace('T', ' ')
                .replaceAll("\\.\\d+Z$", "Z") + ">";
    }
}
