package dev.aksdoctor.command;

import dev.aksdoctor.action.RangeChange;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fills an open dialog with the exact change to a cluster's authorized IP ranges (current list, new list) and
 * a Confirm button, or with why the range cannot be added. Reads the cluster from Azure, so it runs in the
 * background after the dialog opened ({@link ActionReplies#rangeLoading}).
 */
@ApplicationScoped
public class RangeChangeDialog {

    private static final Logger LOG = Logger.getLogger(RangeChangeDialog.class);

    private final ArmGateway arm;
    private final SlackGateway slack;
    private final OpenedDialogs dialogs;

    public RangeChangeDialog(ArmGateway arm, SlackGateway slack, OpenedDialogs dialogs) {
        this.dialogs = dialogs;
        this.arm = arm;
        this.slack = slack;
    }

    /** {@code pending} carries the CIDR to add. */
    public void show(String viewId, String user, PendingAction pending, WriteAction action, ClusterRef cluster) {
        String label = pending.action().label();
        try {
            String cidr = pending.payload().parameter(SuggestedAction.CIDR).orElseThrow();
            var facts = arm.cluster(cluster);
            java.util.Map<String, List<String>> tags = java.util.Map.of();
            if (facts.authorizedIpRanges().stream().anyMatch(dev.aksdoctor.network.ServiceTags::looksLikeTag)) {
                try {
                    tags = arm.serviceTags(cluster.subscriptionId(), facts.location());
                } catch (ArmException e) {
                    LOG.infof("Service tags unreadable for the range dialog: %s", e.getMessage());
                }
            }
            RangeChange change = RangeChange.of(facts.authorizedIpRanges(), cidr, tags);
            if (change.problem().isPresent()) {
                slack.updateView(viewId, ActionReplies.problem(label, change.problem().get()));
                return;
            }
            List<String> details = new ArrayList<>(ActionReplies.rangeChange(cidr, change.current(), change.proposed()));
            details.addAll(action.details(pending.payload()));
            PendingAction withDigest = new PendingAction(pending.action(), pending.payload(), pending.channel(),
                    pending.threadTs(), RangeChange.digest(change.current()));
            slack.updateView(viewId, ActionReplies.confirmation(ActionReplies.Confirmation.of(label, action.verb(), cluster,
                    action.warning(), details), dialogs.shown(user, withDigest.toJson())));
        } catch (ArmException e) {
            slack.updateView(viewId, ActionReplies.problem(label, ActionReplies.unreadableCluster(e.getMessage())));
        } catch (SlackCallFailed e) {
            // The dialog was closed meanwhile, or Slack refused the update: nothing was changed in Azure.
            LOG.infof("Could not fill the range dialog: %s", e.error());
        }
    }
}
