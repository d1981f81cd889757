package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.digest.AlertSettings;
import dev.aksdoctor.digest.ClusterAlertStore;
import dev.aksdoctor.reply.Mrkdwn;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /aks-doctor alerts on|off <cluster resource id>}: between digests, post one message in this channel
 * when the cluster turns Failed or Stopped. Turning alerts on also watches the cluster.
 */
@ApplicationScoped
public class ClusterAlerts implements SubCommand {

    static final String USAGE = "Usage: `/aks-doctor alerts on <cluster resource ID>` or `/aks-doctor alerts off <cluster resource ID>`: "
            + "one message in this channel when the cluster turns Failed or Stopped.";

    private final ClusterAlertStore store;
    private final AlertSettings settings;

    public ClusterAlerts(ClusterAlertStore store, AlertSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String args = arguments == null ? "" : arguments.strip();
        String[] parts = args.split("\\s+", 2);
        String mode = parts[0].toLowerCase(Locale.ROOT);
        Optional<ClusterRef> ref = parts.length < 2 ? Optional.empty() : ClusterRef.findResourceId(parts[1]);
        if (!(mode.equals("on") || mode.equals("off")) || ref.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text(USAGE));
        }
        boolean on = mode.equals("on");
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        store.setAlerts(channel, ref.get().resourceId().orElseThrow(), user, on);
        String name = Mrkdwn.code(ref.get().displayName());
        String text = on
                ? "<@" + user + "> turned on alerts for " + name + ": one message here when it turns Failed or Stopped"
                        + (settings.everyMinutes() > 0 ? " (checked every " + Math.min(settings.everyMinutes(), 59) + " min)."
                        : ". Alert checks are turned off on this installation (aks-doctor.alerts.every-minutes=0).")
                : "<@" + user + "> turned off alerts for " + name + "; it stays in the digest.";
        return ctx.ack(r -> r.responseType("in_channel").text(text));
    }
}
