package io.nngeom.serve;

import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.run.Progress;
import io.nngeom.train.Objective;
import io.nngeom.train.StepObserver;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * One training run of the explorer: {@link Trainer#train} on its own thread, exactly as {@code nngeom train}
 * calls it, watched through a {@link StepObserver} that publishes snapshots and holds the thread between two
 * updates while the run is paused. Pausing, stepping and the frame rate never change the sequence of updates, so
 * the weights after step k are those of {@code nngeom train --iters k}, bit for bit. The thread starts at the
 * first play or step, so step 0 is the initialisation itself.
 */
final class Run {
    /** Where a run stands. */
    enum State { PAUSED, PLAYING, DONE, STOPPED }

    /**
     * The network after {@code step} updates.
     *
     * @param objective the (mini-batch) objective before the last update; NaN at step 0
     * @param message why the run ended (DONE), or empty
     */
    record Snapshot(int step, double objective, Mlp model, State state, String message) {
    }

    private static final long PUBLISH_NANOS = 40_000_000L;
    /** A training thread gives the processor to the next run after this long. */
    private static final long SLICE_NANOS = 20_000_000L;
    private static final int HISTORY = 1000;

    final String id;
    final RunConfig config;
    final Dataset data;
    final Mlp init;
    final Objective objective;
    final TrainingOptions options;
    private final Object lock = new Object();
    private final Semaphore cpu;
    private boolean holding;
    private long sliceStart;
    private Thread thread;
    private boolean playing;
    private boolean stop;
    private int allowed;
    private long lastPublish;
    private volatile Snapshot latest;
    private final List<double[]> history = new ArrayList<>();
    private volatile long lastAccess = System.nanoTime();

    /**
     * @param cpu the server's training slots (fair): a run trains only while it holds one, and hands it on every
     *            {@value #SLICE_NANOS} ns, so that many playing runs take turns instead of crowding out the server
     */
    Run(String id, RunConfig config, Dataset data, Mlp init, Objective objective, TrainingOptions options, Semaphore cpu) {
        this.id = id;
        this.cpu = cpu;
        this.config = config;
        this.data = data;
        this.init = init;
        this.objective = objective;
        this.options = options;
        this.latest = new Snapshot(0, Double.NaN, init, State.PAUSED, "");
    }

    Snapshot latest() {
        return latest;
    }

    void touch() {
        lastAccess = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastAccess;
    }

    /** Steps taken and objectives, thinned to at most about {@value #HISTORY} points. */
    List<double[]> history() {
        synchronized (history) {
            return new ArrayList<>(history);
        }
    }

    void play() {
        synchronized (lock) {
            if (latest.state() == State.DONE) {
                return;
            }
            playing = true;
            allowed = options.iterations();
            ensureStarted();
            lock.notifyAll();
        }
    }

    void pause() {
        synchronized (lock) {
            playing = false;
            allowed = latest.step();
            lock.notifyAll();
        }
    }

    /** Runs {@code steps} more updates, then pauses (or runs on to step {@code steps} exactly with {@code absolute}). */
    void step(int steps, boolean absolute) {
        synchronized (lock) {
            if (latest.state() == State.DONE) {
                return;
            }
            playing = false;
            long target = absolute ? steps : (long) Math.max(allowed, latest.step()) + steps;
            if (target < latest.step()) {
                throw ApiException.badRequest("steps: the run is already at step " + latest.step() + "; reset it first");
            }
            allowed = (int) Math.min(options.iterations(), target);
            ensureStarted();
            lock.notifyAll();
        }
    }

    /** Back to the same initialisation, paused at step 0. */
    void reset() {
        Thread t = stopThread();
        join(t);
        synchronized (lock) {
            stop = false;
            playing = false;
            allowed = 0;
            thread = null;
            latest = new Snapshot(0, Double.NaN, init, State.PAUSED, "");
        }
        synchronized (history) {
            history.clear();
        }
    }

    /** Ends the run's thread (it leaves at its next update). */
    void close() {
        join(stopThread());
    }

    private Thread stopThread() {
        synchronized (lock) {
            stop = true;
            lock.notifyAll();
            return thread;
        }
    }

    private static void join(Thread t) {
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ensureStarted() {
        if (thread == null) {
            thread = new Thread(this::train, "nngeom-run-" + id);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void train() {
        try {
            acquire();
            var r = Trainer.train(init, data, objective, options, Progress.NONE, this::afterStep);
            String why = !Double.isFinite(r.objective()) ? "diverged: the objective is " + r.objective()
                    : r.converged() ? "converged" : "reached the step limit";
            latest = new Snapshot(r.iterations(), r.objective(), r.model(), State.DONE, why);
        } catch (StepObserver.Stop e) {
            latest = new Snapshot(latest.step(), latest.objective(), latest.model(), State.STOPPED, "stopped");
        } finally {
            release();
        }
    }

    private void acquire() {
        cpu.acquireUninterruptibly();
        holding = true;
        sliceStart = System.nanoTime();
    }

    private void release() {
        if (holding) {
            holding = false;
            cpu.release();
        }
    }

    private void afterStep(int step, double obj, double[] theta) {
        long now = System.nanoTime();
        if (now - lastPublish >= PUBLISH_NANOS) {
            publish(step, obj, theta, State.PLAYING);
        }
        if (now - sliceStart >= SLICE_NANOS && cpu.hasQueuedThreads()) {
            release(); // the next run's turn
            acquire();
        }
        boolean waited = false;
        synchronized (lock) {
            if (!stop && !playing && step >= allowed) {
                publish(step, obj, theta, State.PAUSED);
                release();
                waited = true;
                while (!stop && !playing && step >= allowed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stop = true;
                    }
                }
            }
            if (stop) {
                throw new StepObserver.Stop();
            }
        }
        if (waited) {
            acquire();
        }
    }

    private void publish(int step, double obj, double[] theta, State state) {
        lastPublish = System.nanoTime();
        latest = new Snapshot(step, obj, init.withParameters(Arrays.copyOf(theta, theta.length)), state, "");
        synchronized (history) {
            if (history.size() >= HISTORY) {
                for (int i = 1; i < history.size() / 2; i++) {
                    history.set(i, history.get(2 * i));
                }
                history.subList(history.size() / 2, history.size()).clear();
            }
            history.add(new double[] {step, obj});
        }
    }
}
