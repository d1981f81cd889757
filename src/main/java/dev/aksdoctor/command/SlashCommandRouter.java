package dev.aksdoctor.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.diagnosis.PasteParser;
import dev.aksdoctor.reply.HelpRenderer;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Routes {@code /aks-doctor}: empty text or {@code help} shows usage; a known first word selects a
 * sub-command; a lone word that is neither a sub-command nor a known error code gets usage with a hint;
 * anything else is a pasted error.
 */
@ApplicationScoped
public class SlashCommandRouter implements SlackRoute {

    public static final String COMMAND = "/aks-doctor";
    /** A single short token is a mistyped sub-command, not an error paste. */
    private static final Pattern LONE_WORD = Pattern.compile("[A-Za-z][\\w-]{0,30}");
    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,32}");

    private final SubCommands subCommands;
    private final ExplainPastedError explain;
    private final PasteParser parser;

    public SlashCommandRouter(SubCommands subCommands, ExplainPastedError explain, PasteParser parser) {
        this.subCommands = subCommands;
        this.explain = explain;
        this.parser = parser;
    }

    @Override
    public void register(App app) {
        app.command(COMMAND, this::route);
    }

    Response route(SlashCommandRequest request, SlashCommandContext ctx) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        SlashCommandPayload payload = request.getPayload();
        if (payload.getUserId() == null || payload.getChannelId() == null
                || !SLACK_ID.matcher(payload.getUserId()).matches() || !SLACK_ID.matcher(payload.getChannelId()).matches()) {
            return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                    .body("A slash command needs user_id and channel_id.").build();
        }
        String text = payload.getText() == null ? "" : payload.getText().strip();
        if (text.isEmpty()) {
            return subCommands.named(ShowHelp.NAME).orElseThrow().handle("", request, ctx);
        }
        String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        Optional<SubCommand> sub = subCommands.named(first);
        if (sub.isPresent()) {
            String args = text.length() > first.length() ? text.substring(first.length()).strip() : "";
            return sub.get().handle(args, request, ctx);
        }
        if (LONE_WORD.matcher(text).matches() && !parser.parse(text).recognized()) {
            return ctx.ack(r -> r.responseType("ephemeral").text(HelpRenderer.fallbackText())
                    .blocks(HelpRenderer.usage(HelpRenderer.unknownSubCommand(text), subCommands.usages())));
        }
        return explain.handle(text, request, ctx);
    }
}
