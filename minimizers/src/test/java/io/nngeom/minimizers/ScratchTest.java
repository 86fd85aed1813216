package io.nngeom.minimizers;

import io.nngeom.validate.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() {
        for (Experiment e : ExperimentRegistry.matching("minimizers.*")) {
            long t0 = System.nanoTime();
            ExperimentResult r = e.run(new ExperimentContext(io.nngeom.run.Seeds.DEFAULT, true));
            System.err.printf("%s %s %.1fs%n", r.name(), r.verdict(), (System.nanoTime() - t0) / 1e9);
            for (Measurement m : r.measured()) System.err.println("   " + m);
            System.err.println("   notes: " + r.notes());
            for (Table t : r.tables()) for (var row : t.rows()) System.err.println("   " + row);
        }
    }
}
