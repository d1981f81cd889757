package dev.aksdoctor.command;

import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.access.OperatorCheck;
import dev.aksdoctor.action.AuditLog;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ActionPayload;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.reply.ButtonReplies;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The checks every button goes through before it acts: the cluster lies inside the channel's scopes, and
 * for write actions the presser is an operator for it. A refusal is told to the presser only; a refused
 * write is audited.
 */
@ApplicationScoped
public class ButtonGuard {

    private static final Logger LOG = Logger.getLogger(ButtonGuard.class);

    private final ChannelScopes scopes;
    private final OperatorCheck operators;
    private final AuditLog audit;
    private final SlackGateway slack;

    public ButtonGuard(ChannelScopes scopes, OperatorCheck operators, AuditLog audit, SlackGateway slack) {
        this.scopes = scopes;
        this.operators = operators;
        this.audit = audit;
        this.slack = slack;
    }

    /** The cluster a read-only button may act on, or empty (the presser has been told why). */
    public Optional<ClusterRef> permitRead(ButtonPress press) {
        Optional<ClusterRef> cluster = press.payload().cluster();
        if (cluster.isEmpty()) {
            tell(press, ButtonReplies.NO_CLUSTER_YET);
            return Optional.empty();
        }
        if (!scopes.permits(press.channel(), cluster.get())) {
            tell(press, ButtonReplies.outsideScope(scopes.describe(press.channel()), cluster.get().displayName()));
            return Optional.empty();
        }
        return cluster;
    }

    /** The cluster a write button may act on, or empty (the presser has been told why; refusals are audited). */
    public Optional<ClusterRef> permitWrite(ButtonPress press, WriteAction action) {
        return permitWrite(press.user(), new PendingAction(action.action(), press.payload(), press.channel(),
                press.threadTs(), null), action, press);
    }

    /** As {@link #permitWrite(ButtonPress, WriteAction)}, for a submitted dialog (no press to answer). */
    public Optional<ClusterRef> permitWrite(String user, PendingAction pending, WriteAction action) {
        return permitWrite(user, pending, action, null);
    }

    private Optional<ClusterRef> permitWrite(String user, PendingAction pending, WriteAction action,
            ButtonPress pressOrNull) {
        ActionPayload payload = pending.payload();
        String channel = pending.channel();
        Optional<ClusterRef> cluster = payload.cluster();
        if (cluster.isEmpty()) {
            tell(user, channel, pending.threadTs(), pressOrNull, ButtonReplies.NO_CLUSTER_YET);
            return Optional.empty();
        }
        if (!scopes.permits(channel, cluster.get())) {
            audit.refused(pending.auditEntry(user, payload.clusterId()), "cluster outside the channel's scopes");
            tell(user, channel, pending.threadTs(), pressOrNull,
                    ButtonReplies.outsideScope(scopes.describe(channel), cluster.get().displayName()));
            return Optional.empty();
        }
        OperatorCheck.Verdict verdict = operators.check(user, cluster.get());
        if (!verdict.allowed()) {
            audit.refused(pending.auditEntry(user, payload.clusterId()), "not an operator");
            tell(user, channel, pending.threadTs(), pressOrNull, ActionReplies.refusal(action.verb(),
                    cluster.get().displayName(), verdict.operators().users(), verdict.operators().groups()));
            return Optional.empty();
        }
        return cluster;
    }

    public void tell(ButtonPress press, String text) {
        tell(press.user(), press.channel(), press.threadTs(), press, text);
    }

    public void tellUser(String user, String channel, String threadTs, String text) {
        tell(user, channel, threadTs, null, text);
    }

    private void tell(String user, String channel, String threadTs, ButtonPress press, String text) {
        try {
            if (press != null && press.responseUrl() != null) {
                slack.respondEphemeral(press.responseUrl(), text);
            } else {
                slack.postEphemeral(channel, user, threadTs, text, ActionReplies.announcement(text));
            }
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not tell %s why a button was refused: %s", user, e.error());
        }
    }
}
