package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.reply.Mrkdwn;
import dev.aksdoctor.reply.SlackLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        List<String> ids = store.watched(channel);
        StringBuilder sb = new StringBuilder();
        if (ids.isEmpty()) {
            sb.append("This channel watches no clusters. Add one with `/aks-doctor watch <cluster resource ID>`.");
        } else {
            sb.append("This channel watches ").append(ids.size()).append(ids.size() == 1 ? " cluster" : " clusters");
            store.schedule(channel).ifPresent(s -> sb.append("; digest ").append(Mrkdwn.code(s.cron)).append(" (")
                    .append(s.timeZone).append(")"));
            sb.append(":");
            for (String id : ids) {
                String line = "\n• " + Mrkdwn.code(id);
                if (sb.length() + line.length() > SlackLimits.MESSAGE_TEXT - 40) {
                    sb.append("\n• …");
                    break;
                }
                sb.append(line);
            }
        }
        return ctx.ack(r -> r.responseType("ephemeral").text(sb.toString()));
    }
}
