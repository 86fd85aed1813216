package io.nngeom.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExperimentRegistryTest {
    @Test
    void globMatchesWholeNames() {
        assertThat(ExperimentRegistry.globPattern("minimizers*").matcher("minimizers.build").matches()).isTrue();
        assertThat(ExperimentRegistry.globPattern("minimizers*").matcher("convex.fit").matches()).isFalse();
        assertThat(ExperimentRegistry.globPattern("*.fit").matcher("convex.fit").matches()).isTrue();
        assertThat(ExperimentRegistry.globPattern("a?c").matcher("a.c").matches()).isTrue();
    }

    @Test
    void verdictFollowsBoundsUnlessForced() {
        Experiment e = new Experiment() {
            public String name() {
                return "foundation.demo";
            }

            public String title() {
                return "demo";
            }

            public ExperimentResult run(ExperimentContext ctx) {
                return null;
            }
        };
        ExperimentContext ctx = new ExperimentContext(1, true);
        assertThat(ExperimentResult.builder(e, ctx).atMost("err", 1e-13, 1e-12).build().verdict()).isEqualTo(Verdict.PASS);
        assertThat(ExperimentResult.builder(e, ctx).atMost("err", 1e-11, 1e-12).build().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ExperimentResult.builder(e, ctx).atLeast("err", Double.NaN, 0).build().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ExperimentResult.builder(e, ctx).measure("x", 1).build().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ExperimentResult.builder(e, ctx).measure("x", 1).verdict(Verdict.REPORT).build().verdict())
                .isEqualTo(Verdict.REPORT);
        assertThat(e.area()).isEqualTo("foundation");
    }
}
