package dev.aksdoctor.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.aksdoctor.azure.AzureHealthCheck;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.digest.DigestStore;
import dev.aksdoctor.investigation.InvestigationStatus;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.reply.StatusRenderer;
import dev.aksdoctor.reply.StatusView;
import dev.aksdoctor.reply.Usage;
import dev.aksdoctor.slack.SlackHealthCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /aks-doctor status}: what an on-call engineer asks first — is the bot keeping up (queued and running
 * investigations), can it reach Azure and Slack (the same checks as {@code /q/health}), and what this channel is
 * set to (default cluster, watches). Only to the person who asked.
 */
@ApplicationScoped
public class ShowStatus implements SubCommand {

    private final InvestigationStore investigations;
    private final List<HealthCheck> health;
    private final ChannelSettings settings;
    private final DigestStore digests;

    public ShowStatus(InvestigationStore investigations, @Readiness AzureHealthCheck azure, @Readiness SlackHealthCheck slack,
            ChannelSettings settings, DigestStore digests) {
        this.investigations = investigations;
        this.health = List.of(azure, slack);
        this.settings = settings;
        this.digests = digests;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Usage usage() {
        return Usage.of("status", "the investigation queue, Azure and Slack health, and this channel's default cluster and watches");
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String channel = request.getPayload().getChannelId();
        StatusView view = new StatusView(investigations.count(InvestigationStatus.QUEUED),
                investigations.count(InvestigationStatus.RUNNING),
                health.stream().map(h -> health(h.call())).toList(),
                settings.channelDefault(channel), digests.watched(channel),
                digests.schedule(channel).map(s -> new StatusView.Schedule(s.cron, s.timeZone)));
        return ctx.ack(r -> r.responseType("ephemeral").text(StatusRenderer.fallbackText(view))
                .blocks(StatusRenderer.blocks(view)));
    }

    private static StatusView.Health health(HealthCheckResponse r) {
        return new StatusView.Health(r.getName(), r.getStatus() == HealthCheckResponse.Status.UP,
                r.getData().orElse(java.util.Map.of()));
    }
}
