package dev.aksdoctor.reply;

import java.util.List;

/**
 * What {@code watch}, {@code unwatch}, {@code watching}, {@code digest} (with {@code digest detectors}) and
 * {@code alerts} answer. Pure.
 */
public final class WatchReplies {

    public static final String NEED_ID = "Give me the cluster's resource ID, e.g. "
            + "`/aks-doctor %s /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>` "
            + "(`az aks show -g <group> -n <name> --query id -o tsv`).";
    public static final String NO_WATCHES = "This channel watches no clusters. Add one with "
            + "`/aks-doctor watch <cluster resource ID>`.";
    public static final String NO_WATCHES_YET = "This channel watches no clusters yet. "
            + "Add one with `/aks-doctor watch <cluster resource ID>`.";
    public static final String DIGEST_USAGE = "Usage: `/aks-doctor digest now`, `/aks-doctor digest schedule \"0 0 9 ? * MON-FRI\" Europe/Berlin` "
            + "(Quartz cron: seconds minutes hours day-of-month month day-of-week), `/aks-doctor digest detectors on|off`.";
    public static final String DIGEST_QUEUED = ":hourglass_flowing_sand: Building the digest; it will appear in this channel.";
    public static final String DIGEST_NOT_QUEUED = "I couldn't queue the digest; please try again in a minute.";
    public static final String ALERTS_USAGE = "Usage: `/aks-doctor alerts on <cluster resource ID>` or `/aks-doctor alerts off <cluster resource ID>`: "
            + "one message in this channel when the cluster turns Failed or Stopped.";
    public static final String ALERTS_ON_TOO = " Alerts are on: one message here when it turns Failed or Stopped.";

    private WatchReplies() {
    }

    /** How to name a cluster for {@code sub-command} ({@code watch} or {@code unwatch}). */
    public static String needId(String subCommand) {
        return String.format(NEED_ID, subCommand);
    }

    public static String tooMany(int max) {
        return "This channel already watches " + max + " clusters; unwatch some first.";
    }

    /** {@code schedule} is e.g. " Digest schedule: `0 0 9 ? * MON-FRI` (UTC)." */
    public static String watched(boolean added, String user, String cluster, String schedule) {
        return added ? "<@" + user + "> added " + Mrkdwn.code(cluster) + " to this channel's watch list." + schedule
                : Mrkdwn.code(cluster) + " is already on this channel's watch list." + schedule;
    }

    public static String scheduleSuffix(String cron, String zone) {
        return " Digest schedule: " + Mrkdwn.code(cron) + " (" + zone + ").";
    }

    public static String scheduleNotSet(String why) {
        return " (The digest schedule could not be set: " + Mrkdwn.escape(why) + ".)";
    }

    public static String unwatched(boolean removed, String user, String cluster) {
        return removed ? "<@" + user + "> removed " + Mrkdwn.code(cluster) + " from this channel's watch list."
                : Mrkdwn.code(cluster) + " was not on this channel's watch list.";
    }

    /** {@code /aks-doctor watching}; {@code cron} and {@code zone} are null without a schedule. */
    public static String watchList(List<String> clusterIds, String cron, String zone) {
        if (clusterIds.isEmpty()) {
            return NO_WATCHES;
        }
        StringBuilder sb = new StringBuilder("This channel watches ").append(clusterIds.size())
                .append(clusterIds.size() == 1 ? " cluster" : " clusters");
        if (cron != null) {
            sb.append("; digest ").append(Mrkdwn.code(cron)).append(" (").append(zone).append(")");
        }
        sb.append(":");
        for (String id : clusterIds) {
            String line = "\n• " + Mrkdwn.code(id);
            if (sb.length() + line.length() > SlackLimits.MESSAGE_TEXT - 40) {
                sb.append("\n• …");
                break;
            }
            sb.append(line);
        }
        return sb.toString();
    }

    public static String digestSchedule(String cron, String zone) {
        return "Digest schedule: " + Mrkdwn.code(cron) + " (" + zone + "). " + DIGEST_USAGE;
    }

