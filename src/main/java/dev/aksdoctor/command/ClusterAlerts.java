package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.digest.AlertSettings;
import dev.aksdoctor.digest.ClusterAlertStore;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.reply.Mrkdwn;
import dev.aksdoctor.reply.Usage;
import dev.aksdoctor.reply.WatchReplies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /aks-doctor alerts on|off <cluster resource id>}: between digests, post one message in this channel
 * when the cluster turns Failed or Stopped. Turning alerts on also watches the cluster.
 */
@ApplicationScoped
public class ClusterAlerts implements SubCommand {

    private final ClusterAlertStore store;
    private final AlertSettings settings;
    private final ChannelScopes scopes;

    public ClusterAlerts(ClusterAlertStore store, AlertSettings settings, ChannelScopes scopes) {
        this.scopes = scopes;
        this.store = store;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public Usage usage() {
        return Usage.of("alerts on|off <resource ID>", "one alert when a watched cluster turns Failed or Stopped");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String args = arguments == null ? "" : arguments.strip();
        String[] parts = args.split("\\s+", 2);
        String mode = parts[0].toLowerCase(Locale.ROOT);
        Optional<ClusterRef> ref = parts.length < 2 ? Optional.empty() : ClusterRef.findResourceId(parts[1]);
        if (!(mode.equals("on") || mode.equals("off")) || ref.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text(WatchReplies.ALERTS_USAGE));
        }
        boolean on = mode.equals("on");
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        if (on && !scopes.permits(channel, ref.get())) {
            String refusal = ButtonReplies.outsideScope(scopes.describe(channel), Mrkdwn.code(ref.get().displayName()));
            return ctx.ack(r -> r.responseType("ephemeral").text(refusal));
        }
        store.setAlerts(channel, ref.get().resourceId().orElseThrow(), user, on);
        String name = ref.get().displayName();
        String text = on ? WatchReplies.alertsOn(user, name, settings.everyMinutes()) : WatchReplies.alertsOff(user, name);
        return ctx.ack(r -> r.responseType("in_channel").text(text));
    }
}
