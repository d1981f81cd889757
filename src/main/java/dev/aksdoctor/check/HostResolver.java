package dev.aksdoctor.check;

import java.util.Optional;

/**
 * Resolves a host name to one address, as the bot's own resolver sees it: the one lookup an investigation
 * makes outside ARM. Tests pass a lambda; production uses {@link SystemHostResolver}.
 */
@FunctionalInterface
public interface HostResolver {

    /** One address for {@code host}, empty when it does not resolve in time; never throws. */
    Optional<String> resolve(String host);
}
