package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.ClusterSummary;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.reply.ChannelReplies;
import dev.aksdoctor.reply.Mrkdwn;
import dev.aksdoctor.reply.Usage;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /aks-doctor use <cluster>}: the cluster investigations in this channel fall back to when a paste
 * does not name one. Takes a resource ID, {@code <resource group>/<name>} or a name that is unique among the
 * clusters the bot can see; {@code use none} clears it; {@code use} alone shows it.
 */
@ApplicationScoped
public class UseCluster implements SubCommand {

    private final ChannelSettings settings;
    private final ClusterInventory inventory;
    private final ChannelScopes scopes;
    private final BackgroundWork background;
    private final SlackGateway slack;

    public UseCluster(ChannelSettings settings, ClusterInventory inventory, ChannelScopes scopes,
            BackgroundWork background, SlackGateway slack) {
        this.settings = settings;
        this.inventory = inventory;
        this.scopes = scopes;
        this.background = background;
        this.slack = slack;
    }

    @Override
    public String name() {
        return "use";
    }

    @Override
    public Usage usage() {
        return Usage.of("use <resource ID | rg/name | none>", "this channel's default cluster");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        String arg = arguments.strip();
        String responseUrl = request.getPayload().getResponseUrl();
        // A name is looked up in the list of visible clusters: ARM calls per subscription on a cold replica, so after
        // the ack, answered through the response_url. A resource ID, "none" or nothing needs only the database.
        if (ClusterRef.findResourceId(arg).isEmpty() && !isClear(arg) && !arg.isEmpty() && responseUrl != null
                && background.submit("use " + channel, () -> slack.respondEphemeral(responseUrl,
                        answer(arg, channel, user)))) {
            return ctx.ack(r -> r.responseType("ephemeral").text(ChannelReplies.lookingFor(arg)));
        }
        String answer = answer(arg, channel, user);
        return ctx.ack(r -> r.responseType("ephemeral").text(answer));
    }

    private static boolean isClear(String arg) {
        return arg.equalsIgnoreCase("none") || arg.equalsIgnoreCase("off");
    }

    private String answer(String arg, String channel, String user) {
        if (arg.isEmpty()) {
            return settings.channelDefault(channel).map(ChannelReplies::defaultCluster).orElse(ChannelReplies.NO_DEFAULT);
        }
        if (isClear(arg)) {
            settings.setDefault(channel, null, user);
            return ChannelReplies.DEFAULT_CLEARED;
        }
        Optional<ClusterRef> resolved;
        try {
            resolved = resolve(arg);
        } catch (ArmException e) {
            return ChannelReplies.cannotList(e.getMessage());
        } catch (Ambiguous e) {
            return e.getMessage();
        }
        if (resolved.isEmpty()) {
            return ChannelReplies.notFound(arg);
        }
        ClusterRef cluster = resolved.get();
        if (!scopes.permits(channel, cluster)) {
            return ButtonReplies.outsideScope(scopes.describe(channel), Mrkdwn.code(cluster.displayName()));
        }
        settings.setDefault(channel, cluster, user);
        return ChannelReplies.defaultSet(cluster);
    }

    private Optional<ClusterRef> resolve(String arg) {
        Optional<ClusterRef> byId = ClusterRef.findResourceId(arg);
        if (byId.isPresent()) {
            return byId;
        }
        if (!arg.matches("[-\\w.()]{1,90}(/[-\\w]{1,63})?")) {
            return Optional.empty();
        }
        String[] parts = arg.split("/");
        String group = parts.length == 2 ? parts[0].toLowerCase(Locale.ROOT) : null;
        String name = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        List<ClusterRef> matches = inventory.clusters().stream().map(ClusterSummary::ref)
                .filter(r -> r.name().equalsIgnoreCase(name)
                        && (group == null || r.resourceGroup().equalsIgnoreCase(group)))
                .collect(Collectors.toList());
        if (matches.size() > 1) {
            throw new Ambiguous(ChannelReplies.ambiguous(arg, matches));
        }
        return matches.stream().findFirst();
    }

    private static final class Ambiguous extends RuntimeException {
        Ambiguous(String message) {
            super(message);
        }
    }
}
