package dev.aksdoctor.check;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The JVM's resolver, bounded in time. */
@ApplicationScoped
public class SystemHostResolver implements HostResolver {

    @Override
    public Optional<String> resolve(String host) {
        try {
            // The lookup has no timeout of its own; a slow resolver must not stall the check.
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return Optional.of(InetAddress.getByName(host).getHostAddress());
                } catch (Exception e) {
                    return Optional.<String>empty();
                }
            }).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