    public static String noDigestSchedule(String defaultCron, String defaultZone) {
        return "No digest schedule yet; watching a cluster sets " + Mrkdwn.code(defaultCron) + " (" + defaultZone + "). "
                + DIGEST_USAGE;
    }

    public static String notACron(String cron) {
        return Mrkdwn.code(cron) + " is not a Quartz cron expression. " + DIGEST_USAGE;
    }

    public static String scheduleTooFrequent(String cron, java.time.Duration minimum) {
        return Mrkdwn.code(cron) + " would post digests more often than once every " + words(minimum) + ", the "
                + "least gap this AKS Doctor allows (set by its admin: aks-doctor.digest.min-interval). Choose a "
                + "sparser schedule, e.g. " + Mrkdwn.code("0 0 9 ? * MON-FRI") + ".";
    }

    public static String scheduleNotYours(List<String> editors) {
        return ":no_entry: Only " + String.join(", ", editors.stream().map(u -> "<@" + u + ">").toList())
                + " may change this channel's digest schedule (aks-doctor.digest.schedule-editors).";
    }

    public static String digestNowTooSoon(java.time.Duration cooldown) {
        return ":hourglass: A digest was asked for in this channel within the last " + words(cooldown)
                + "; it is on its way. Ask again later.";
    }

    private static String words(java.time.Duration d) {
        if (d.toMinutes() >= 60 && d.toMinutes() % 60 == 0) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        if (d.getSeconds() >= 60 && d.getSeconds() % 60 == 0) {
            return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
        }
        return d.getSeconds() + " seconds";
    }

    public static String notATimeZone(String zone) {
        return Mrkdwn.code(zone) + " is not a time zone (use e.g. `Europe/Berlin`).";
    }

    public static String scheduleFailed(String why) {
        return "I couldn't set the schedule: " + Mrkdwn.escape(why);
    }

    public static String scheduleSet(String user, String cron, String zone) {
        return "<@" + user + "> set this channel's digest to " + Mrkdwn.code(cron) + " (" + zone + ").";
    }

    /** {@code everyMinutes} 0 means alert checks are off on this installation. */
    public static String alertsOn(String user, String cluster, int everyMinutes) {
        return "<@" + user + "> turned on alerts for " + Mrkdwn.code(cluster) + ": one message here when it turns Failed or Stopped"
                + (everyMinutes > 0 ? " (checked every " + Math.min(everyMinutes, 59) + " min)."
                        : ". Alert checks are turned off on this installation (aks-doctor.alerts.every-minutes=0).");
    }

    public static String alertsOff(String user, String cluster) {
        return "<@" + user + "> turned off alerts for " + Mrkdwn.code(cluster) + "; it stays in the digest.";
    }

    public static final String DIGEST_DETECTORS_USAGE = "Usage: `/aks-doctor digest detectors on` or "
            + "`/aks-doctor digest detectors off`: the digest adds the AKS detectors' critical insights for each watched "
            + "cluster (it then needs `Microsoft.ContainerService/managedClusters/detectors/read`).";

    public static String digestDetectorsSet(String user, boolean on) {
        return on ? "<@" + user + "> turned on the AKS detectors in this channel's digest: each watched cluster's "
                + "critical insights since the last digest (at most a day) are added to it."
                : "<@" + user + "> turned off the AKS detectors in this channel's digest.";
    }

    public static String digestDetectorsState(boolean on) {
        return "The AKS detectors are *" + (on ? "on" : "off") + "* in this channel's digest. " + DIGEST_DETECTORS_USAGE;
    }

    /** An argument other than on or off: what was not understood, how it is typed, and where it stands. */
    public static String digestDetectorsNotUnderstood(String argument, boolean on) {
        return "I don't know " + Mrkdwn.code(Mrkdwn.truncate(argument, 40)) + " here. " + digestDetectorsState(on);
    }
}
