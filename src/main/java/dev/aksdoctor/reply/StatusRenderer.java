package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code /aks-doctor status}, only to the person who asked. Pure. */
public final class StatusRenderer {

    /** Watched clusters listed by name; the rest are counted. */
    static final int MAX_WATCHES = 20;

    private StatusRenderer() {
    }

    public static String fallbackText(StatusView s) {
        return "AKS Doctor status: " + s.queued() + " queued, " + s.running() + " running";
    }

    public static List<LayoutBlock> blocks(StatusView s) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(b -> b.text(markdownText(queue(s)))));
        blocks.add(section(b -> b.text(markdownText(Mrkdwn.truncate(health(s.health()), SlackLimits.SECTION_TEXT)))));
        blocks.add(section(b -> b.text(markdownText(Mrkdwn.truncate(channel(s), SlackLimits.SECTION_TEXT)))));
        blocks.add(context(List.<ContextBlockElement>of(markdownText("`/aks-doctor help` lists every sub-command."))));
        return blocks;
    }

    static String queue(StatusView s) {
        String icon = s.queued() + s.running() == 0 ? ":large_green_circle:" : ":hourglass_flowing_sand:";
        return icon + " *Investigations:* " + s.queued() + " queued, " + s.running() + " running";
    }

    static String health(List<StatusView.Health> checks) {
        List<String> lines = new ArrayList<>();
        for (StatusView.Health h : checks) {
            Object configured = h.data().get("configured");
            boolean ok = h.up() && !Boolean.FALSE.equals(configured);
            Map<String, Object> shown = new TreeMap<>(h.data());
            shown.remove("configured");
            String data = shown.entrySet().stream().map(e -> e.getKey() + ": " + Mrkdwn.escape(String.valueOf(e.getValue())))
                    .collect(Collectors.joining(" · "));
            lines.add((ok ? ":large_green_circle: *" : ":warning: *") + capitalised(h.name()) + "*"
                    + (Boolean.FALSE.equals(configured) ? " (not configured)" : "") + (data.isEmpty() ? "" : " — " + data));
        }
        return lines.isEmpty() ? "No health checks." : String.join("\n", lines);
    }

    static String channel(StatusView s) {
        StringBuilder sb = new StringBuilder("*This channel*\nDefault cluster: ");
        sb.append(s.defaultCluster().map(c -> Mrkdwn.code(c.displayName()) + " (subscription " + c.subscriptionId() + ")")
                .orElse("none (`/aks-doctor use <cluster>` sets one)"));
        if (s.watched().isEmpty()) {
            sb.append("\nWatches: none (`/aks-doctor watch <resource ID>` adds one)");
        } else {
            sb.append("\nWatches ").append(s.watched().size()).append(s.watched().size() == 1 ? " cluster" : " clusters");
            s.schedule().ifPresent(d -> sb.append("; digest ").append(Mrkdwn.code(d.cron())).append(" (")
                    .append(d.timeZone()).append(")"));
            sb.append(":");
            s.watched().stream().limit(MAX_WATCHES).forEach(id -> sb.append("\n• ").append(Mrkdwn.code(id)));
            if (s.watched().size() > MAX_WATCHES) {
                sb.append("\n• …and ").append(s.watched().size() - MAX_WATCHES).append(" more (`/aks-doctor watching`)");
            }
        }
        return sb.toString();
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
