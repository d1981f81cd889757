package dev.aksdoctor.command;

import dev.aksdoctor.action.ActionRefused;
import dev.aksdoctor.action.AuditLog;
import dev.aksdoctor.action.WriteAction;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.reply.ActionReplies;
import dev.aksdoctor.slack.SlackCallFailed;
import dev.aksdoctor.slack.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs a confirmed, authorised write action: audits it, announces it in the thread, lets the
 * {@link WriteAction} call ARM once, records and announces the result. Blocking (ARM writes wait for the
 * operation); runs in the background.
 */
@ApplicationScoped
public class PerformWriteAction {

    private static final Logger LOG = Logger.getLogger(PerformWriteAction.class);

    private final WriteActions actions;
    private final AuditLog audit;
    private final SlackGateway slack;

    public PerformWriteAction(WriteActions actions, AuditLog audit, SlackGateway slack) {
        this.actions = actions;
        this.audit = audit;
        this.slack = slack;
    }

    public void perform(PendingAction pending, String actor) {
        ClusterRef cluster = pending.payload().cluster().orElseThrow();
        WriteAction action = actions.of(pending);
        String label = pending.action().label();
        String target = action.target(pending.payload());
        long auditId = audit.started(pending.auditEntry(actor, target));
        announce(pending, ActionReplies.started(actor, label, cluster.displayName()));
        try {
            String detail = action.perform(new WriteAction.Confirmed(cluster, pending.payload(), actor, pending.channel(),
                    pending.threadTs(), pending.shownDigest()));
            audit.finished(auditId, true, detail);
            announce(pending, ActionReplies.succeeded(label, cluster.displayName(), detail));
        } catch (ArmException e) {
            // ARM's error, never the request: nothing of the credential or the payload reaches the log.
            LOG.warnf("Write action %s on %s failed: %s (status %d, code %s)", pending.action().id(), target,
                    e.kind(), e.status(), e.errorCode().orElse("none"));
            audit.finished(auditId, false, e.getMessage());
            announce(pending, ActionReplies.failed(label, cluster.displayName(), ActionReplies.armFailure(e.status(),
                    e.errorCode().orElse(null), e.getMessage())));
        } catch (ActionRefused e) {
            audit.finished(auditId, false, e.getMessage());
            announce(pending, ActionReplies.failed(label, cluster.displayName(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Write action %s on %s failed", pending.action().id(), target);
            audit.finished(auditId, false, "unexpected error: " + e.getClass().getSimpleName());
            announce(pending, ActionReplies.failed(label, cluster.displayName(), ActionReplies.UNEXPECTED_ERROR));
        }
    }

    private void announce(PendingAction pending, String text) {
        try {
            slack.postMessage(pending.channel(), pending.threadTs(), text, ActionReplies.announcement(text));
        } catch (SlackCallFailed e) {
            LOG.warnf("Could not announce a write action in %s: %s (the audit log has it)", pending.channel(), e.error());
        }
    }
}
