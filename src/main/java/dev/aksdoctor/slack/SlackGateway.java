package dev.aksdoctor.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookPayloads;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one place that writes to Slack. Retries {@code ratelimited} answers after Slack's {@code Retry-After}
 * and reports other failures as a {@link SlackCallFailed} the caller can act on (for example tell the user
 * to invite the bot), never as a stack trace in a channel.
 */
@ApplicationScoped
public class SlackGateway {

    private static final Logger LOG = Logger.getLogger(SlackGateway.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final SlackBolt bolt;
    private final SlackSettings settings;
    private final MeterRegistry meters;
    private final Sleeper sleeper;

    public SlackGateway(SlackBolt bolt, SlackSettings settings, MeterRegistry meters, Sleeper sleeper) {
        this.bolt = bolt;
        this.settings = settings;
        this.meters = meters;
        this.sleeper = sleeper;
    }

    /** Posts a message (in a thread when {@code threadTs} is set) and returns its ts. */
    public String postMessage(String channel, String threadTs, String fallbackText, List<LayoutBlock> blocks) {
        ChatPostMessageResponse response = call("chat.postMessage", client -> client.chatPostMessage(r -> r
                .channel(channel)
                .threadTs(threadTs)
                .text(fallbackText)
                .blocks(blocks)
                .unfurlLinks(false)
                .unfurlMedia(false)));
        return response.getTs();
    }

    /** Replaces a message the bot posted earlier. */
    public void updateMessage(String channel, String ts, String fallbackText, List<LayoutBlock> blocks) {
        call("chat.update", client -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(fallbackText).blocks(blocks)));
    }

    /** Answers through an interaction's response_url (only the requester sees it). */
    public void respondEphemeral(String responseUrl, String text) {
        try {
            bolt.slack().send(responseUrl, WebhookPayloads.payload(p -> p.text(text)));
        } catch (IOException e) {
            LOG.warnf("Could not answer through response_url: %s", e.getMessage());
        }
    }

    @FunctionalInterface
    interface SlackCall<T extends SlackApiTextResponse> {
        T apply(MethodsClient client) throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        String token = bolt.botToken().orElseThrow(() -> new SlackCallFailed(method, "not_configured"));
        MethodsClient client = bolt.slack().methods(token);
        int attempt = 0;
        while (true) {
            attempt++;
            Optional<Duration> retryAfter;
            String error;
            try {
                T response = call.apply(client);
                if (response.isOk()) {
                    return response;
                }
                error = response.getError();
                retryAfter = "ratelimited".equals(error) ? Optional.of(DEFAULT_RETRY_AFTER) : Optional.empty();
            } catch (SlackApiException e) {
                error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                        : "http_" + e.getResponse().code();
                retryAfter = e.getResponse().code() == 429 || "ratelimited".equals(error)
                        ? Optional.of(retryAfter(e.getResponse().header("Retry-After")))
                        : Optional.empty();
            } catch (IOException e) {
                error = "io_error";
                retryAfter = Optional.of(DEFAULT_RETRY_AFTER);
            }
            meters.counter("aksdoctor.slack.errors", "method", method, "error", error).increment();
            if (retryAfter.isEmpty() || attempt > settings.maxRetries()) {
                LOG.warnf("Slack %s failed after %d attempt(s): %s", method, attempt, error);
                throw new SlackCallFailed(method, error);
            }
            LOG.debugf("Slack %s answered %s; retrying in %s", method, error, retryAfter.get());
            sleeper.sleep(retryAfter.get());
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || !header.matches("\\d{1,4}")) {
            return DEFAULT_RETRY_AFTER;
        }
        Duration d = Duration.ofSeconds(Long.parseLong(header));
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }
}
