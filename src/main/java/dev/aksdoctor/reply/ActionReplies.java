package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.aksdoctor.diagnosis.ClusterRef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The confirmation dialog of a write action, refusals, and the thread announcements. Pure. */
public final class ActionReplies {

    public static final String CONFIRM_CALLBACK = "confirm_write_action";
    public static final String RANGE_INPUT_CALLBACK = "type_authorized_range";
    /** Block and action id of the range field in {@link #rangeInput}. */
    public static final String RANGE_FIELD = "cidr";
    public static final String UNEXPECTED_ERROR = "an unexpected error (logged for the operators)";
    /** Shown in a dialog that cannot be filled because the background pool is full. */
    public static final String BUSY = "Too much is running right now; nothing was changed. Press the button again in a minute.";

    /** What the dialog shows: the action, its target, the warning and any detail lines (e.g. the new range list). */
    public record Confirmation(String label, String verb, String target, String warning, List<String> details) {
        public Confirmation {
            details = details == null ? List.of() : List.copyOf(details);
        }

        /** The dialog of an action on {@code cluster}, named with its subscription (names repeat across them). */
        public static Confirmation of(String label, String verb, ClusterRef cluster, String warning, List<String> details) {
            return new Confirmation(label, verb, cluster.displayName() + " (subscription " + cluster.subscriptionId() + ")",
                    warning, details);
        }
    }

    private ActionReplies() {
    }

    public static View confirmation(Confirmation c, String privateMetadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("Do you want to " + Mrkdwn.escape(c.verb()) + " *"
                + Mrkdwn.escape(c.target()) + "*?"))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(c.warning(), SlackLimits.SECTION_TEXT)))));
        if (!c.details().isEmpty()) {
            String details = c.details().stream().collect(Collectors.joining("\n"));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(details, SlackLimits.SECTION_TEXT)))));
        }
        blocks.add(context(List.of(markdownText("The action, who confirmed it and its result are recorded in the "
                + "audit log and announced in the thread."))));
        return view(v -> v.type("modal").callbackId(CONFIRM_CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text(Mrkdwn.truncate(c.label(), 24))))
                .submit(viewSubmit(t -> t.type("plain_text").text("Confirm")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .privateMetadata(privateMetadata)
                .blocks(blocks));
    }

    /**
     * Asks which address or range to authorize when the check could not know it (kubectl's own address); on
     * submit the exact new list is shown for confirmation.
     */
    public static View rangeInput(String label, String target, String privateMetadata) {
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText("Which address should reach the API server of *" + Mrkdwn.escape(target)
                        + "*? Use the public address kubectl connects from: run `curl -s https://ifconfig.me` there "
                        + "(behind a VPN or proxy, from the same network)."))),
                input(i -> i.blockId(RANGE_FIELD)
                        .label(plainText("Address or CIDR range"))
                        .element(plainTextInput(t -> t.actionId(RANGE_FIELD).maxLength(50)
                                .placeholder(plainText("203.0.113.7 or 203.0.113.0/24"))))
                        .hint(plainText("A single address is added as /32. You will see the new list before anything changes."))));
        return view(v -> v.type("modal").callbackId(RANGE_INPUT_CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text(Mrkdwn.truncate(label, 24))))
                .submit(viewSubmit(t -> t.type("plain_text").text("Next")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .privateMetadata(privateMetadata)
                .blocks(blocks));
    }

    /** Shown at once while what the dialog must show is read from Azure (the trigger expires in 3 s). */
    public static View loading(String label, String what) {
        return view(v -> v.type("modal").title(viewTitle(t -> t.type("plain_text").text(Mrkdwn.truncate(label, 24))))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(section(s -> s.text(markdownText(":hourglass_flowing_sand: " + Mrkdwn.escape(what)))))));
    }

    /** What the range dialog shows until the cluster's current ranges are read. */
    public static View rangeLoading(String label) {
        return loading(label, "Reading the cluster's current authorized IP ranges…");
    }

    /** The exact change a range dialog asks to confirm. */
    public static List<String> rangeChange(String cidr, List<String> current, List<String> proposed) {
        return List.of("*Adding:* `" + cidr + "`",
                "*Current list (" + current.size() + "):* " + codes(current),
                "*New list (" + proposed.size() + "):* " + codes(proposed));
    }

    public static String unreadableCluster(String why) {
        return "I couldn't read the cluster from Azure: " + why;
    }

    private static String codes(List<String> ranges) {
        return ranges.stream().map(r -> "`" + r + "`").collect(Collectors.joining(", "));
    }

    /** A dialog that explains why the action cannot go ahead, with no Confirm button. */
    public static View problem(String label, String why) {
        return view(v -> v.type("modal").title(viewTitle(t -> t.type("plain_text").text(Mrkdwn.truncate(label, 24))))
                .close(viewClose(t -> t.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(Mrkdwn.truncate(why, SlackLimits.SECTION_TEXT)))))));
    }

    /** Who may run write actions on a target, as Slack mentions. */
    public static String whoMay(List<String> users, List<String> groups) {
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add("<@" + u + ">"));
        groups.forEach(g -> names.add("<!subteam^" + g + ">"));
        if (names.isEmpty()) {
            return "nobody: no operators are configured for it (aks-doctor.access.operators)";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    public static String refusal(String verb, String target, List<String> users, List<String> groups) {
        return ":no_entry: You are not an operator for " + Mrkdwn.escape(target) + ", so you may not " + verb
                + " it. Who may: " + whoMay(users, groups) + ".";
    }

    public static List<LayoutBlock> announcement(String mrkdwn) {
        return List.of(section(s -> s.text(markdownText(Mrkdwn.truncate(mrkdwn, SlackLimits.SECTION_TEXT)))));
    }

    public static String started(String user, String label, String target) {
        return ":gear: <@" + user + "> confirmed *" + Mrkdwn.escape(label) + "* on " + Mrkdwn.code(target)
                + ". Running it now; I'll post the result here.";
    }

    public static String succeeded(String label, String target, String detail) {
        return ":white_check_mark: *" + Mrkdwn.escape(label) + "* on " + Mrkdwn.code(target) + " finished."
                + (detail == null || detail.isBlank() ? "" : " " + Mrkdwn.escape(detail));
    }

    /** Why ARM refused a write, readable even when ARM gave no message. */
    public static String armFailure(int status, String code, String message) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty() || text.matches("ARM \\d+ \\S*\\s*:\\s*(Status code \\d+, \\(empty body\\))?")) {
            return "Azure answered " + (status > 0 ? "HTTP " + status : "with an error")
                    + (code == null || code.isBlank() ? "" : " (" + code + ")") + " without saying why; the operators'"
                    + " log has the request";
        }
        return text;
    }

    public static String failed(String label, String target, String why) {
        return ":x: *" + Mrkdwn.escape(label) + "* on " + Mrkdwn.code(target) + " failed: " + Mrkdwn.escape(why);
    }
}
