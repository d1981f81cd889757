package dev.aksdoctor.command;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.SubnetFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.reply.Mrkdwn;
import dev.aksdoctor.reply.NetworkListingRenderer;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * What the read-only "show" buttons share: the network resource named in the button lies where the channel
 * may look (its own subscription and resource group, or the node resource group of a cluster the channel may
 * use), it is read from ARM off the request thread, and the listing goes to the presser only, in the thread.
 */
@ApplicationScoped
public class NetworkResourceReader {

    /** Node subnets rarely differ in NSG or route table; more than this would flood the presser. */
    private static final int MAX_RESOURCES = 3;
    private static final Logger LOG = Logger.getLogger(NetworkResourceReader.class);
    private static final Pattern SCOPE = Pattern.compile(
            "/subscriptions/([0-9a-fA-F-]{36})/resourceGroups/([-\\w.()]{1,90})/", Pattern.CASE_INSENSITIVE);

    private final FreshPresses presses;
    private final ChannelScopes scopes;
    private final ButtonGuard guard;
    private final BackgroundWork background;
    private final SlackGateway slack;
    private final ArmGateway arm;

    public NetworkResourceReader(FreshPresses presses, ChannelScopes scopes,
            ButtonGuard guard, BackgroundWork background, SlackGateway slack, ArmGateway arm) {
        this.arm = arm;
        this.presses = presses;
        this.scopes = scopes;
        this.guard = guard;
        this.background = background;
        this.slack = slack;
    }

    /**
     * Handles one press: {@code read} fetches and renders the resource (it may throw {@link ArmException}). A
     * button without a resource id shows the resources {@code ofSubnet} picks from the cluster's node subnets.
     */
    public void show(BlockActionPayload payload, String what, Function<SubnetFacts, String> ofSubnet,
            Function<String, NetworkListingRenderer.Listing> read) {
        Optional<ButtonPress> parsed = presses.of(payload);
        if (parsed.isEmpty()) {
            return;
        }
        ButtonPress press = parsed.get();
        Optional<String> resourceId = press.payload().parameter(SuggestedAction.RESOURCE_ID);
        if (resourceId.isEmpty()) {
            if (guard.permitRead(press).isPresent()) {
                showForCluster(press, what, ofSubnet, read);
            }
            return;
        }
        if (!permitted(press.channel(), resourceId.get(), press.payload().cluster())) {
            guard.tell(press, ButtonReplies.outsideScope(scopes.describe(press.channel()), Mrkdwn.code(resourceId.get())));
            return;
        }
        inBackground(press, what, () -> post(press, what, resourceId.get(), read));
    }

    private void showForCluster(ButtonPress press, String what, Function<SubnetFacts, String> ofSubnet,
            Function<String, NetworkListingRenderer.Listing> read) {
        ClusterRef cluster = press.payload().cluster().orElseThrow();
        inBackground(press, what, () -> {
            Set<String> ids = new LinkedHashSet<>();
            try {
                ClusterFacts facts = arm.cluster(cluster);
                Set<String> subnets = new LinkedHashSet<>();
                facts.agentPools().stream().map(AgentPoolFacts::vnetSubnetId).filter(Objects::nonNull).forEach(subnets::add);
                for (String subnetId : subnets) {
                    int cut = subnetId.toLowerCase(Locale.ROOT).indexOf("/subnets/");
                    if (cut < 0) {
                        continue;
                    }
                    VnetFacts vnet = arm.vnet(subnetId.substring(0, cut));
                    vnet.subnets().stream().filter(s -> s.id().equalsIgnoreCase(subnetId)).map(ofSubnet)
                            .filter(Objects::nonNull).forEach(ids::add);
                }
            } catch (ArmException e) {
                guard.tell(press, NetworkListingRenderer.cannotReadSubnets(cluster.displayName(), e.getMessage()));
                return;
            }
            if (ids.isEmpty()) {
                guard.tell(press, NetworkListingRenderer.noneAttached(cluster.displayName(), what));
                return;
            }
            ids.stream().limit(MAX_RESOURCES).forEach(id -> post(press, what, id, read));
        });
    }

    private void inBackground(ButtonPress press, String what, Runnable task) {
        if (!background.submit("show " + what, task)) {
            guard.tell(press, ButtonReplies.BUSY);
        }
    }

    private void post(ButtonPress press, String what, String resourceId,
            Function<String, NetworkListingRenderer.Listing> read) {
        NetworkListingRenderer.Listing listing;
        try {
            listing = read.apply(resourceId);
        } catch (ArmException e) {
            guard.tell(press, NetworkListingRenderer.cannotRead(what, resourceId, e.getMessage()));
            return;
        }
        try {
            slack.postEphemeral(press.channel(), press.user(), press.threadTs(), listing.text(), listing.blocks());
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not show the %s to %s in %s: %s", what, press.user(), press.channel(), e.error());
            guard.tell(press, NetworkListingRenderer.cannotPost(what, e.error()));
        }
    }

    /**
     * The NIC-level NSG of a node lives in the cluster's node resource group ({@code MC_<rg>_<cluster>_<region>}),
     * outside a channel limited to the cluster's own group; it is the cluster's, so the channel may see it.
     */
    boolean permitted(String channel, String resourceId, Optional<ClusterRef> cluster) {
        Matcher m = SCOPE.matcher(resourceId);
        if (!m.lookingAt()) {
            return false;
        }
        String subscription = m.group(1).toLowerCase(Locale.ROOT);
        String group = m.group(2);
        if (scopes.mayShow(channel, subscription, group)) {
            return true;
        }
        if (cluster.isEmpty() || !scopes.permits(channel, cluster.get())
                || !subscription.equalsIgnoreCase(cluster.get().subscriptionId())) {
            return false;
        }
        String nodeGroupPrefix = ("MC_" + cluster.get().resourceGroup() + "_" + cluster.get().name() + "_")
                .toLowerCase(Locale.ROOT);
        return group.toLowerCase(Locale.ROOT).startsWith(nodeGroupPrefix);
    }
}
