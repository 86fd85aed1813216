package io.nngeom.minimizers.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.minimizers.BuildOptions;
import io.nngeom.minimizers.BuildResult;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.Costs;
import io.nngeom.minimizers.Degeneracy;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.minimizers.Permutations;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * E4 of the digest: the zero-cost minimizers form a degenerate family. Every symmetry move (output null-space
 * shift, positive diagonal rescaling, hidden perturbation with output refit, truncation order, normal, θ,
 * cone slope, simplex frame, identity layers) keeps C2 at zero; the Jacobian of the outputs has rank Q² and the
 * Hessian of C2 has K − Q² zero eigenvalues (reported against the prediction).
 */
public final class DegeneracyExperiment implements Experiment {
    /** Jacobian rank with singular values &gt; 1e-7·σ_max (central differences, step 1e-6, error ≈ 1e-10). */
    static final double RANK_TOLERANCE = 1e-7;

    @Override
    public String name() {
        return "minimizers.degeneracy";
    }

    @Override
    public String title() {
        return "Degenerate family: symmetry moves keep zero cost; Jacobian rank and Hessian nullity vs Q² and K − Q²";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        var b = ExperimentResult.builder(this, ctx);
        int[][] cases = ctx.quick() ? new int[][] {{3, 3}} : new int[][] {{2, 2}, {3, 3}, {3, 4}, {4, 4}};
        int perClass = ctx.quick() ? 30 : 100;
        b.param("(Q, L)", Arrays.deepToString(cases)).param("N_j", perClass).param("delta", 0.8);
        double worst = 0;
        double minOrderDistance = Double.POSITIVE_INFINITY;
        List<List<String>> rows = new ArrayList<>();
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "degeneracy"));
        boolean ranksMatch = true;
        for (int[] c : cases) {
            int q = c[0];
            int l = c[1];
            Dataset d = ClusteredData.generate(q, perClass * q, 0.8, Seeds.child(ctx.seed(), "degeneracy-" + q));
            BuildOptions base = BuildOptions.defaults(l).withSeed(ctx.seed());
            BuildResult r = Minimizers.build(d, base);
            ClusteredData cd = r.data();
            Mlp net = r.model();
            List<Move> moves = new ArrayList<>();
            for (double v : new double[] {0.1, 1, 10}) {
                moves.add(new Move("output shift |v| = " + v, Degeneracy.outputShift(net, cd, v, rng)));
            }
            moves.add(new Move("positive diagonal rescaling", Degeneracy.rescale(net, rng)));
            for (double e : new double[] {1e-6, 1e-3, 1e-2}) {
                moves.add(new Move("hidden perturbation ε = " + e + " + output refit",
                        Degeneracy.perturbHiddenAndRefit(net, cd, e, rng)));
            }
            moves.add(new Move("θ = 0.25", Minimizers.build(d, base.withTheta(0.25)).model()));
            moves.add(new Move("θ = 0.75", Minimizers.build(d, base.withTheta(0.75)).model()));
            moves.add(new Move("κ = 2, s₀ = 0.5", Minimizers.build(d, base.withKappa(2).withSlopeOffset(0.5)).model()));
            moves.add(new Move("rotated simplex frame", Minimizers.build(d, base.withFrameSeed(ctx.seed())).model()));
            moves.add(new Move("max-margin normals", Minimizers.build(d, base.withNormal(BuildOptions.Normal.MAX_MARGIN)).model()));
            moves.add(new Move("identity layers, margin γ = 3", Minimizers.build(d, base.withIdentityMargin(3)).model()));
            for (int[] order : Permutations.all(q)) {
                if (Arrays.equals(order, r.order())) {
                    continue;
                }
                Mlp other = Minimizers.build(d, base.withOrder(order)).model();
                minOrderDistance = Math.min(minOrderDistance, distance(net, other));
                moves.add(new Move("order " + Arrays.toString(order), other));
            }
            double caseWorst = 0;
            for (Move m : moves) {
                double cost = Costs.c2(m.net, cd);
                caseWorst = Math.max(caseWorst, cost);
                rows.add(List.of("Q=" + q + ", L=" + l, m.name, String.format(Locale.ROOT, "%.3e", cost),
                        String.format(Locale.ROOT, "%.3g", distance(net, m.net))));
            }
            worst = Math.max(worst, caseWorst);
            Matrix j = Degeneracy.outputJacobian(net, cd.x(), 1e-6);
            int rank = Degeneracy.rank(j, RANK_TOLERANCE);
            int k = net.parameterCount();
            int nullity = Hessians.nullity(net, d);
            ranksMatch &= rank == q * q && nullity == k - q * q;
            b.measure("Q=" + q + " L=" + l + ": rank J (predicted " + q * q + ")", rank);
            b.measure("Q=" + q + " L=" + l + ": Hessian nullity (predicted K − Q² = " + (k - q * q) + ")", nullity);
        }
        b.atMost("max C2 over all moves", worst, ConstructionExperiment.COST_TOLERANCE)
                .atLeast("min parameter distance between orders", minOrderDistance, 1.0)
                .table(new Table("minimizers-degeneracy", "Symmetry moves applied to the explicit minimizer",
                        List.of("case", "move", "C2 after the move", "parameter distance"), rows))
                .criterion("every move keeps C2 ≤ 1e-20; different orders give parameter vectors more than 1 apart. "
                        + "Jacobian rank and Hessian nullity are reported against the predictions Q² and K − Q² "
                        + "(Hessian by central differences of the backpropagated gradient, eigenvalues |λ| < 1e-8·λ_max)")
                .note(ranksMatch ? "Jacobian rank and Hessian nullity match the predictions in every case."
                        : "Jacobian rank or Hessian nullity differ from the prediction in some case (see the measurements).");
        return b.build();
    }

    private record Move(String name, Mlp net) {
    }

    static double distance(Mlp a, Mlp b) {
        double[] p = a.parameters();
        double[] q = b.parameters();
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (p[i] - q[i]) * (p[i] - q[i]);
        }
        return Math.sqrt(s);
    }
}
