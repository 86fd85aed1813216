package io.nngeom.lowrank.experiments;

import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentProvider;
import java.util.List;

/**
 * The validation experiments E0–E9 of the local-geometry digest (§4.4) and the real-data analysis, as
 * {@link Experiment}s named {@code lowrank.*}, one class each. Every experiment uses the standard local generator
 * (n_x = 8, n_y = 6, spectrum ∝ [1, .6, .3, .15, .05]) seeded from the context seed; quick versions use fewer ε
 * values, restarts and samples. Slopes are least-squares fits of log error against log ε over ε ≤ 0.1. The criteria
 * the experiments share are the constants below.
 */
public final class LowRankExperiments implements ExperimentProvider {

    /** Slope window for first-order errors (M1, M2, M3, hidden-layer error): [0.85, 1.15] (digest E4). */
    public static final double[] FIRST_ORDER = {0.85, 1.15};
    /** Slope window for the H-score deficit 1 − M4: [1.7, 2.3] (digest E4). */
    public static final double[] SECOND_ORDER = {1.7, 2.3};
    /** Slope window for the loss-expansion error: [2.7, 3.3] (digest E1). */
    public static final double[] THIRD_ORDER = {2.7, 3.3};
    /** Bound on |Δ|/ε³ for the trained bottleneck (digest E4): 0.2. */
    public static final double GAP_OVER_EPS3 = 0.2;
    /** MMSE with an affine output is exact: relative loss gap ≤ 1e-8 (digest E6a). */
    public static final double MMSE_EXACT = 1e-8;
    /** MMSE with an affine output: subspace and product errors ≤ 1e-4, the optimizer's resolution (digest E6a). */
    public static final double MMSE_ANGLE = 1e-4;
    /** The note of E6c and E7 in their quick versions, which do not run the further instances. */
    static final String QUICK_INSTANCE_NOTE = "Instance-dependent: the verdict is taken on one instance, and on comparable "
            + "instances the criterion does not always hold (docs/theory/lowrank.md). The full version (validate --full) "
            + "runs further instances and reports on how many it holds.";

    /** Softmax-vs-MSE discrimination: own-prediction error / other-prediction error &lt; 0.2 (digest E6c). */
    public static final double DISCRIMINATION_RATIO = 0.2;
    /** Number of further random instances whose E6c/E7 numbers the full versions report. */
    public static final int INSTANCES = 8;
    /** Independent singular values agree to 1e-12. */
    public static final double SVD_AGREEMENT = 1e-12;


    @Override
    public List<Experiment> experiments() {
        return List.of(new MatricesExperiment(), new ExpansionExperiment(), new FixedFeaturesExperiment(), new FixedWeightsExperiment(),
                new BottleneckExperiment(), new SamplesExperiment(), new AceExperiment(), new MmseExperiment(),
                new DiscriminationExperiment(), new HiddenExperiment(), new NegativeControlExperiment(), new GrowthExperiment(),
                new HairEyeExperiment());
    }
}
