package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.digest.ClusterAlertStore;
import dev.aksdoctor.digest.DigestSchedule;
import dev.aksdoctor.digest.DigestSchedules;
import dev.aksdoctor.digest.DigestSettings;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.reply.Mrkdwn;
import dev.aksdoctor.reply.Usage;
import dev.aksdoctor.reply.WatchReplies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.quartz.SchedulerException;

/**
 * {@code /aks-doctor watch <cluster resource id> [--alerts]}: adds the cluster to this channel's digest; with
 * {@code --alerts}, also one message when it turns Failed or Stopped between digests.
 */
@ApplicationScoped
public class WatchCluster implements SubCommand {

    private static final Pattern ALERTS_FLAG = Pattern.compile("(^|\\s)--alerts(\\s|$)");

    private final DigestStore store;
    private final DigestSchedules schedules;
    private final DigestSettings settings;
    private final ClusterAlertStore alerts;
    private static final Logger LOG = Logger.getLogger(WatchCluster.class);

    private final ChannelScopes scopes;
    private final BackgroundWork background;

    public WatchCluster(DigestStore store, DigestSchedules schedules, DigestSettings settings, ClusterAlertStore alerts,
            ChannelScopes scopes, BackgroundWork background) {
        this.background = background;
        this.scopes = scopes;
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
    public Usage usage() {
        return new Usage(List.of("watch <resource ID>", "watch <resource ID> --alerts"),
                "add a cluster to this channel's watch list (and alerts)");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        Optional<ClusterRef> ref = ClusterRef.findResourceId(arguments == null ? "" : arguments);
        if (ref.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text(WatchReplies.needId(name())));
        }
        String text = watch(channel, ref.get(), user);
        String id = ref.get().resourceId().orElseThrow();
        if (ALERTS_FLAG.matcher(arguments).find() && store.watched(channel).contains(id.toLowerCase(Locale.ROOT))) {
            alerts.setAlerts(channel, id, user, true);
            text += WatchReplies.ALERTS_ON_TOO;
        }
        String answer = text;
        return ctx.ack(r -> r.responseType("in_channel").text(answer));
    }

    /** Adds the cluster and answers in words; shared with the Watch button. */
    public String watch(String channel, ClusterRef ref, String user) {
        if (!scopes.permits(channel, ref)) {
            return ButtonReplies.outsideScope(scopes.describe(channel), Mrkdwn.code(ref.displayName()));
        }
        if (store.watchedCount(channel) >= settings.maxWatched()) {
            return WatchReplies.tooMany(settings.maxWatched());
        }
        boolean added = store.watch(channel, ref.resourceId().orElseThrow(), user);
        Optional<DigestSchedule> existing = store.schedule(channel);
        if (existing.isPresent()) {
            return WatchReplies.watched(added, user, ref.displayName(),
                    WatchReplies.scheduleSuffix(existing.get().cron, existing.get().timeZone));
        }
        // The channel's first watch creates its Quartz trigger: a clustered job-store write that took over 3 s on
        // a cold replica, so it is made after the ack; the default schedule is what it will be.
        boolean later = background.submit("digest schedule " + channel, () -> {
            try {
                schedules.ensure(channel, user);
            } catch (SchedulerException e) {
                LOG.warnf("Could not schedule the digest of %s: %s", channel, e.getMessage());
            }
        });
        String when;
        if (later) {
            when = WatchReplies.scheduleSuffix(settings.defaultCron(), settings.defaultTimeZone());
        } else {
            try {
                DigestSchedule s = schedules.ensure(channel, user);
                when = WatchReplies.scheduleSuffix(s.cron, s.timeZone);
            } catch (SchedulerException | RuntimeException e) {
                when = WatchReplies.scheduleNotSet(e.getMessage());
            }
        }
        return WatchReplies.watched(added, user, ref.displayName(), when);
    }
}
