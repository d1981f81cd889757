package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.channel.ChannelSettings;
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
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        String user = request.getPayload().getUserId();
        String arg = arguments.strip().toLowerCase(Locale.ROOT);
        String answer;
        if (arg.equals("on")) {
            settings.setAutodetect(channel, true, user);
            answer = ":eyes: Autodetect is *on* in this channel: messages that look like an AKS error get a diagnosis "
                    + "in their thread. Make sure I'm a member here (`/invite @aks-doctor`).";
        } else if (arg.equals("off")) {
            settings.setAutodetect(channel, false, user);
            answer = "Autodetect is *off* in this channel. Use the message shortcut or mention me to diagnose.";
        } else {
            answer = "Autodetect is *" + (settings.autodetect(channel) ? "on" : "off") + "* in this channel. "
                    + "Use `/aks-doctor autodetect on` or `/aks-doctor autodetect off`.";
        }
        String text = answer;
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
