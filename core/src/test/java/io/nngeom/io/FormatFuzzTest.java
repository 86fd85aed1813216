package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 7: a seeded fuzz run over every format nngeom reads (a few seconds; the bigger run is
 * {@code bench/fuzz/run.sh}, whose figures are in docs/reliability.md). Cases per seed file:
 * {@code -Dnngeom.fuzz.cases=N} (default 400), seed {@code -Dnngeom.fuzz.seed=S} (default 13).
 */
class FormatFuzzTest {
    @TempDir
    Path dir;

    @Test
    void everyCorruptedFileIsRefusedInOneLineOrReadAsAnIndependentReaderReadsIt() throws Exception {
        int cases = Integer.getInteger("nngeom.fuzz.cases", 400);
        long seed = Long.getLong("nngeom.fuzz.seed", 13);
        FormatFuzz.Report r = FormatFuzz.run(seed, cases, dir);
        String table = FormatFuzz.table(r);
        String out = System.getProperty("nngeom.fuzz.report");
        if (out != null) {
            Files.writeString(Path.of(out), table);
        }
        assertThat(r.violations()).as(table).isEmpty();
        assertThat(r.cases()).isEqualTo(cases * FormatFuzz.seeds().size());
        for (int[] a : r.outcomes().values()) {
            assertThat(a[0]).as("some cases of every format are refused").isPositive();
            assertThat(a[1]).as("some cases of every format are read and checked").isPositive();
        }
    }
}
