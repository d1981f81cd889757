package dev.aksdoctor.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What every verified Slack request (HTTP or Socket Mode) passes before Bolt routes it.
 *
 * <ul>
 *   <li>It comes from the workspace the bot is installed in (the team, or for an org-wide install the Enterprise
 *   Grid org, that auth.test names). Bolt's single-team authorization replaces the request's team with the
 *   installed one, so a payload naming another team would otherwise look like ours to every handler.</li>
 *   <li>A slash command is answered once: Slack gives each invocation its own trigger id, so a second request with
 *   the same trigger in the same team is a replay or a duplicate delivery, answered with an empty 200 (Slack then
 *   shows nothing more). Events, presses and dialogs are de-duplicated by their handlers.</li>
 * </ul>
 */
@ApplicationScoped
public class SlackAdmission {

    private static final Logger LOG = Logger.getLogger(SlackAdmission.class);

    /** The installed workspace, as auth.test says. */
    record Workspace(String teamId, String enterpriseId) {
    }

    private final SlackBolt bolt;
    private final SlackDeliveries deliveries;
    private volatile Workspace installed;

    public SlackAdmission(SlackBolt bolt, SlackDeliveries deliveries) {
        this.bolt = bolt;
        this.deliveries = deliveries;
    }

    /** The answer for a request that must not reach a handler, or empty to let it through. */
    public Optional<Response> refusal(Request<?> request, String signature) {
        RequestType type = request.getRequestType();
        if (type == RequestType.UrlVerification || type == RequestType.SSLCheck) {
            return Optional.empty();
        }
        Optional<Workspace> workspace = installed();
        if (workspace.isEmpty()) {
            return Optional.of(text(503, "AKS Doctor cannot confirm which Slack workspace it is installed in "
                    + "(auth.test failed); try again in a minute."));
        }
        String team = request.getContext().getTeamId();
        String enterprise = request.getContext().getEnterpriseId();
        boolean ours = workspace.get().teamId().equals(team)
                || (workspace.get().enterpriseId() != null && workspace.get().enterpriseId().equals(enterprise));
        if (!ours) {
            LOG.warnf("Refused a signed Slack request (%s) from team %s: installed in %s", type, team,
                    workspace.get().teamId());
            return Optional.of(text(403, "This AKS Doctor is installed in another Slack workspace: send requests "
                    + "from the workspace it is installed in."));
        }
        if (request instanceof SlashCommandRequest command && !deliveries.firstTime(commandKey(command, signature))) {
            LOG.infof("Ignored a repeated slash command from %s in %s", command.getPayload().getUserId(),
                    command.getPayload().getChannelId());
            return Optional.of(Response.builder().statusCode(200).build());
        }
        return Optional.empty();
    }

    /** A slash command's identity; without a trigger id (Slack always sends one) its signature stands in. */
    static String commandKey(SlashCommandRequest command, String signature) {
        String team = command.getPayload().getTeamId() == null ? "-" : command.getPayload().getTeamId();
        String trigger = command.getPayload().getTriggerId();
        return trigger == null || trigger.isBlank() ? "command-sig:" + signature : "command:" + team + ":" + trigger;
    }

    private Optional<Workspace> installed() {
        Workspace known = installed;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> token = bolt.botToken();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            // The one auth.test of this process, shared with Bolt's authorization and the workspace URL.
            AuthTestResponse auth = bolt.authTest();
            if (!auth.isOk() || auth.getTeamId() == null) {
                LOG.warnf("auth.test did not name the installed workspace (%s); Slack requests are refused until it does",
                        auth.getError());
                return Optional.empty();
            }
            Workspace found = new Workspace(auth.getTeamId(), auth.isEnterpriseInstall() ? auth.getEnterpriseId() : null);
            installed = found;
            LOG.infof("Slack requests are accepted from workspace %s%s", found.teamId(),
                    found.enterpriseId() == null ? "" : " and its org " + found.enterpriseId());
            return Optional.of(found);
        } catch (IOException | SlackApiException e) {
            LOG.warnf("auth.test failed (%s); Slack requests are refused until it answers", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Response text(int status, String message) {
        return Response.builder().statusCode(status).contentType("text/plain; charset=utf-8").body(message).build();
    }
}
