package dev.aksdoctor.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * One token request at a time per scope, shared by every caller: the access check, the pipeline's bearer
 * policy and the start-up warm-up all wait for the same request instead of racing several to Entra ID.
 * A token is reused until five minutes before it expires; a failure is not kept, so the next caller retries.
 */
final class SharedTokenCredential implements TokenCredential {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential delegate;
    private final Clock clock;
    private final Map<String, Mono<AccessToken>> tokens = new ConcurrentHashMap<>();

    SharedTokenCredential(TokenCredential delegate, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        String key = String.join(" ", request.getScopes()) + "|" + request.getClaims() + "|" + request.getTenantId()
                + "|" + request.isCaeEnabled();
        return tokens.computeIfAbsent(key, k -> delegate.getToken(request)
                .cache(this::reuseFor, error -> Duration.ZERO, () -> Duration.ZERO));
    }

    private Duration reuseFor(AccessToken token) {
        Duration left = Duration.between(clock.instant(), token.getExpiresAt().toInstant()).minus(REFRESH_BEFORE_EXPIRY);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
