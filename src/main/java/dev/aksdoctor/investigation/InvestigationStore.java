package dev.aksdoctor.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Persists investigations; every write is its own transaction so a crash loses at most the step under way. */
@ApplicationScoped
public class InvestigationStore {

    private final Clock clock;

    public InvestigationStore(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public long open(String requester, String channel, String threadTs, InvestigationSource source, String text) {
        Investigation inv = new Investigation();
        inv.requester = requester;
        inv.channel = channel;
        inv.threadTs = threadTs;
        inv.source = source;
        inv.textRedacted = SecretRedactor.redact(text);
        inv.status = InvestigationStatus.QUEUED;
        Instant now = clock.instant();
        inv.createdAt = now;
        inv.updatedAt = now;
        inv.persist();
        return inv.id;
    }

    @Transactional
    public void markRunning(long id, String errorCode) {
        find(id).ifPresent(inv -> {
            inv.status = InvestigationStatus.RUNNING;
            inv.errorCode = errorCode;
            inv.updatedAt = clock.instant();
        });
    }

    @Transactional
    public void attachThread(long id, String threadTs) {
        find(id).ifPresent(inv -> {
            inv.threadTs = threadTs;
            inv.updatedAt = clock.instant();
        });
    }

    @Transactional
    public void finish(long id, InvestigationStatus status, String outcome) {
        find(id).ifPresent(inv -> {
            inv.status = status;
            inv.outcome = outcome;
            inv.updatedAt = clock.instant();
        });
    }

    @Transactional
    public Optional<Investigation> find(long id) {
        return Investigation.findByIdOptional(id);
    }
}
