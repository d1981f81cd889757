package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.reply.Usage;
import dev.aksdoctor.reply.WatchReplies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@code /aks-doctor unwatch <cluster resource id>}. */
@ApplicationScoped
public class UnwatchCluster implements SubCommand {

    private final DigestStore store;

    public UnwatchCluster(DigestStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "unwatch";
    }

    @Override
    public Usage usage() {
        return Usage.of("unwatch <resource ID>", "remove a cluster from this channel's watch list");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        Optional<ClusterRef> ref = ClusterRef.findResourceId(arguments == null ? "" : arguments);
        if (ref.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text(WatchReplies.needId(name())));
        }
        boolean removed = store.unwatch(request.getPayload().getChannelId(), ref.get().resourceId().orElseThrow());
        String text = WatchReplies.unwatched(removed, request.getPayload().getUserId(), ref.get().displayName());
        return ctx.ack(r -> r.responseType(removed ? "in_channel" : "ephemeral").text(text));
    }
}
