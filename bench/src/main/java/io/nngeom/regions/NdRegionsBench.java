package io.nngeom.regions;

import com.sun.management.OperatingSystemMXBean;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The n-D LP pattern search on a random ReLU network (PyTorch-style initialisation from a seed) on [−B, B]^n:
 * regions, LPs, seconds, regions per second and the process's CPU time. For docs/benchmarks.md ("n-D regions").
 * It lives in the package of the search to reach its slow path: {@code slow} runs every LP with Hipparchus' simplex
 * on one thread (the search as it was before ChebyshevLp and the threads), {@code fast} the current search.
 *
 * <p>Usage: {@code NdRegionsBench ARCH [SEED=1] [B=1] [fast|slow]}.
 */
public final class NdRegionsBench {
    private NdRegionsBench() {
    }

    public static void main(String[] args) {
        String arch = args[0];
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        double half = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        int[] sizes = Mlp.parseArchitecture(arch);
        Mlp net = Mlp.random(sizes, Activation.RELU, Seeds.rng(seed));
        Box box = Box.cube(sizes[0], -half, half);
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        boolean slow = args.length > 3 && args[3].equals("slow");
        Partition p = (slow ? new PatternSearchEnumerator(false, 1) : new PatternSearchEnumerator()).enumerate(net, box);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        System.out.printf(Locale.ROOT, "lp-search (%s) %s seed %d box [-%s,%s]^%d: %d regions, %d LPs in %.3f s = %.0f "
                + "regions/s; process CPU %.3f s%n", slow ? "slow path" : "fast", arch, seed, half, half, sizes[0], p.count(), p.lpCount(), s,
                p.count() / s, cpu);
    }
}
