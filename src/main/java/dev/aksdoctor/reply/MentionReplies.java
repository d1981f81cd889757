package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** Short answers in a thread when a mention gives nothing to diagnose. */
public final class MentionReplies {

    public static final String HOW_TO = "Mention me in a thread whose first message holds an AKS error, or paste "
            + "the error right after the mention (e.g. `@aks-doctor <error>`).";
    public static final String NOTHING_TO_READ = "I couldn't read any text in this thread's first message. Paste "
            + "the error right after the mention, or use `/aks-doctor <error>`.";
    public static final String SHORTCUT_NO_TEXT = "That message has no text I can read. Paste the error with "
            + "`/aks-doctor <error>`.";
    public static final String ALREADY_ANSWERED = "I already answered this message: my answer is in its thread. "
            + "Press *Re-run checks* there to run the checks again.";
    public static final String NOT_STORED = ":warning: My database is not answering, so no investigation started; "
            + "mention me again in a minute.";
    public static final String BACKLOG = ":hourglass: I'm working through a backlog of investigations; mention me "
            + "again in a minute.";

    public static final String RATE_LIMITED = CommandReplies.RATE_LIMITED + " Mention me again in a minute.";

    private MentionReplies() {
    }

    public static List<LayoutBlock> text(String mrkdwn) {
        return List.of(section(s -> s.text(markdownText(mrkdwn))));
    }
}
