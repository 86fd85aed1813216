package io.nngeom.run;

/**
 * Keeps a {@link Progress} alive while code runs that reports seldom or never (an experiment between its steps,
 * writing a report): a daemon thread re-sends the latest state to the sink twice a second until {@link #close()},
 * so the elapsed time keeps moving and, off a terminal, a line still appears every interval. Updates sent to the
 * heartbeat itself replace that state and pass straight on. The sink decides what to show.
 *
 * <pre>{@code try (Heartbeat h = Heartbeat.start(progress, "writing the report")) { ... } }</pre>
 */
public final class Heartbeat implements Progress, AutoCloseable {
    private static final long PERIOD_MILLIS = 500;

    private record State(String step, long done, long total, String status) {
    }

    private final Progress sink;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile State state;

    private Heartbeat(Progress sink, String step) {
        this.sink = sink;
        this.state = new State(step, 0, 0, "");
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                State s = state;
                if (running) {
                    sink.update(s.step, s.done, s.total, s.status);
                }
            }
        }, "nngeom-heartbeat");
        thread.setDaemon(true);
    }

    /** Starts a heartbeat of {@code step} (no count, no status) on {@code sink}. */
    public static Heartbeat start(Progress sink, String step) {
        Heartbeat h = new Heartbeat(sink, step);
        sink.update(step, 0, 0, "");
        h.thread.start();
        return h;
    }

    @Override
    public void update(String step, long done, long total, String status) {
        state = new State(step, done, total, status);
        sink.update(step, done, total, status);
    }

    @Override
    public void finish(String step, long done, long total, String status) {
        state = new State(step, done, total, status);
        sink.finish(step, done, total, status);
    }

    /** Stops the heartbeat and waits for its thread, so no update follows this call. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
