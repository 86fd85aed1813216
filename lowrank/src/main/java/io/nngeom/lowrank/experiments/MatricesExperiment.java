package io.nngeom.lowrank.experiments;

import static io.nngeom.lowrank.experiments.ExperimentHelpers.f;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.generator;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.slopeWithin;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.LocalGeometry;
import io.nngeom.lowrank.LowRank;
import io.nngeom.lowrank.LowRankFigures;
import io.nngeom.lowrank.Ops;
import io.nngeom.lowrank.Sweep;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.NamedExperiment;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** E0: the divergence-transition matrix's centring, top singular value and the mutual-information expansion. */
final class MatricesExperiment extends NamedExperiment {
    MatricesExperiment() {
        super("lowrank.matrices", "E0: DTM sanity: centring, σ₁(B) = 1, I(X;Y) = ½‖B̃‖² + O(ε³)");
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = ctx.quick() ? new double[]{0.05, 0.025, 0.0125} : new double[]{0.1, 0.05, 0.025, 0.0125, 0.00625};
        var b = ExperimentResult.builder(this, ctx).param("nx", 8).param("ny", 6).param("eps", Arrays.toString(eps));
        double centring = 0;
        double top = 0;
        double[] diff = new double[eps.length];
        double[] resid = new double[eps.length];
        // third-order coefficient in closed form: with P = q(1 + δ), q = p_x p_y, δ = ε B0/√q,
        // I = Σ q (1+δ) log(1+δ) = ½‖B̃‖² − (1/6) Σ q δ³ + O(ε⁴), so c₃ = −(1/6) Σ B0³/√(p_x p_y)
        double c3 = 0;
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                double v = g.b0().get(y, x);
                c3 -= v * v * v / (6 * Math.sqrt(g.px()[x] * g.py()[y]));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            JointDistribution d = g.at(eps[i]);
            Matrix bt = LocalGeometry.centredDtm(d);
            centring = Math.max(centring, Math.max(Linalg.norm2(bt.times(Ops.sqrt(d.px()))), Linalg.norm2(bt.transpose().times(Ops.sqrt(d.py())))));
            top = Math.max(top, Math.abs(LowRank.dtmSpectrum(d)[0] - 1));
            double mi = d.mutualInformation();
            double half = 0.5 * bt.normF() * bt.normF();
            diff[i] = Math.abs(mi - half);
            resid[i] = Math.abs(mi - half - c3 * Math.pow(eps[i], 3));
            rows.add(List.of(f(eps[i]), f(mi), f(half), f((mi - half) / Math.pow(eps[i], 3)), f(c3)));
        }
        b.atMost("max ‖B̃√p_x‖, ‖B̃ᵀ√p_y‖", centring, 1e-14);
        b.atMost("max |σ₁(B) − 1|", top, 1e-13);
        b.atLeast("slope of |I − ½‖B̃‖²| vs ε (o(ε²): > 2)", Sweep.slope(eps, diff), 2.0);
        slopeWithin(b, "slope of |I − ½‖B̃‖² − c₃ε³| (fourth order)", Sweep.slope(eps, resid), new double[]{3.7, 4.3});
        b.measure("c₃ = −(1/6)Σ B0³/√(p_x p_y)", c3);
        b.table(new Table("lowrank-e0", "Mutual information against ½‖B̃‖²", List.of("ε", "I(X;Y)", "½‖B̃‖²", "(I − ½‖B̃‖²)/ε³", "c₃ (closed form)"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e0-mi", "|I(X;Y) − ½‖B̃‖²| vs ε", eps,
                new String[]{"|I − ½‖B̃‖²|", "|I − ½‖B̃‖² − c₃ε³|"}, new double[][]{diff, resid}, new double[]{3, 4}));
        return b.criterion("B̃ annihilates √p_x and √p_y to 1e-14; the top singular value of B is 1 to 1e-13; "
                + "I(X;Y) − ½‖B̃‖² is o(ε²) (slope > 2), and after removing its closed-form third-order term c₃ε³ "
                + "the remainder is fourth order (slope in [3.7, 4.3]).").build();
    }
}
