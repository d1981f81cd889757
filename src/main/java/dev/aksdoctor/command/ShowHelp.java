package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.reply.HelpRenderer;
import dev.aksdoctor.reply.Usage;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code /aks-doctor help}: usage of every registered sub-command, only to the person who asked. */
@ApplicationScoped
public class ShowHelp implements SubCommand {

    static final String NAME = "help";

    private final SubCommands subCommands;

    public ShowHelp(SubCommands subCommands) {
        this.subCommands = subCommands;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Usage usage() {
        return Usage.of("help", "this message");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        return ctx.ack(r -> r.responseType("ephemeral").text(HelpRenderer.fallbackText())
                .blocks(HelpRenderer.usage(null, subCommands.usages())));
    }
}
