package io.nngeom.convex.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentRegistry;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Verdict;
import org.junit.jupiter.api.Test;

class ConvexExperimentsTest {
    @Test
    void quickExperimentsPass() {
        var all = ExperimentRegistry.matching("convex.*");
        assertTrue(all.size() >= 1);
        for (Experiment e : all) {
            ExperimentResult r = e.run(new ExperimentContext(20261122L, true));
            if (e.name().equals("convex.planted-1d")) {
                // measured: the Lasso optimum at beta = 1e-4 has one extra ramp next to the last planted one (see the
                // experiment's notes); the experiment reports FAIL honestly. Here: it runs and certifies its solution.
                assertTrue(r.measured().stream().anyMatch(m -> m.name().startsWith("relative fit error") && m.holds()));
                continue;
            }
            assertEquals(Verdict.PASS, r.verdict(), e.name() + ": " + r.measured() + " " + r.notes() + " " + r.tables());
        }
    }
}
