package io.nngeom.lowrank.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentRegistry;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Verdict;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs every quick lowrank experiment once; the ones whose claims hold in the standard instance must pass. */
class LowRankExperimentsTest {

    @Test
    void providerIsRegisteredAndNamesAreUnique() {
        List<String> names = ExperimentRegistry.all().stream().map(Experiment::name).filter(n -> n.startsWith("lowrank.")).toList();
        assertThat(names).hasSize(new LowRankExperiments().experiments().size()).doesNotHaveDuplicates();
    }

    @Test
    void quickExperiments() {
        Map<String, ExperimentResult> r = new LowRankExperiments().experiments().stream()
                .collect(Collectors.toMap(Experiment::name, e -> e.run(new ExperimentContext(Seeds.DEFAULT, true))));
        for (String pass : List.of("lowrank.matrices", "lowrank.expansion", "lowrank.fixed-features", "lowrank.fixed-weights",
                "lowrank.bottleneck", "lowrank.samples", "lowrank.ace", "lowrank.mmse", "lowrank.discrimination", "lowrank.hidden", "lowrank.hair-eye")) {
            assertThat(r.get(pass).verdict()).as(pass + " " + r.get(pass).measured()).isEqualTo(Verdict.PASS);
        }
        // E6c: both preconditions and both ratios are judged (4 checks)
        assertThat(r.get("lowrank.discrimination").measured()).filteredOn(m -> !m.comparison().isEmpty()).hasSize(4);
        // E6c and E7 pass on their instance and not on every comparable one: their notes say so
        for (String dependent : List.of("lowrank.discrimination", "lowrank.hidden")) {
            assertThat(r.get(dependent).notes()).as(dependent).contains("Instance-dependent");
        }
        assertThat(r.get("lowrank.samples").notes()).doesNotContain("Instance-dependent");
        for (String report : List.of("lowrank.negative-control", "lowrank.growth")) {
            assertThat(r.get(report).verdict()).isEqualTo(Verdict.REPORT);
        }
        // every experiment carries its criterion and at least one figure or table
        r.values().forEach(x -> {
            assertThat(x.criterion()).isNotBlank();
            assertThat(x.figures().size() + x.tables().size()).isPositive();
        });
        // the same seed gives bit-identical measurements
        ExperimentResult again = new LowRankExperiments().experiments().stream().filter(e -> e.name().equals("lowrank.bottleneck"))
                .findFirst().orElseThrow().run(new ExperimentContext(Seeds.DEFAULT, true));
        assertThat(again.measured()).isEqualTo(r.get("lowrank.bottleneck").measured());
    }
}
