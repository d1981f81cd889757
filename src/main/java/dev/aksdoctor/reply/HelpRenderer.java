package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Usage of /aks-doctor, shown for {@code help}, empty text and unknown sub-commands: the paste, then one line per
 * registered sub-command ({@link Usage}), then the shortcut. Pure.
 */
public final class HelpRenderer {

    static final String COMMAND = "/aks-doctor";

    private HelpRenderer() {
    }

    /** The help text for these sub-commands, in the order given. */
    public static String text(List<Usage> subCommands) {
        List<String> lines = new ArrayList<>();
        lines.add("*Paste an AKS error* after the command and I'll work out what failed, check the cluster's Azure "
                + "configuration through ARM, and answer in a thread:");
        lines.add("`" + COMMAND + " <pasted error>` — e.g. a failed node provisioning (`VMExtensionError_K8SAPIServerConnFail`, "
                + "CSE exit code 51), a Windows node pool error, `QuotaExceeded`, `kubectl … dial tcp …:443: i/o timeout`");
        for (Usage u : subCommands) {
            lines.add(line(u));
        }
        lines.add("In a thread, use the message shortcut *Diagnose with AKS Doctor* on the message that holds the error.");
        return String.join("\n", lines);
    }

    /** {@code `/aks-doctor digest` · `digest now` — health digests}. */
    static String line(Usage u) {
        String forms = u.forms().stream().map(f -> "`" + f + "`").collect(Collectors.joining(" · "));
        return "`" + COMMAND + " " + forms.substring(1) + " — " + u.purpose();
    }

    public static List<LayoutBlock> usage(String preface, List<Usage> subCommands) {
        String usage = text(subCommands);
        String text = preface == null ? usage : preface + "\n\n" + usage;
        return List.of(
                section(s -> s.text(markdownText(Mrkdwn.truncate(text, SlackLimits.SECTION_TEXT)))),
                context(c -> c.elements(List.of(markdownText(
                        "Paste the whole error: the JSON from the portal or `az` output, Activity Log entries and CSE "
                                + "output all work. Secrets (SAS `sig=`, tokens, passwords) are redacted before anything is stored.")))));
    }

    /** Answer to a lone word that is neither a sub-command nor an error. */
    public static String unknownSubCommand(String word) {
        return "I don't know the sub-command " + Mrkdwn.code(word) + ", and it doesn't look like an AKS error.";
    }

    public static String fallbackText() {
        return "AKS Doctor usage: /aks-doctor <pasted AKS error> | help";
    }
}
