package dev.aksdoctor.command;

import dev.aksdoctor.reply.ActionPayload;
import dev.aksdoctor.access.ChannelScopes;
import dev.aksdoctor.access.OperatorCheck;
import dev.aksdoctor.action.AuditLog;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ActionReplies;
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
            tell(press, "I don't know which cluster this is about yet: pick it with *Pick cluster*, or set the "
                    + "channel's default with `/aks-doctor use <cluster>`.");
            return Optional.empty();
        }
        if (!scopes.permits(press.channel(), cluster.get())) {
            tell(press, ":no_entry: This channel is limited to " + scopes.describe(press.channel()) + "; "
                    + cluster.get().displayName() + " is outside it.");
            return Optional.empty();
        }
        return cluster;
    }

    /** The cluster a write button may act on, or empty (the presser has been told why; refusals are audited). */
    public Optional<ClusterRef> permitWrite(ButtonPress press, WriteAction action) {
        return permitWrite(press.user(), press.channel(), press.threadTs(), press.payload(), action, press);
    }

    public Optional<ClusterRef> permitWrite(String user, String channel, String threadTs, ActionPayload payload,
            WriteAction action, ButtonPress pressOrNull) {
        Optional<ClusterRef> cluster = payload.cluster();
        if (cluster.isEmpty()) {
            tell(user, channel, threadTs, pressOrNull, "I don't know which cluster this is about yet: pick it with "
                    + "*Pick cluster*, or set the channel's default with `/aks-doctor use <cluster>`.");
            return Optional.empty();
        }
        if (!scopes.permits(channel, cluster.get())) {
            audit.refused(PerformWriteAction.entry(new PendingAction(action, payload, channel, threadTs, null), user,
                    payload.clusterId()), "cluster outside the channel's scopes");
            tell(user, channel, threadTs, pressOrNull, ":no_entry: This channel is limited to " + scopes.describe(channel)
                    + "; " + cluster.get().displayName() + " is outside it.");
            return Optional.empty();
        }
        OperatorCheck.Verdict verdict = operators.check(user, cluster.get());
        if (!verdict.allowed()) {
            audit.refused(PerformWriteAction.entry(new PendingAction(action, payload, channel, threadTs, null), user,
                    payload.clusterId()), "not an operator");
            tell(user, channel, threadTs, pressOrNull, ActionReplies.refusal(action.verb(), cluster.get().displayName(),
                    verdict.operators().users(), verdict.operators().groups()));
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
