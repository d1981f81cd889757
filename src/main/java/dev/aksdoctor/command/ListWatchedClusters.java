package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.digest.DigestSchedule;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.reply.Usage;
import dev.aksdoctor.reply.WatchReplies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@code /aks-doctor watching}: this channel's watch list and digest schedule, to the asker only. */
@ApplicationScoped
public class ListWatchedClusters implements SubCommand {

    private final DigestStore store;

    public ListWatchedClusters(DigestStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "watching";
    }

    @Override
    public Usage usage() {
        return Usage.of("watching", "the clusters this channel watches and its digest schedule");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        Optional<DigestSchedule> schedule = store.schedule(channel);
        String text = WatchReplies.watchList(store.watched(channel), schedule.map(s -> s.cron).orElse(null),
                schedule.map(s -> s.timeZone).orElse(null));
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
