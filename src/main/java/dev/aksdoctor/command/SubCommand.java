package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/** One {@code /aks-doctor <name> …} sub-command. */
public interface SubCommand {

    /** The first word that selects this sub-command, lower case. */
    String name();

    Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx)
            throws java.io.IOException, com.slack.api.methods.SlackApiException;
}
