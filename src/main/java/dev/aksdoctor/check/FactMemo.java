package dev.aksdoctor.check;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The memo of one investigation's reads: the first caller of a key computes it, concurrent and later callers wait
 * for and share that result (or that failure), so each resource is fetched once however many checks need it.
 * Counts the computations that were ARM calls.
 */
final class FactMemo {

    private final Map<String, CompletableFuture<Object>> memo = new ConcurrentHashMap<>();
    private final AtomicInteger armCalls = new AtomicInteger();
    private final Executor executor;

    /** {@code executor} runs the fetches started ahead of need; it must not be bounded small. */
    FactMemo(Executor executor) {
        this.executor = executor;
    }

    int armCalls() {
        return armCalls.get();
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, boolean armCall, Supplier<T> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = memo.putIfAbsent(key, mine);
        if (existing == null) {
            if (armCall) {
                armCalls.incrementAndGet();
            }
            try {
                mine.complete(compute.get());
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            existing = mine;
        }
        try {
            return (T) existing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /** Starts a fetch now, in parallel with the caller's next one; its result, or its failure, lands in the memo. */
    void ahead(Supplier<?> fetch) {
        CompletableFuture.runAsync(() -> {
            try {
                fetch.get();
            } catch (RuntimeException e) {
                // Remembered in the memo; the check that needs it reports it.
            }
        }, executor);
    }
}
