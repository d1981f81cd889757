package dev.aksdoctor.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * How many investigations one user, and one channel, may start per minute. Each investigation reads ARM for
 * every check of its playbook, so a loop of pastes (or a bot) would otherwise spend the Azure identity's ARM
 * quota for everyone. Counted from the stored investigations, so the limit holds across replicas; requests that
 * arrive in the same instant (on one replica or several) can each see the count below the limit, so a burst may
 * pass it by the number of requests in flight at once.
 */
@ApplicationScoped
public class InvestigationRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final InvestigationSettings settings;
    private final Clock clock;
    private final InvestigationStore store;

    /** No limit (tests of the flows around it). */
    static InvestigationRateLimit unlimited() {
        return new InvestigationRateLimit(null, Clock.systemUTC(), null);
    }

    @Inject
    public InvestigationRateLimit(InvestigationSettings settings, Clock clock, InvestigationStore store) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
    }

    /**
     * Whether one more may start now. Counts nothing itself: the stored investigation is the count. Throws the
     * store's {@link jakarta.persistence.PersistenceException} when the database does not answer.
     */
    public boolean allows(String user, String channel) {
        if (settings == null) {
            return true;
        }
        long perUser = settings.perUserPerMinute();
        long perChannel = settings.perChannelPerMinute();
        InvestigationStore.StartedRecently started = store.startedSince(user, channel, clock.instant().minus(WINDOW),
                Math.max(perUser, perChannel));
        return started.byRequester() < perUser && started.inChannel() < perChannel;
    }
}
