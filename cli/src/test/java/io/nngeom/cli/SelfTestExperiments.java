package io.nngeom.cli;

import io.nngeom.plot.Chart;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentProvider;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import io.nngeom.validate.Verdict;
import java.util.List;

/**
 * Test-only experiments (area "selftest"): one passes, one fails its bound, one throws, one only reports.
 * Registered through src/test/resources/META-INF/services, so they exist only on the test class path.
 */
public final class SelfTestExperiments implements ExperimentProvider {

    @Override
    public List<Experiment> experiments() {
        return List.of(
                new Simple("selftest.pass", "A check that holds", ctx -> {
                    double[] x = {0, 1, 2, 3};
                    double[] y = {0, 1, 4, 9};
                    return ExperimentResult.builder(get("selftest.pass"), ctx)
                            .param("n", 4).param("quick", ctx.quick())
                            .atMost("error", 1e-12, 1e-10)
                            .measure("size", 4)
                            .criterion("error <= 1e-10")
                            .figure(Chart.of("parabola", "y = x^2", "x", "y").line("x^2", x, y))
                            .table(new Table("t", "A small table", List.of("a", "b"), List.of(List.of("1", "2"))))
                            .build();
                }),
                new Simple("selftest.fail", "A check that does not hold", ctx ->
                        ExperimentResult.builder(get("selftest.fail"), ctx)
                                .atMost("error", 0.5, 1e-10).criterion("error <= 1e-10").note("measured 0.5").build()),
                new Simple("selftest.throws", "A check that throws", ctx -> {
                    throw new IllegalStateException("boom in the experiment");
                }),
                new Simple("selftest.report", "A measurement without a criterion", ctx ->
                        ExperimentResult.builder(get("selftest.report"), ctx)
                                .measure("seed", ctx.seed()).verdict(Verdict.REPORT).build()));
    }

    private static Experiment get(String name) {
        return new SelfTestExperiments().experiments().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private interface Body {
        ExperimentResult run(ExperimentContext ctx);
    }

    private record Simple(String name, String title, Body body) implements Experiment {
        @Override
        public ExperimentResult run(ExperimentContext ctx) {
            return body.run(ctx);
        }
    }
}
