package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.util.List;

/** The notice posted in place of an answer that never arrived (a stuck investigation timed out). */
public final class InvestigationNoticeRenderer {

    private InvestigationNoticeRenderer() {
    }

    public static String timedOutText(long investigationId, Duration after) {
        return ":hourglass: Investigation #" + investigationId + " timed out after " + human(after)
                + " without an answer. Paste the error again to retry; operators can look up #" + investigationId
                + " in the logs.";
    }

    public static List<LayoutBlock> timedOut(long investigationId, Duration after) {
        return List.of(section(s -> s.text(markdownText(timedOutText(investigationId, after)))));
    }

    static String human(Duration d) {
        if (d.toMinutes() >= 1 && d.toSecondsPart() == 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toSeconds() + " seconds";
    }
}
