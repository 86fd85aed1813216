package io.nngeom.bench;

import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Milliseconds per Adam step of a softmax ReLU network through the real {@link Trainer} path, for the growth
 * tables of docs/benchmarks.md ("Training"): a run of {@code steps} steps minus a run of no step (which leaves
 * only the set-up and the closing full-batch evaluation), divided by {@code steps}; median over the repeats after
 * one warm-up pair. Also prints the calling thread's CPU time per step (all the work with
 * {@code -Dnngeom.threads=1}), a figure that a loaded machine disturbs less than the wall time.
 *
 * <p>Usage: {@code TrainStepBench DATA.npy ARCH BATCH STEPS [REPEATS=3]} (BATCH 0: full batch; the data's last
 * column is the class label, as {@code nngeom train --classes} reads it).
 */
public final class TrainStepBench {
    private static final ThreadMXBean THREADS =
            ManagementFactory.getThreadMXBean();

    private TrainStepBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int[] sizes = Mlp.parseArchitecture(args[1]);
        int batch = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Dataset data = DataIo.read(file, null, true);
        Mlp init = Mlp.random(sizes, Activation.RELU, Seeds.rng(1));
        Objective obj = Objective.of(Loss.SOFTMAX_CE);
        TrainingOptions opts = TrainingOptions.defaults(Optimizer.ADAM).withBatchSize(batch);
        double sink = time(init, data, obj, opts, steps) + time(init, data, obj, opts, 0);
        double[] ms = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            double t = time(init, data, obj, opts, steps);
            long c1 = THREADS.getCurrentThreadCpuTime();
            double t0 = time(init, data, obj, opts, 0);
            long c2 = THREADS.getCurrentThreadCpuTime();
            ms[r] = (t - t0) / steps;
            cpu[r] = ((c1 - c0) - (c2 - c1)) / 1e6 / steps;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        int b = batch <= 0 || batch >= data.size() ? data.size() : batch;
        System.out.printf(Locale.ROOT, "java %s batch %d: %.3f ms/step (min %.3f, max %.3f over %d runs of %d steps)%s%n",
                args[1], b, ms[repeats / 2], ms[0], ms[repeats - 1], repeats, steps, sink > 0 ? "" : " ");
        System.out.printf(Locale.ROOT, "java_ms_per_step %.4f%n", ms[repeats / 2]);
        // CPU time of the calling thread: with -Dnngeom.threads=1 all the work, and less sensitive to a loaded machine
        System.out.printf(Locale.ROOT, "java_main_thread_cpu_ms_per_step %.4f (min %.4f)%n", cpu[repeats / 2], cpu[0]);
    }

    private static double time(Mlp init, Dataset data, Objective obj, TrainingOptions opts, int steps) {
        long t0 = System.nanoTime();
        Trainer.train(init, data, obj, opts.withIterations(steps));
        return (System.nanoTime() - t0) / 1e6;
    }
}
