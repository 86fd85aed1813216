package io.nngeom.piecewise.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** The full versions (minutes): run with -Dgroups=slow -Dnngeom.excludedGroups= (see the parent pom). */
@Tag("slow")
class PiecewiseExperimentsFullTest {

    @TestFactory
    Stream<DynamicTest> fullVersionsPass() {
        return PiecewiseExperiments.ALL.stream().map(x -> DynamicTest.dynamicTest(x.name(), () -> {
            ExperimentResult r = x.run(new ExperimentContext(Seeds.DEFAULT, false));
            assertThat(r.verdict()).as(r.name() + " " + r.measured()).isEqualTo(Verdict.PASS);
        }));
    }
}
