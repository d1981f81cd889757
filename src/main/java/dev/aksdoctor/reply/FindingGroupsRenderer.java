package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.aksdoctor.check.Finding;
import dev.aksdoctor.check.Outcome;
import dev.aksdoctor.diagnosis.CheckId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The findings other than the likely cause, grouped by outcome (failed first, passed last), each group one
 * section within Slack's text limit; a remedy the whole group shares is said once.
 */
final class FindingGroupsRenderer {

    private static final List<Outcome> GROUP_ORDER = List.of(Outcome.FAIL, Outcome.WARN, Outcome.ERROR,
            Outcome.SKIPPED, Outcome.PASS);

    private FindingGroupsRenderer() {
    }

    /** {@code platform}: the platform's lines (Network Watcher) under the findings they confirm or overrule. */
    static List<LayoutBlock> render(List<Finding> findings, Finding likelyCause, List<Finding> why,
            Map<CheckId, List<String>> platform) {
        Map<Outcome, List<Finding>> byOutcome = new EnumMap<>(Outcome.class);
        for (Finding f : findings) {
            if (f != likelyCause) {
                byOutcome.computeIfAbsent(f.outcome(), o -> new ArrayList<>()).add(f);
            }
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Outcome outcome : GROUP_ORDER) {
            List<Finding> group = byOutcome.get(outcome);
            if (group == null) {
                continue;
            }
            StringBuilder text = new StringBuilder("*").append(groupTitle(outcome)).append(" (").append(group.size()).append(")*");
            String sharedRemedy = sharedRemedy(group);
            if (sharedRemedy != null) {
                text.append(" — ").append(Mrkdwn.escape(Mrkdwn.truncate(sharedRemedy, 300)));
            }
            int budget = SlackLimits.SECTION_TEXT - 40;
            int shown = 0;
            for (Finding f : group) {
                String line = "\n" + InvestigationReplyRenderer.icon(f.outcome()) + " " + Mrkdwn.code(f.checkId().id()) + " " + Mrkdwn.escape(f.title())
                        + (why.contains(f) ? " — explained by the likely cause"
                                : outcome == Outcome.PASS || f.remedy() == null || sharedRemedy != null ? ""
                                : " — " + Mrkdwn.escape(Mrkdwn.truncate(f.remedy(), 300)))
                        + platform.getOrDefault(f.checkId(), List.of()).stream()
                                .map(l -> "\n      " + InvestigationReplyRenderer.PLATFORM + " " + Mrkdwn.escape(l))
                                .collect(java.util.stream.Collectors.joining());
                if (text.length() + line.length() > budget) {
                    text.append("\n… and ").append(group.size() - shown).append(" more");
                    break;
                }
                text.append(line);
                shown++;
            }
            String body = text.toString();
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(body, SlackLimits.SECTION_TEXT)))));
        }
        return blocks;
    }

    /** One remedy said once for a group that shares it (e.g. every check skipped for want of a credential). */
    private static String sharedRemedy(List<Finding> group) {
        if (group.size() < 2 || group.get(0).remedy() == null) {
            return null;
        }
        String first = group.get(0).remedy();
        return group.stream().allMatch(f -> first.equals(f.remedy())) ? first : null;
    }

    private static String groupTitle(Outcome outcome) {
        switch (outcome) {
            case FAIL:
                return "Failed";
            case WARN:
                return "Warnings";
            case ERROR:
                return "Could not check";
            case SKIPPED:
                return "Skipped";
            default:
                return "Passed";
        }
    }
}
