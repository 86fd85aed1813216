package io.nngeom.run;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * Runs numbered chunks of work on one or two threads (region enumerators, convex pricing) (the calling thread and a helper), each thread taking the next
 * chunk number. Callers store each chunk's result under its number and combine them in number order, so what they
 * compute does not depend on the threads' timing.
 */
public final class Chunks {
    /** Threads of the parallel kernels (region enumerators, conic pricing): 2, or 1 with {@code -Dnngeom.threads=1}. */
    public static final int THREADS = Math.max(1, Math.min(2, Integer.getInteger("nngeom.threads", 2)));

    private Chunks() {
    }

    /**
     * task(thread, chunk) for chunk = 0..count−1 on {@code threads} (1 or 2) threads; thread is 0 (the caller) or 1
     * (for per-thread workspaces). Rethrows the first failure after both threads have stopped.
     */
    public static void run(int threads, int count, BiConsumer<Integer, Integer> task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        IntConsumer worker = thread -> {
            for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                task.accept(thread, k);
            }
        };
        Thread helper = null;
        if (threads > 1 && count > 1) {
            helper = new Thread(() -> {
                try {
                    worker.accept(1);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    next.set(count);
                }
            }, "nngeom-regions");
            helper.setDaemon(true);
            helper.start();
        }
        try {
            worker.accept(0);
        } catch (RuntimeException | Error e) {
            next.set(count);
            join(helper);
            throw e;
        }
        join(helper);
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error er) {
            throw er;
        }
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while enumerating regions", e);
        }
    }
}
