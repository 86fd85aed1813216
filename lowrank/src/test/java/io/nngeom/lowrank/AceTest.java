package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.run.Seeds;
import org.junit.jupiter.api.Test;

class AceTest {

    @Test
    void convergesToTheEmpiricalSvdSubspace() {
        JointDistribution truth = LocalGenerator.standard(3).at(0.2);
        int[][] s = truth.sample(50_000, Seeds.rng(4));
        Ace.Result r = Ace.run(s[0], s[1], truth.nx(), truth.ny(), 2, 2000, 1e-13, 1);
        JointDistribution emp = JointDistribution.fromSamples(s[0], s[1], truth.nx(), truth.ny());
        LocalGeometry.Modes m = LocalGeometry.modes(emp);
        double[] px = emp.px();
        double angle = Subspaces.sinThetaMax(Ops.scaleRows(r.features(), Ops.sqrt(px)), m.vk(2));
        assertThat(angle).isLessThan(1e-9);
        assertThat(r.correlations()[0]).isCloseTo(m.sigma()[0], within(1e-10));
        assertThat(r.correlations()[1]).isCloseTo(m.sigma()[1], within(1e-9));
        // an independent algorithm (ACE) reaching the same subspace; against the truth only sampling error remains
        double vsTruth = Subspaces.sinThetaMax(Ops.scaleRows(r.features(), Ops.sqrt(px)), LocalGeometry.modes(truth).vk(2));
        assertThat(vsTruth).isLessThan(0.2);
    }
}
