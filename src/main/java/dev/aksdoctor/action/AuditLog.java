package dev.aksdoctor.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Writes the audit trail; each step is its own transaction so a crash mid-action still leaves the row. */
@ApplicationScoped
public class AuditLog {

    /** What is being audited. */
    public record Entry(String actor, String action, String target, String parameters, Long investigationId,
            String channel, String threadTs) {
    }

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public long started(Entry entry) {
        return write(entry, ActionAudit.Result.RUNNING, null);
    }

    @Transactional
    public long refused(Entry entry, String why) {
        ActionAudit a = ActionAudit.findById(write(entry, ActionAudit.Result.REFUSED, why));
        a.finishedAt = a.createdAt;
        return a.id;
    }

    @Transactional
    public void finished(long id, boolean succeeded, String detail) {
        ActionAudit a = ActionAudit.findById(id);
        if (a != null) {
            a.result = succeeded ? ActionAudit.Result.SUCCEEDED : ActionAudit.Result.FAILED;
            a.detail = bound(detail);
            a.finishedAt = clock.instant();
        }
    }

    @Transactional
    public List<ActionAudit> forTarget(String target) {
        return ActionAudit.list("target = ?1 order by createdAt", target);
    }

    private long write(Entry entry, ActionAudit.Result result, String detail) {
        ActionAudit a = new ActionAudit();
        a.actor = entry.actor();
        a.action = entry.action();
        a.target = entry.target().length() > 600 ? entry.target().substring(0, 600) : entry.target();
        a.parameters = entry.parameters() == null || entry.parameters().length() <= 1000 ? entry.parameters()
                : entry.parameters().substring(0, 1000);
        a.investigationId = entry.investigationId();
        a.channel = entry.channel();
        a.threadTs = entry.threadTs();
        a.result = result;
        a.detail = bound(detail);
        a.createdAt = clock.instant();
        a.persist();
        return a.id;
    }

    private static String bound(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
