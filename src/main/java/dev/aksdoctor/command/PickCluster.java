package dev.aksdoctor.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.view.ViewState;
import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.action.NextActionHandler;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterInventory;
import dev.aksdoctor.azure.ClusterSummary;
import dev.aksdoctor.channel.ChannelSettings;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.investigation.StartInvestigation;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.reply.ClusterPickerView;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackDeliveries;
import dev.aksdoctor.slack.SlackGateway;
import dev.aksdoctor.slack.SlackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * "Pick the cluster": when an investigation could not locate its cluster, a modal lets the presser choose it
 * (type-ahead over the clusters the bot can see and the channel may use) or paste its resource ID; the
 * investigation then runs again against it in the same thread, and the choice may become the channel's default.
 */
@ApplicationScoped
public class PickCluster implements SlackRoute, NextActionHandler {

    private static final Logger LOG = Logger.getLogger(PickCluster.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHOLE_ID = Pattern.compile("\\s*/subscriptions/[^\\s]{1,400}\\s*");

    /** What the modal carries between opening and submission. */
    record Metadata(long investigationId, String channel) {
        String toJson() {
            return JSON.createObjectNode().put("inv", investigationId).put("c", channel).toString();
        }

        static Optional<Metadata> parse(String json) {
            if (json == null || json.length() > 200) {
                return Optional.empty();
            }
            try {
                JsonNode n = JSON.readTree(json);
                if (n == null || !n.path("inv").canConvertToLong() || !n.path("inv").isIntegralNumber()
                        || !SlackIds.isChannel(n.path("c").asText(null))) {
                    return Optional.empty();
                }
                return Optional.of(new Metadata(n.path("inv").longValue(), n.path("c").asText()));
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
    }

    private final FreshPresses presses;
    private final InvestigationStore investigations;
    private final SlackDeliveries deliveries;
    private final ButtonGuard guard;
    private final SlackGateway slack;
    private final ClusterInventory inventory;
    private final ChannelScopes scopes;
    private final ChannelSettings settings;
    private final StartInvestigation start;

    public PickCluster(FreshPresses presses, InvestigationStore investigations, SlackDeliveries deliveries, ButtonGuard guard,
            SlackGateway slack, ClusterInventory inventory, ChannelScopes scopes, ChannelSettings settings,
            StartInvestigation start) {
        this.presses = presses;
        this.investigations = investigations;
        this.deliveries = deliveries;
        this.guard = guard;
        this.slack = slack;
        this.inventory = inventory;
        this.scopes = scopes;
        this.settings = settings;
        this.start = start;
    }

    @Override
    public NextAction action() {
        return NextAction.PICK_CLUSTER;
    }

    @Override
    public void register(App app) {
        app.blockAction(action().id(), (req, ctx) -> {
            Optional<ButtonPress> parsed = presses.withTrigger(req.getPayload());
            if (parsed.isEmpty()) {
                return ctx.ack();
            }
            ButtonPress press = parsed.get();
            if (press.investigation().isEmpty()) {
                guard.tell(press, ButtonReplies.INVESTIGATION_GONE);
                return ctx.ack();
            }
            try {
                slack.openView(press.triggerId(), ClusterPickerView.modal(
                        new Metadata(press.investigation().get().id, press.channel()).toJson()));
            } catch (SlackCallFailed e) {
                LOG.warnf("Could not open the cluster picker: %s", e.error());
            }
            return ctx.ack();
        });
        app.blockSuggestion(Pattern.compile(ClusterPickerView.SUB_ACTION + "|" + ClusterPickerView.GROUP_ACTION + "|"
                + ClusterPickerView.CLUSTER_ACTION), (req, ctx) -> {
            var p = req.getPayload();
            Optional<Metadata> meta = p.getView() == null ? Optional.empty() : Metadata.parse(p.getView().getPrivateMetadata());
            if (meta.isEmpty()) {
                return ctx.ack(r -> r.options(List.of()));
            }
            List<ClusterChoices.Choice> choices = choices(p.getActionId(), p.getValue(), meta.get().channel(),
                    p.getView().getState());
            List<Option> options = choices.stream()
                    .map(c -> new Option(BlockCompositions.plainText(c.text()), c.value())).toList();
            return ctx.ack(r -> r.options(options));
        });
        app.viewSubmission(ClusterPickerView.CALLBACK, (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            if (p.getUser() == null || !SlackIds.isUser(p.getUser().getId()) || p.getView() == null) {
                return ctx.ack();
            }
            Optional<Metadata> meta = Metadata.parse(p.getView().getPrivateMetadata());
            Optional<Investigation> inv = meta.flatMap(m -> investigations.find(m.investigationId()))
                    .filter(i -> i.channel.equals(meta.get().channel()));
            if (inv.isEmpty()) {
                return ctx.ackWithErrors(Map.of(ClusterPickerView.CLUSTER_BLOCK, ButtonReplies.INVESTIGATION_GONE));
            }
            String channel = meta.get().channel();
            Map<String, Map<String, ViewState.Value>> values = p.getView().getState() == null ? Map.of()
                    : p.getView().getState().getValues();
            String typedId = text(values, ClusterPickerView.ID_BLOCK, ClusterPickerView.ID_ACTION);
            String picked = selected(values, ClusterPickerView.CLUSTER_BLOCK, ClusterPickerView.CLUSTER_ACTION);
            Optional<ClusterRef> cluster;
            String block;
            if (typedId != null && !typedId.isBlank()) {
                block = ClusterPickerView.ID_BLOCK;
                cluster = WHOLE_ID.matcher(typedId).matches() ? ClusterRef.findResourceId(typedId) : Optional.empty();
                if (cluster.isEmpty()) {
                    return ctx.ackWithErrors(Map.of(block, ClusterPickerView.NOT_A_RESOURCE_ID));
                }
            } else if (picked != null) {
                block = ClusterPickerView.CLUSTER_BLOCK;
                cluster = ClusterChoices.parseCluster(picked);
                if (cluster.isEmpty()) {
                    return ctx.ackWithErrors(Map.of(block, ClusterPickerView.PICK_AGAIN));
                }
            } else {
                return ctx.ackWithErrors(Map.of(ClusterPickerView.CLUSTER_BLOCK, ClusterPickerView.PICK_ONE));
            }
            if (!scopes.permits(channel, cluster.get())) {
                return ctx.ackWithErrors(Map.of(block, ClusterPickerView.limitedTo(scopes.describe(channel))));
            }
            if (!deliveries.firstTime("view:" + p.getView().getId())) {
                return ctx.ack();
            }
            String user = p.getUser().getId();
            Investigation i = inv.get();
            String resourceId = cluster.get().resourceId().orElseThrow();
            // Appended as a resource id, which the parser and the locator take over the paste's own clues.
            StartInvestigation.Started started = start.inThread(i.source, user, channel, i.threadTs,
                    i.textRedacted + "\n" + resourceId, null, false);
            if (!started.queued()) {
                guard.tellUser(user, channel, i.threadTs, ButtonReplies.notStarted(started, ClusterPickerView.RETRY));
                return ctx.ack();
            }
            boolean makeDefault = checked(values, ClusterPickerView.DEFAULT_BLOCK, ClusterPickerView.DEFAULT_ACTION);
            if (makeDefault) {
                settings.setDefault(channel, cluster.get(), user);
            }
            guard.tellUser(user, channel, i.threadTs, ClusterPickerView.checking(cluster.get().displayName(), resourceId,
                    makeDefault));
            return ctx.ack();
        });
    }

    private List<ClusterChoices.Choice> choices(String actionId, String typed, String channel, ViewState state) {
        List<ClusterRef> visible;
        try {
            visible = inventory.clusters().stream().map(ClusterSummary::ref).toList();
        } catch (ArmException e) {
            LOG.debugf("No cluster list for the picker: %s", e.getMessage());
            return List.of();
        }
        Predicate<ClusterRef> allowed = c -> scopes.permits(channel, c);
        String typedText = typed == null || typed.length() > 100 ? null : typed;
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        String sub = ClusterChoices.parseSubscription(selected(values, ClusterPickerView.SUB_BLOCK,
                ClusterPickerView.SUB_ACTION)).orElse(null);
        Optional<String[]> group = ClusterChoices.parseGroup(selected(values, ClusterPickerView.GROUP_BLOCK,
                ClusterPickerView.GROUP_ACTION));
        if (ClusterPickerView.SUB_ACTION.equals(actionId)) {
            return ClusterChoices.subscriptions(visible, allowed, typedText);
        }
        if (ClusterPickerView.GROUP_ACTION.equals(actionId)) {
            return ClusterChoices.groups(visible, allowed, typedText, sub);
        }
        return ClusterChoices.clusters(visible, allowed, typedText, group.map(g -> g[0]).orElse(sub),
                group.map(g -> g[1]).orElse(null));
    }

    private static String selected(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
        ViewState.Value v = values.getOrDefault(block, Map.of()).get(action);
        return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
        ViewState.Value v = values.getOrDefault(block, Map.of()).get(action);
        return v == null ? null : v.getValue();
    }

    private static boolean checked(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
        ViewState.Value v = values.getOrDefault(block, Map.of()).get(action);
        return v != null && v.getSelectedOptions() != null && v.getSelectedOptions().stream()
                .anyMatch(o -> ClusterPickerView.DEFAULT_VALUE.equals(o.getValue()));
    }

}
