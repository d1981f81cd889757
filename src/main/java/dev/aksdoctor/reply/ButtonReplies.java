package dev.aksdoctor.reply;

import dev.aksdoctor.investigation.StartInvestigation;

/** What a button press answers the presser (only them) when it cannot do what it says. Pure. */
public final class ButtonReplies {

    public static final String NO_CLUSTER_YET = "I don't know which cluster this is about yet: pick it with "
            + "*Pick cluster*, or set the channel's default with `/aks-doctor use <cluster>`.";
    public static final String INVESTIGATION_GONE = "That investigation is no longer stored; paste the error again.";
    public static final String BUSY = ":hourglass: Too much is running right now; press the button again in a minute.";
    public static final String BUSY_NOTHING_CHANGED = ":hourglass: Too much is running right now; nothing was changed. "
            + "Press the button again in a minute.";
    public static final String RESOLVED_GONE = "That investigation is no longer stored.";
    public static final String ALREADY_RESOLVED = "This investigation is already marked resolved.";
    public static final String PRESS_AGAIN = "press again in a minute";
    public static final String MISSING_PARAMETER = "This button lacks its %s; re-run the checks for a fresh one.";

    private ButtonReplies() {
    }

    /** {@code what} is already formatted (a bold name, a code span). */
    public static String outsideScope(String scopes, String what) {
        return ":no_entry: This channel is limited to " + scopes + "; " + what + " is outside it.";
    }

    public static String resolvedBy(String user) {
        return ":white_check_mark: <@" + user + "> marked this resolved.";
    }

    public static String missingParameter(String parameter) {
        return String.format(MISSING_PARAMETER, parameter);
    }

    public static String dialogNotOpened(String slackError) {
        return "I couldn't open the confirmation dialog (Slack said `" + slackError + "`); press the button again.";
    }

    /**
     * Why an investigation did not start; {@code again} completes the sentence with how to retry, e.g. "press
     * again in a minute".
     */
    public static String notStarted(StartInvestigation.Started started, String again) {
        if (started == StartInvestigation.Started.NOT_STORED) {
            return ":warning: My database is not answering, so no investigation started; " + again + ".";
        }
        if (started == StartInvestigation.Started.RATE_LIMITED) {
            return CommandReplies.RATE_LIMITED + " " + Character.toUpperCase(again.charAt(0)) + again.substring(1) + ".";
        }
        return ":hourglass: I'm working through a backlog of investigations; " + again + ".";
    }
}
