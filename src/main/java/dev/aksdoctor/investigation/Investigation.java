package dev.aksdoctor.investigation;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One pasted error and what became of it. The text is stored only after {@link SecretRedactor}. */
@Entity
@Table(name = "investigation")
public class Investigation extends PanacheEntity {

    @Column(nullable = false, length = 64)
    public String requester;

    @Column(nullable = false, length = 64)
    public String channel;

    /** The thread the answer lives in; set once the root message is posted (or known up front). */
    @Column(name = "thread_ts", length = 32)
    public String threadTs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public InvestigationSource source;

    @Column(name = "text_redacted", nullable = false, columnDefinition = "TEXT")
    public String textRedacted;

    @Column(name = "error_code", length = 128)
    public String errorCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public InvestigationStatus status;

    /** recognised, unrecognised or failed: the label of the investigations-by-outcome metric. */
    @Column(length = 32)
    public String outcome;

    /** The thread message that carries the final answer ("Investigating…" until then). */
    @Column(name = "answer_ts", length = 32)
    public String answerTs;

    /** Set once the final answer (or the time-out notice) is in the thread: nothing is posted after that. */
    @Column(name = "answered_at")
    public Instant answeredAt;

    /** How many times a job started on this investigation (more than one after a crash or restart). */
    @Column(nullable = false)
    public int attempts;

    /** The title of the first failing check, once answered (shown on App Home). */
    @Column(name = "likely_cause", length = 300)
    public String likelyCause;

    /** A user asked for the node connectivity test (VMSS run-command) in this investigation. */
    @Column(name = "run_node_probes", nullable = false)
    public boolean runNodeProbes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
