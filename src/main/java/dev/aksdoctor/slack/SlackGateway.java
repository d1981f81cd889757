package dev.aksdoctor.slack;

import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsRepliesRequest;
import com.slack.api.methods.request.usergroups.users.UsergroupsUsersListRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import com.slack.api.methods.request.views.ViewsUpdateRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookPayloads;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.FormBody;
import org.jboss.logging.Logger;

/**
 * The one place that writes to Slack. Retries {@code ratelimited} answers after Slack's {@code Retry-After}
 * (and server errors, for edits and reads, which are safe to repeat) and reports other failures as a {@link SlackCallFailed} the caller can act on (for example tell the user
 * to invite the bot), never as a stack trace in a channel.
 */
@ApplicationScoped
public class SlackGateway {

    private static final Logger LOG = Logger.getLogger(SlackGateway.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    /** Methods whose repeat changes nothing more (an edit, a read): retried after a 5xx as after a 429. */
    private static final java.util.Set<String> REPEATABLE = java.util.Set.of(Methods.CHAT_UPDATE,
            Methods.VIEWS_UPDATE, Methods.VIEWS_PUBLISH, Methods.CONVERSATIONS_REPLIES, Methods.USERGROUPS_USERS_LIST);

    private final SlackBolt bolt;
    private final SlackSettings settings;
    private final MeterRegistry meters;
    private final Sleeper sleeper;
    private final ChannelPacer pacer;
    private final SlackWebApi webApi;

    public SlackGateway(SlackBolt bolt, SlackSettings settings, MeterRegistry meters, Sleeper sleeper, Clock clock) {
        this.bolt = bolt;
        this.settings = settings;
        this.meters = meters;
        this.sleeper = sleeper;
        this.pacer = new ChannelPacer(settings.channelPostInterval(), settings.channelPostBurst(), clock);
        this.webApi = new SlackWebApi(bolt.slack().getConfig());
    }

    /** Posts a message (in a thread when {@code threadTs} is set) and returns its ts. */
    public String postMessage(String channel, String threadTs, String fallbackText, List<LayoutBlock> blocks) {
        pace(channel);
        ChatPostMessageResponse response = call(Methods.CHAT_POST_MESSAGE,
                postForm(channel, threadTs, fallbackText, blocks), ChatPostMessageResponse.class);
        return response.getTs();
    }

    private static FormBody.Builder postForm(String channel, String threadTs, String fallbackText,
            List<LayoutBlock> blocks) {
        return RequestFormBuilder.toForm(ChatPostMessageRequest.builder()
                .channel(channel)
                .threadTs(threadTs)
                .text(fallbackText)
                .blocks(blocks)
                .unfurlLinks(false)
                .unfurlMedia(false)
                .build());
    }

    private static FormBody.Builder updateForm(String channel, String ts, String fallbackText,
            List<LayoutBlock> blocks) {
        return RequestFormBuilder.toForm(ChatUpdateRequest.builder()
                .channel(channel).ts(ts).text(fallbackText).blocks(blocks).build());
    }

    /**
     * Builds the forms of a new message and of its edit with these blocks, and sends nothing: the SDK builds its JSON
     * adapters for each block type on first use, which a warm-up does before the first paste needs them.
     */
    public void buildWithoutSending(String fallbackText, List<LayoutBlock> blocks) {
        postForm("C0", "0.0", fallbackText, blocks).build();
        updateForm("C0", "0.0", fallbackText, blocks).build();
    }

    /** Replaces a message the bot posted earlier. */
    public void updateMessage(String channel, String ts, String fallbackText, List<LayoutBlock> blocks) {
        call(Methods.CHAT_UPDATE, updateForm(channel, ts, fallbackText, blocks), ChatUpdateResponse.class,
                settings.maxRetries());
    }

    /**
     * As {@link #updateMessage}, one attempt only: for edits that a later one supersedes (live progress), where
     * sleeping out a {@code Retry-After} would only hold back the edit that matters.
     */
    public void updateMessageOnce(String channel, String ts, String fallbackText, List<LayoutBlock> blocks) {
        call(Methods.CHAT_UPDATE, updateForm(channel, ts, fallbackText, blocks), ChatUpdateResponse.class, 0);
    }

    /** Posts a message only {@code user} sees, in a thread when {@code threadTs} is set. */
    public void postEphemeral(String channel, String user, String threadTs, String fallbackText,
            List<LayoutBlock> blocks) {
        call(Methods.CHAT_POST_EPHEMERAL, RequestFormBuilder.toForm(ChatPostEphemeralRequest.builder()
                .channel(channel).user(user).threadTs(threadTs).text(fallbackText).blocks(blocks).build()),
                ChatPostEphemeralResponse.class);
    }

    /** Opens a modal for an interaction; the trigger expires 3 s after Slack sent it. Returns the view id. */
    public String openView(String triggerId, View view) {
        ViewsOpenResponse response = call(Methods.VIEWS_OPEN, RequestFormBuilder.toForm(ViewsOpenRequest.builder()
                .triggerId(triggerId).view(view).build()), ViewsOpenResponse.class);
        return response.getView() == null ? null : response.getView().getId();
    }

    /** Replaces an open modal (e.g. once what it shows has been read from Azure). */
    public void updateView(String viewId, View view) {
        call(Methods.VIEWS_UPDATE, RequestFormBuilder.toForm(ViewsUpdateRequest.builder().viewId(viewId).view(view).build()),
                ViewsUpdateResponse.class);
    }

    /** Shows {@code view} as the user's App Home tab. */
    public void publishHome(String user, View view) {
        call(Methods.VIEWS_PUBLISH, RequestFormBuilder.toForm(ViewsPublishRequest.builder().userId(user).view(view).build()),
                ViewsPublishResponse.class);
    }

    /** The first message of a thread (the message itself when {@code ts} is not a thread). */
    public Optional<Message> threadRoot(String channel, String threadTs) {
        ConversationsRepliesResponse response = call(Methods.CONVERSATIONS_REPLIES, RequestFormBuilder.toForm(
                ConversationsRepliesRequest.builder().channel(channel).ts(threadTs).limit(1).inclusive(true).build()),
                ConversationsRepliesResponse.class);
        return response.getMessages() == null ? Optional.empty() : response.getMessages().stream().findFirst();
    }

    /** The members of a user group (a subteam id such as {@code S0614TZR7}). */
    public List<String> userGroupMembers(String groupId) {
        UsergroupsUsersListResponse response = call(Methods.USERGROUPS_USERS_LIST, RequestFormBuilder.toForm(
                UsergroupsUsersListRequest.builder().usergroup(groupId).build()), UsergroupsUsersListResponse.class);
        return response.getUsers() == null ? List.of() : List.copyOf(response.getUsers());
    }

    /** The workspace's address, e.g. {@code https://example.slack.com/}, for links to threads. */
    public String workspaceUrl() {
        if (bolt.botToken().isEmpty()) {
            throw new SlackCallFailed(Methods.AUTH_TEST, "not_configured");
        }
        AuthTestResponse identity;
        try {
            identity = bolt.authTest();
        } catch (IOException e) {
            throw new SlackCallFailed(Methods.AUTH_TEST, "io_error");
        } catch (SlackApiException e) {
            throw new SlackCallFailed(Methods.AUTH_TEST, e.getError() != null && e.getError().getError() != null
                    ? e.getError().getError() : "http_" + e.getResponse().code());
        }
        if (!identity.isOk()) {
            throw new SlackCallFailed(Methods.AUTH_TEST, identity.getError());
        }
        return identity.getUrl();
    }

    /** Answers through an interaction's response_url (only the requester sees it). */
    public void respondEphemeral(String responseUrl, String text) {
        try {
            bolt.slack().send(responseUrl, WebhookPayloads.payload(p -> p.text(text)));
        } catch (IOException e) {
            LOG.warnf("Could not answer through response_url: %s", e.getMessage());
        }
    }

    private void pace(String channel) {
        Duration wait = pacer.reserve(channel);
        if (!wait.isZero()) {
            meters.counter("aksdoctor.slack.paced").increment();
            sleeper.sleep(wait);
        }
    }

    private <T extends SlackApiTextResponse> T call(String method, FormBody.Builder form, Class<T> answerType) {
        return call(method, form, answerType, settings.maxRetries());
    }

    private <T extends SlackApiTextResponse> T call(String method, FormBody.Builder form, Class<T> answerType,
            int maxRetries) {
        String token = bolt.botToken().orElseThrow(() -> new SlackCallFailed(method, "not_configured"));
        MethodsClient client = bolt.slack().methods(token);
        int attempt = 0;
        while (true) {
            attempt++;
            Optional<Duration> retryAfter;
            String error;
            try {
                T response = webApi.post(client, token, method, form, answerType);
                if (response.isOk()) {
                    return response;
                }
                error = response.getError();
                retryAfter = "ratelimited".equals(error) ? Optional.of(DEFAULT_RETRY_AFTER) : Optional.empty();
            } catch (SlackApiException e) {
                error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                        : "http_" + e.getResponse().code();
                int status = e.getResponse().code();
                retryAfter = status == 429 || "ratelimited".equals(error)
                        ? Optional.of(retryAfter(e.getResponse().header("Retry-After")))
                        // A 5xx may or may not have acted: only a call that does the same thing twice is repeated.
                        : status >= 500 && REPEATABLE.contains(method) ? Optional.of(DEFAULT_RETRY_AFTER)
                        : Optional.empty();
            } catch (IOException e) {
                error = "io_error";
                retryAfter = Optional.of(DEFAULT_RETRY_AFTER);
            }
            meters.counter("aksdoctor.slack.errors", "method", method, "error", error).increment();
            if (retryAfter.isEmpty() || attempt > maxRetries) {
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
