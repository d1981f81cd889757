package dev.aksdoctor.reply;

import dev.aksdoctor.investigation.StartInvestigation;

/** The short answers of {@code /aks-doctor} sub-commands, only to the person who typed them. Pure. */
public final class CommandReplies {

    /** The polite refusal when a user or channel started many investigations within a minute. */
    public static final String RATE_LIMITED = ":raised_hand: That's a lot of investigations in the last minute "
            + "(each one reads Azure for every check), so I haven't started this one.";

    private CommandReplies() {
    }

    /** The ack of a pasted error. */
    /** A slash-command paste with neither an AKS error nor a cluster in it. */
    public static String notRecognised() {
        return ":thinking_face: I don't recognise this as an AKS error — paste the error text, or name the cluster "
                + "(its resource ID, `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ContainerService/"
                + "managedClusters/<name>`, or its node resource group `MC_<rg>_<name>_<region>`). "
                + "`/aks-doctor help` lists what I understand.";
    }

    public static String pasteReceived(StartInvestigation.Started started) {
        switch (started) {
            case QUEUED:
                return ":mag: Investigating… I'll post what I find in a thread in this channel.";
            case NOT_STORED:
                // Slack never resends a slash command: say plainly that nothing started.
                return ":warning: I couldn't record this paste: my database is not answering, so no investigation "
                        + "started. Please paste it again in a minute.";
            case RATE_LIMITED:
                return RATE_LIMITED + " Please paste it again in a minute.";
            default:
                return ":hourglass: I'm working through a backlog of investigations; please paste again in a minute.";
        }
    }
}
