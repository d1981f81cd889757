package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.reply.HelpRenderer;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code /aks-doctor help}: usage, only to the person who asked. */
@ApplicationScoped
public class ShowHelp implements SubCommand {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        return ctx.ack(r -> r.responseType("ephemeral").text(HelpRenderer.fallbackText())
                .blocks(HelpRenderer.usage(null)));
    }
}
