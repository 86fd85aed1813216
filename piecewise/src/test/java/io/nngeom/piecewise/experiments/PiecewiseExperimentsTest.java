package io.nngeom.piecewise.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentRegistry;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Verdict;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PiecewiseExperimentsTest {

    @Test
    void allExperimentsAreRegisteredUnderThePiecewiseArea() {
        List<Experiment> found = ExperimentRegistry.matching("piecewise*");
        assertThat(found).hasSize(PiecewiseExperiments.ALL.size());
        assertThat(found).allMatch(x -> x.area().equals("piecewise"));
    }

    @TestFactory
    Stream<DynamicTest> quickVersionsPass() {
        return PiecewiseExperiments.ALL.stream().map(x -> DynamicTest.dynamicTest(x.name(), () -> {
            ExperimentResult r = x.run(new ExperimentContext(Seeds.DEFAULT, true));
            assertThat(r.verdict()).as(r.name() + " " + r.measured()).isEqualTo(Verdict.PASS);
        }));
    }
}
