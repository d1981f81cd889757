package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.reply.Usage;

/**
 * One {@code /aks-doctor <name> …} sub-command. It describes itself: help is rendered from {@link #usage()}, and
 * tests hold the manifest's {@code usage_hint} and the README to the registered names.
 */
public interface SubCommand {

    /** The first word that selects this sub-command, lower case. */
    String name();

    /** How it is typed and what it is for, as help shows it. */
    Usage usage();

    Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx)
            throws java.io.IOException, com.slack.api.methods.SlackApiException;
}
