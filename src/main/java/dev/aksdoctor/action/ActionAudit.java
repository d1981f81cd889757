package dev.aksdoctor.action;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One write action a Slack user asked for: who, what, on which target, when, and how it ended. */
@Entity
@Table(name = "action_audit")
public class ActionAudit extends PanacheEntity {

    public enum Result {
        REFUSED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    @Column(nullable = false, length = 64)
    public String actor;

    /** The button's action id, e.g. rotate_certificates. */
    @Column(nullable = false, length = 64)
    public String action;

    /** The ARM resource id acted on (the cluster, or the instance for a reimage). */
    @Column(nullable = false, length = 600)
    public String target;

    @Column(length = 1000)
    public String parameters;

    @Column(name = "investigation_id")
    public Long investigationId;

    @Column(length = 64)
    public String channel;

    @Column(name = "thread_ts", length = 32)
    public String threadTs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Result result;

    @Column(length = 2000)
    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
