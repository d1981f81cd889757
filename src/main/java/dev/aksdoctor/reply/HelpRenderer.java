package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** Usage of /aks-doctor, shown for {@code help}, empty text and unknown sub-commands. */
public final class HelpRenderer {

    public static final String USAGE = String.join("\n",
            "*Paste an AKS error* after the command and I'll work out what failed, check the cluster's Azure "
                    + "configuration through ARM, and answer in a thread:",
            "`/aks-doctor <pasted error>` — e.g. a failed node provisioning (`VMExtensionError_K8SAPIServerConnFail`, "
                    + "CSE exit code 51), a Windows node pool error, `QuotaExceeded`, `kubectl … dial tcp …:443: i/o timeout`",
            "`/aks-doctor use <resource ID | rg/name | none>` — this channel's default cluster",
            "`/aks-doctor watch <resource ID>` · `unwatch <resource ID>` · `watching` — the channel's watch list",
            "`/aks-doctor digest` · `digest now` · `digest schedule \"<cron>\" [Time/Zone]` — health digests",
            "`/aks-doctor alerts on|off <resource ID>` — one alert when a watched cluster turns Failed or Stopped",
            "`/aks-doctor autodetect on|off` — diagnose AKS errors posted in this channel without being asked",
            "`/aks-doctor help` — this message",
            "In a thread, use the message shortcut *Diagnose with AKS Doctor* on the message that holds the error.");

    private HelpRenderer() {
    }

    public static List<LayoutBlock> usage(String preface) {
        String text = preface == null ? USAGE : preface + "\n\n" + USAGE;
        return List.of(
                section(s -> s.text(markdownText(text))),
                context(c -> c.elements(List.of(markdownText(
                        "Paste the whole error: the JSON from the portal or `az` output, Activity Log entries and CSE "
                                + "output all work. Secrets (SAS `sig=`, tokens, passwords) are redacted before anything is stored.")))));
    }

    public static String fallbackText() {
        return "AKS Doctor usage: /aks-doctor <pasted AKS error> | help";
    }
}
