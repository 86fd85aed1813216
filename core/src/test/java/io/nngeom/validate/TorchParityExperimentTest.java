package io.nngeom.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.run.Seeds;
import org.junit.jupiter.api.Test;

class TorchParityExperimentTest {

    @Test
    void adamReproducesPytorchLosses() {
        ExperimentResult r = new TorchParityExperiment().run(new ExperimentContext(Seeds.DEFAULT, true));
        assertThat(r.verdict()).as(r.measured().toString()).isEqualTo(Verdict.PASS);
        assertThat(r.measured().stream().filter(m -> m.comparison().equals("<=")).count()).isEqualTo(2);
        assertThat(r.tables().get(0).rows()).hasSize(2 * 21);
        assertThat(r.seconds()).isLessThan(5);
    }

    @Test
    void registered() {
        assertThat(ExperimentRegistry.matching("foundation.torch-parity")).hasSize(1);
    }
}
