package io.nngeom.bench;

import com.sun.management.OperatingSystemMXBean;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.run.Seeds;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The exact 2-D partition of a random ReLU network (PyTorch-style initialisation from a seed) on the box
 * [−B, B]²: regions, seconds, regions per second, the peak heap use of the process and the heap the finished
 * partition holds per region (heap in use after a full collection with the partition alive, minus before), and
 * the process's CPU time over the enumeration (a loaded machine stretches the wall time, less so the CPU time).
 * For docs/benchmarks.md ("Partitions"); the threads follow {@code -Dnngeom.threads} (default 2).
 *
 * <p>Usage: {@code PartitionBench ARCH [SEED=1] [B=1]}.
 */
public final class PartitionBench {
    private PartitionBench() {
    }

    public static void main(String[] args) {
        String arch = args[0];
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        double half = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        Mlp net = Mlp.random(Mlp.parseArchitecture(arch), Activation.RELU, Seeds.rng(seed));
        Box box = Box.cube(2, -half, half);
        long before = usedAfterGc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Partition p = new PlanarPartitioner().enumerate(net, box);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long held = usedAfterGc() - before;
        System.out.printf(Locale.ROOT, "partition %s seed %d box [-%s,%s]^2: %d regions in %.3f s = %.0f regions/s; "
                + "process CPU %.3f s; peak heap %.1f MB; partition holds %.0f bytes/region; max heap %.0f MB; threads %s%n",
                arch, seed, half, half, p.count(), s, p.count() / s, cpu, peak / 1e6, (double) held / p.count(),
                Runtime.getRuntime().maxMemory() / 1e6, System.getProperty("nngeom.threads", "2"));
        if (p.count() < 0) {
            System.out.println(p);
        }
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
