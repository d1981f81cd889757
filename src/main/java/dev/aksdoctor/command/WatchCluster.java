package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.digest.ClusterAlertStore;
import dev.aksdoctor.digest.DigestSchedule;
import dev.aksdoctor.digest.DigestSchedules;
import dev.aksdoctor.digest.DigestSettings;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.reply.Mrkdwn;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartz.SchedulerException;

/**
 * {@code /aks-doctor watch <cluster resource id> [--alerts]}: adds the cluster to this channel's digest; with
 * {@code --alerts}, also one message when it turns Failed or Stopped between digests.
 */
@ApplicationScoped
public class WatchCluster implements SubCommand {

    static final String NEED_ID = "Give me the cluster's resource ID, e.g. "
            + "`/aks-doctor watch /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>` "
            + "(`az aks show -g <group> -n <name> --query id -o tsv`).";

    private static final Pattern ALERTS_FLAG = Pattern.compile("(^|\\s)--alerts(\\s|$)");

    private final DigestStore store;
    private final DigestSchedules schedules;
    private final DigestSettings settings;
    private final ClusterAlertStore alerts;

    public WatchCluster(DigestStore store, DigestSchedules schedules, DigestSettings settings, ClusterAlertStore alerts) {
        this.store = store;
        this.schedules = schedules;
        this.settings = settings;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "watch";
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        Optional<ClusterRef> ref = ClusterRef.findResourceId(arguments == null ? "" : arguments);
        if (ref.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text(NEED_ID));
        }
        String text = watch(channel, ref.get(), user);
        String id = ref.get().resourceId().orElseThrow();
        if (ALERTS_FLAG.matcher(arguments).find() && store.watched(channel).contains(id.toLowerCase(Locale.ROOT))) {
            alerts.setAlerts(channel, id, user, true);
            text += " Alerts are on: one message here when it turns Failed or Stopped.";
        }
        String answer = text;
        return ctx.ack(r -> r.responseType("in_channel").text(answer));
    }

    /** Adds the cluster and answers in words; shared with the Watch button. */
    public String watch(String channel, ClusterRef ref, String user) {
        if (store.watchedCount(channel) >= settings.maxWatched()) {
            return "This channel already watches " + settings.maxWatched() + " clusters; unwatch some first.";
        }
        boolean added = store.watch(channel, ref.resourceId().orElseThrow(), user);
        String when;
        try {
            DigestSchedule s = schedules.ensure(channel, user);
            when = " Digest schedule: " + Mrkdwn.code(s.cron) + " (" + s.timeZone + ").";
        } catch (SchedulerException | RuntimeException e) {
            when = " (The digest schedule could not be set: " + Mrkdwn.escape(e.getMessage()) + ".)";
        }
        return added ? "<@" + user + "> added " + Mrkdwn.code(ref.displayName()) + " to this channel's watch list." + when
                : Mrkdwn.code(ref.displayName()) + " is already on this channel's watch list." + when;
    }
}
