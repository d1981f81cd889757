package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.reply.ChannelReplies;
import dev.aksdoctor.reply.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** {@code /aks-doctor autodetect on|off}: diagnose messages in this channel that look like AKS errors. */
@ApplicationScoped
public class ToggleAutodetect implements SubCommand {

    private final ChannelSettings settings;

    public ToggleAutodetect(ChannelSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "autodetect";
    }

    @Override
    public Usage usage() {
        return Usage.of("autodetect on|off", "diagnose AKS errors posted in this channel without being asked");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        String arg = arguments.strip().toLowerCase(Locale.ROOT);
        String answer;
        if (arg.equals("on")) {
            settings.setAutodetect(channel, true, user);
            answer = ChannelReplies.AUTODETECT_ON;
        } else if (arg.equals("off")) {
            settings.setAutodetect(channel, false, user);
            answer = ChannelReplies.AUTODETECT_OFF;
        } else {
            answer = ChannelReplies.autodetectState(settings.autodetect(channel));
        }
        String text = answer;
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
