package io.nngeom.minimizers.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentRegistry;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimizerExperimentsTest {

    @Test
    void registeredThroughTheServiceLoader() {
        List<Experiment> found = ExperimentRegistry.matching("minimizers.*");
        assertEquals(new MinimizerExperiments().experiments().size(), found.size());
        for (Experiment e : found) {
            assertEquals("minimizers", e.area());
        }
    }

    @Test
    void quickVersionsPassOrReport() {
        for (Experiment e : new MinimizerExperiments().experiments()) {
            ExperimentResult r = e.run(new ExperimentContext(Seeds.DEFAULT, true));
            if (e instanceof LocalMinimaExperiment) {
                assertEquals(Verdict.REPORT, r.verdict());
                assertFalse(r.tables().isEmpty());
            } else {
                assertEquals(Verdict.PASS, r.verdict(), e.name() + ": " + r.measured() + " " + r.notes());
            }
            assertFalse(r.measured().isEmpty(), e.name());
        }
    }

    @Test
    void constructionExperimentCarriesPicturesForQ2AndQ3() {
        ExperimentResult r = new ConstructionExperiment().run(new ExperimentContext(1, true));
        assertTrue(r.figures().stream().anyMatch(f -> f.name().startsWith("minimizers-curated-q2")));
        assertTrue(r.figures().stream().anyMatch(f -> f.name().startsWith("minimizers-curated-q3")));
    }
}
