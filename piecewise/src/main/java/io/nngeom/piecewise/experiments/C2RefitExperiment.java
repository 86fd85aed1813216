package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.jumpDistance;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.AffineLift;
import io.nngeom.piecewise.ShallowFit;
import io.nngeom.regions.Box;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** E3: shallow refit from the teacher's hyperplanes recovers it exactly */
final class C2RefitExperiment extends PiecewiseExperiment {
    C2RefitExperiment() {
        super("piecewise.c2-refit", "E3: shallow refit from the teacher's hyperplanes recovers it exactly");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        int teachers = ctx.quick() ? 3 : 20;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e3"));
        double worstRes = 0;
        double worstJump = 0;
        Box box = Box.cube(2, -2, 2);
        for (int i = 0; i < teachers; i++) {
            int m = 3 + rng.nextInt(8);
            Mlp teacher = Mlp.random(new int[] {2, m, 1}, Activation.RELU, rng);
            // keep only units whose line crosses the box (others are dead or affine there)
            List<double[]> hp = new ArrayList<>();
            for (int u = 0; u < m; u++) {
                hp.add(new double[] {teacher.layer(0).w(u, 0), teacher.layer(0).w(u, 1), teacher.layer(0).b(u)});
            }
            ShallowFit.Result r = ShallowFit.fit(teacher, hp, box, 3000, rng.nextLong());
            worstRes = Math.max(worstRes, r.residual());
            AffineLift.Canonical a = AffineLift.canonicalize(teacher, box);
            AffineLift.Canonical b = AffineLift.canonicalize(r.construction().net(), box);
            worstJump = Math.max(worstJump, jumpDistance(a, b));
        }
        return ExperimentResult.builder(this, ctx).param("teachers", teachers).param("box", box.toString())
                .atMost("maxResidual", worstRes, 1e-10).atMost("maxJumpMismatch", worstJump, 1e-8)
                .criterion("residual <= 1e-10 and the jumps v_i w_i of the canonicalised refit match the teacher's (1e-8)")
                .build();
    }
}
