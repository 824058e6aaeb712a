package org.lumaflow.perception.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Analyses in flight by key: a request for an analysis already running shares it; each requester gets its own future,
 * and cancelling one stops the work only when no other requester still waits for it.
 */
final class SharedWork<T> {

    private final Map<String, Shared<T>> running = new ConcurrentHashMap<>();

    /**
     * The future of the work under {@code key}: joins the running one, or starts {@code task} on {@code executor}
     * (the task completes the future it is given and should stop once that future is done).
     */
    CompletableFuture<T> submit(String key, Executor executor, Consumer<CompletableFuture<T>> task, String what) {
        while (true) {
            Shared<T> created = new Shared<>(new CompletableFuture<>());
            Shared<T> shared = running.computeIfAbsent(key, k -> created);
            if (shared == created) {
                created.work.whenComplete((t, e) -> running.remove(key, created));
                try {
                    executor.execute(() -> task.accept(created.work));
                } catch (RuntimeException rejected) {
                    created.work.completeExceptionally(new IOException(what + " is shut down", rejected));
                }
            }
            if (shared.interested.getAndUpdate(n -> n < 0 ? n : n + 1) < 0) {
                continue; // everybody cancelled it a moment ago: start a fresh one
            }
            return new Handle<>(shared);
        }
    }

    /** Cancels everything running. */
    void cancelAll() {
        running.values().forEach(s -> s.work.cancel(true));
    }

    /** One analysis and how many requesters still want it (-1 once cancelled for all). */
    private static final class Shared<T> {
        final CompletableFuture<T> work;
        final AtomicInteger interested = new AtomicInteger();

        Shared(CompletableFuture<T> work) {
            this.work = work;
        }
    }

    /** A requester's own future. */
    private static final class Handle<T> extends CompletableFuture<T> {
        private final Shared<T> shared;

        Handle(Shared<T> shared) {
            this.shared = shared;
            shared.work.whenComplete((t, e) -> {
                if (e != null) {
                    completeExceptionally(e);
                } else {
                    complete(t);
                }
            });
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            boolean cancelled = super.cancel(mayInterrupt);
            if (cancelled && shared.interested.updateAndGet(n -> n == 1 ? -1 : n - 1) < 0) {
                shared.work.cancel(mayInterrupt);
            }
            return cancelled;
        }
    }
}
