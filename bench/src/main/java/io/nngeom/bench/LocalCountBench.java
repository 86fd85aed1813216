package io.nngeom.bench;

import com.sun.management.OperatingSystemMXBean;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.LinearRegion;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PatternSearchEnumerator;
import io.nngeom.run.Seeds;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A local count of linear regions in high dimension: the LP pattern search ({@link PatternSearchEnumerator}) on a
 * random ReLU network (PyTorch-style initialisation from a seed) in the cube x₀ ± H around a point x₀ drawn
 * uniformly from [0, 1]^n (an image-like input for n = 784). Prints the regions, the LPs, the wall and process CPU
 * seconds, and checks every region's witness: the network's activation pattern at the witness is the region's.
 * For docs/benchmarks.md ("n-D regions").
 *
 * <p>Usage: {@code LocalCountBench ARCH [SEED=1] [H=0.01]}.
 */
public final class LocalCountBench {
    private LocalCountBench() {
    }

    public static void main(String[] args) {
        String arch = args[0];
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        double half = args.length > 2 ? Double.parseDouble(args[2]) : 0.01;
        int[] sizes = Mlp.parseArchitecture(arch);
        Mlp net = Mlp.random(sizes, Activation.RELU, Seeds.rng(seed));
        SplittableRandom rng = Seeds.rng(seed + 1);
        int n = sizes[0];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int q = 0; q < n; q++) {
            double x = rng.nextDouble();
            lo[q] = x - half;
            hi[q] = x + half;
        }
        Box box = new Box(lo, hi);
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Partition p = new PatternSearchEnumerator().enumerate(net, box);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        int wrong = 0;
        for (LinearRegion r : p.regions()) {
            if (!Arrays.equals(patternAt(net, r.interior()), r.pattern()) || !box.contains(r.interior())) {
                wrong++;
            }
        }
        System.out.printf(Locale.ROOT, "local count %s seed %d cube x0 ± %s in %d-D: %d regions, %d LPs in %.3f s; "
                + "process CPU %.3f s; witnesses outside their region: %d%n", arch, seed, half, n, p.count(), p.lpCount(),
                s, cpu, wrong);
    }

    /** The activation pattern of the network at x (unit on when its pre-activation is positive). */
    private static boolean[] patternAt(Mlp net, double[] x) {
        int total = 0;
        for (int l = 0; l + 1 < net.layerCount(); l++) {
            total += net.layer(l).outputs();
        }
        boolean[] bits = new boolean[total];
        double[] a = x;
        int k = 0;
        for (int l = 0; l + 1 < net.layerCount(); l++) {
            double[] z = net.layer(l).preActivation(a);
            for (int i = 0; i < z.length; i++) {
                bits[k++] = z[i] > 0;
                z[i] = Math.max(0, z[i]);
            }
            a = z;
        }
        return bits;
    }
}
