package io.nngeom.convex.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentRegistry;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Verdict;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow") // run by .ci/run after mvn -B verify (mvn test -Dgroups=slow -Dnngeom.excludedGroups=)
class ConvexExperimentsTest {
    @Test
    void quickExperimentsPass() {
        var all = ExperimentRegistry.matching("convex.*");
        assertTrue(all.size() >= 1);
        for (Experiment e : all) {
            ExperimentResult r = e.run(new ExperimentContext(20261122L, true));
            if (e.name().equals("convex.planted-1d")) {
                continue; // own test below
            }
            assertEquals(Verdict.PASS, r.verdict(), e.name() + ": " + r.measured() + " " + r.notes() + " " + r.tables());
        }
    }

    @Test
    void plantedRecoveryUnderThePreconditionAndSupportGrowthWithoutIt() {
        ExperimentResult r = new PlantedExperiment().run(new ExperimentContext(20261122L, true));
        assertEquals(Verdict.PASS, r.verdict(), r.measured() + " " + r.notes() + " " + r.tables());
        var rows = r.tables().get(0).rows();
        // the former design (three right ramps) violates the precondition and its Lasso support is larger than planted
        var convex3 = rows.get(0);
        assertTrue(Double.parseDouble(convex3.get(1)) > 1, convex3.toString());
        assertTrue(Integer.parseInt(convex3.get(4)) > 3, convex3.toString());
        assertEquals("no", convex3.get(6));
        // every design whose precondition fails has a larger support than planted; the chosen one is exact
        for (var row : rows) {
            if (Double.parseDouble(row.get(1)) > 1) {
                assertTrue(Integer.parseInt(row.get(4)) > Integer.parseInt(row.get(3)), row.toString());
            }
        }
        assertEquals("yes", rows.get(rows.size() - 1).get(6));
    }
}
