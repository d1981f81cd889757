package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.digest.DigestSettings;
import dev.aksdoctor.reply.WatchReplies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * {@code /aks-doctor digest detectors on|off}: whether the channel's digest adds the AKS detectors' critical
 * insights. Those who may change the digest's schedule may change this (it costs ARM calls on every digest).
 */
@ApplicationScoped
public class ToggleDigestDetectors {

    static final String WORD = "detectors";

    private final ChannelSettings channels;
    private final DigestSettings settings;

    public ToggleDigestDetectors(ChannelSettings channels, DigestSettings settings) {
        this.channels = channels;
        this.settings = settings;
    }

    /** {@code argument}: what follows {@code digest detectors}. */
    Response handle(String channel, String user, String argument, SlashCommandContext ctx) {
        String arg = argument.strip().toLowerCase(Locale.ROOT);
        boolean on = arg.equals("on");
        if (!on && !arg.equals("off")) {
            boolean now = channels.digestDetectors(channel);
            String text = arg.isEmpty() ? WatchReplies.digestDetectorsState(now)
                    : WatchReplies.digestDetectorsNotUnderstood(argument.strip(), now);
            return ctx.ack(r -> r.responseType("ephemeral").text(text));
        }
        if (settings.scheduleEditors().isPresent() && !settings.scheduleEditors().get().contains(user)) {
            return ctx.ack(r -> r.responseType("ephemeral").text(WatchReplies.scheduleNotYours(
                    settings.scheduleEditors().get())));
        }
        channels.setDigestDetectors(channel, on, user);
        return ctx.ack(r -> r.responseType("in_channel").text(WatchReplies.digestDetectorsSet(user, on)));
    }
}
