package dev.aksdoctor.slack;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Waits between retries; a bean so that tests can count waits instead of spending them. */
@ApplicationScoped
public class Sleeper {

    public void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
