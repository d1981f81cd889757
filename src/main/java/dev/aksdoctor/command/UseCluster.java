package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.azure.ClusterSummary;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.reply.Mrkdwn;
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

    public UseCluster(ChannelSettings settings, ClusterInventory inventory, ChannelScopes scopes) {
        this.settings = settings;
        this.inventory = inventory;
        this.scopes = scopes;
    }

    @Override
    public String name() {
        return "use";
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        String answer = answer(arguments.strip(), channel, user);
        return ctx.ack(r -> r.responseType("ephemeral").text(answer));
    }

    private String answer(String arg, String channel, String user) {
        if (arg.isEmpty()) {
            return settings.channelDefault(channel)
                    .map(c -> "This channel's default cluster is " + Mrkdwn.code(c.displayName()) + " (subscription "
                            + c.subscriptionId() + ").")
                    .orElse("This channel has no default cluster. Set one with `/aks-doctor use <resource ID or "
                            + "resource-group/name>`.");
        }
        if (arg.equalsIgnoreCase("none") || arg.equalsIgnoreCase("off")) {
            settings.setDefault(channel, null, user);
            return "This channel no longer has a default cluster.";
        }
        Optional<ClusterRef> resolved;
        try {
            resolved = resolve(arg);
        } catch (ArmException e) {
            return "I couldn't list the clusters I can see: " + Mrkdwn.escape(e.getMessage())
                    + ". A full resource ID works without listing.";
        } catch (Ambiguous e) {
            return e.getMessage();
        }
        if (resolved.isEmpty()) {
            return "I can't find a cluster " + Mrkdwn.code(arg) + " among those I can see. Use its resource ID "
                    + "(`/subscriptions/…/resourceGroups/…/providers/Microsoft.ContainerService/managedClusters/…`) "
                    + "or `<resource group>/<name>`.";
        }
        ClusterRef cluster = resolved.get();
        if (!scopes.permits(channel, cluster)) {
            return ":no_entry: This channel is limited to " + scopes.describe(channel) + "; "
                    + Mrkdwn.code(cluster.displayName()) + " is outside it.";
        }
        settings.setDefault(channel, cluster, user);
        return ":white_check_mark: Investigations in this channel now default to " + Mrkdwn.code(cluster.displayName())
                + " (subscription " + cluster.subscriptionId() + ") when a paste names no cluster.";
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
            throw new Ambiguous(Mrkdwn.code(arg) + " matches " + matches.size() + " clusters ("
                    + matches.stream().map(r -> Mrkdwn.code(r.resourceId().orElse(r.displayName())))
                            .collect(Collectors.joining(", ")) + "). Use the resource ID.");
        }
        return matches.stream().findFirst();
    }

    private static final class Ambiguous extends RuntimeException {
        Ambiguous(String message) {
            super(message);
        }
    }
}
