package io.nngeom.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.data.Dataset;
import io.nngeom.data.Synthetic;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Num;
import io.nngeom.run.Progress;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {

    static Dataset regression(int n, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 2 * rng.nextDouble() - 1;
            x[2 * i + 1] = 2 * rng.nextDouble() - 1;
            y[i] = Math.sin(3 * x[2 * i]) * x[2 * i + 1];
        }
        return Dataset.regression(new Matrix(n, 2, x), new Matrix(n, 1, y));
    }

    static Mlp net(long seed) {
        return Mlp.random(new int[] {2, 16, 16, 1}, Activation.RELU, Seeds.rng(seed));
    }

    /** 1-1 identity network f(x) = w x + b. */
    static Mlp linear(double w, double b) {
        return new Mlp(List.of(new Layer(Matrix.of(new double[] {w}), new double[] {b}, Activation.IDENTITY)));
    }

    @Test
    void adamMatchesHandComputedTwoSteps() {
        // J(w, b) = ½(w·1 + b − 0)², so ∂J/∂w = ∂J/∂b = w + b
        Dataset d = Dataset.regression(Matrix.of(new double[] {1}), Matrix.of(new double[] {0}));
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        TrainingOptions o = TrainingOptions.defaults(Optimizer.ADAM).withLearningRate(lr).withIterations(2);
        TrainingResult r = Trainer.train(linear(0.5, 0.25), d, Objective.of(Loss.HALF_SSE), o);
        // textbook Adam (Kingma & Ba, Algorithm 1) by hand
        double w = 0.5;
        double b = 0.25;
        double m = 0;
        double v = 0;
        double[] losses = new double[2];
        for (int t = 1; t <= 2; t++) {
            double g = w + b;
            losses[t - 1] = 0.5 * g * g;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            double step = lr * mHat / (Math.sqrt(vHat) + eps);
            w -= step;
            b -= step;
        }
        // step 1: g = 0.75, m̂ = 0.75, √v̂ = 0.75, so both parameters move by 0.1·0.75/(0.75 + 1e-8)
        assertThat(0.5 - 0.1 * 0.75 / (0.75 + 1e-8)).isCloseTo(0.4, within(1e-8));
        assertThat(r.model().layer(0).w(0, 0)).isCloseTo(w, within(1e-15));
        assertThat(r.model().layer(0).b(0)).isCloseTo(b, within(1e-15));
        assertThat(r.history().loss()[0]).isEqualTo(losses[0]);
        assertThat(r.history().loss()[1]).isCloseTo(losses[1], within(1e-15));
        assertThat(r.iterations()).isEqualTo(2);
        assertThat(r.history().size()).isEqualTo(3);
    }

    @Test
    void gdStepIsMinusLearningRateTimesGradient() {
        Dataset d = regression(50, 1);
        Mlp init = net(2);
        Objective obj = Objective.of(Loss.MSE, Penalty.l2(0.01));
        double[] g = new double[init.parameterCount()];
        obj.valueAndGradient(init, d, g);
        TrainingResult r = Trainer.train(init, d, obj, TrainingOptions.defaults(Optimizer.GD).withLearningRate(0.05)
                .withIterations(1));
        double[] p0 = init.parameters();
        double[] p1 = r.model().parameters();
        for (int k = 0; k < p0.length; k++) {
            assertThat(p1[k]).isEqualTo(p0[k] - 0.05 * g[k]);
        }
    }

    @Test
    void everyOptimizerDecreasesTheObjective() {
        Dataset d = regression(200, 3);
        Mlp init = net(4);
        Objective obj = Objective.of(Loss.MSE);
        double j0 = obj.value(init, d);
        for (Optimizer opt : Optimizer.values()) {
            TrainingOptions o = TrainingOptions.defaults(opt).withIterations(200);
            if (opt == Optimizer.GD) {
                o = o.withLearningRate(0.1);
            }
            TrainingResult r = Trainer.train(init, d, obj, o);
            assertThat(r.objective()).as(opt.id()).isLessThan(0.7 * j0);
            assertThat(r.objective()).isCloseTo(obj.value(r.model(), d), within(1e-12));
            assertThat(r.loss()).isEqualTo(r.objective());
            assertThat(r.history().objective()[r.history().size() - 1]).isEqualTo(r.objective());
        }
    }

    @Test
    void lbfgsDrivesSmallSmoothProblemToGradTol() {
        Dataset d = regression(40, 5);
        Mlp init = Mlp.random(new int[] {2, 6, 1}, Activation.TANH, Seeds.rng(6));
        Objective obj = Objective.of(Loss.MSE, Penalty.l2(1e-3));
        TrainingResult r = Trainer.train(init, d, obj, TrainingOptions.defaults(Optimizer.LBFGS).withIterations(5000));
        assertThat(r.converged()).isTrue();
        assertThat(r.gradNorm()).isLessThanOrEqualTo(1e-10);
        double[] g = new double[init.parameterCount()];
        obj.valueAndGradient(r.model(), d, g);
        assertThat(Lbfgs.norm(g)).isLessThanOrEqualTo(1e-10);
    }

    @Test
    void frozenLayersStayBitIdentical() {
        Dataset d = regression(100, 7);
        Mlp init = net(8);
        for (Optimizer opt : Optimizer.values()) {
            TrainingOptions o = TrainingOptions.defaults(opt).withIterations(30).withFrozenLayers(Set.of(0, 2));
            TrainingResult r = Trainer.train(init, d, Objective.of(Loss.MSE, Penalty.l2(0.1)), o);
            assertThat(r.model().layer(0)).as(opt.id()).isEqualTo(init.layer(0));
            assertThat(r.model().layer(2)).as(opt.id()).isEqualTo(init.layer(2));
            assertThat(r.model().layer(1)).as(opt.id()).isNotEqualTo(init.layer(1));
        }
    }

    @Test
    void sameSeedGivesBitIdenticalResults() {
        Dataset d = regression(600, 9);
        Mlp init = net(10);
        Objective obj = Objective.of(Loss.HALF_SSE, new Penalty(1e-3, 1e-4, false));
        for (Optimizer opt : Optimizer.values()) {
            TrainingOptions o = TrainingOptions.defaults(opt).withIterations(40).withSeed(123).withLearningRate(
                    opt == Optimizer.ADAM ? 1e-3 : 1e-4);
            TrainingResult a = Trainer.train(init, d, obj, o);
            TrainingResult b = Trainer.train(init, d, obj, o);
            assertThat(b.model().parameters()).as(opt.id()).containsExactly(a.model().parameters());
            assertThat(b.history().objective()).containsExactly(a.history().objective());
        }
        TrainingOptions s = TrainingOptions.defaults(Optimizer.SGD).withIterations(40).withLearningRate(1e-4);
        TrainingResult a = Trainer.train(init, d, obj, s.withSeed(1));
        TrainingResult b = Trainer.train(init, d, obj, s.withSeed(2));
        assertThat(b.model().parameters()).isNotEqualTo(a.model().parameters());
    }

    @Test
    void sgdEpochCoversEveryExampleOnce() {
        // with a tiny learning rate and no momentum, one epoch of N/B steps moves θ by ≈ −η Σ_batches g_B, and
        // the batch means of a partition average to the full gradient: Σ_batches g_B = (N/B)·∇J
        Dataset d = regression(96, 11);
        Mlp init = net(12);
        Objective obj = Objective.of(Loss.MSE);
        double[] g = new double[init.parameterCount()];
        obj.valueAndGradient(init, d, g);
        double lr = 1e-9;
        int batch = 16;
        TrainingOptions o = TrainingOptions.defaults(Optimizer.SGD).withMomentum(0).withBatchSize(batch)
                .withLearningRate(lr).withIterations(96 / batch);
        TrainingResult r = Trainer.train(init, d, obj, o);
        double[] p0 = init.parameters();
        double[] p1 = r.model().parameters();
        double err = 0;
        double norm = 0;
        for (int k = 0; k < p0.length; k++) {
            double moved = (p0[k] - p1[k]) / lr;
            double expected = (96.0 / batch) * g[k];
            err += (moved - expected) * (moved - expected);
            norm += expected * expected;
        }
        assertThat(Math.sqrt(err / norm)).isLessThan(1e-4);
        // and a batch of the whole data set is one GD step
        TrainingResult full = Trainer.train(init, d, obj, o.withBatchSize(0).withIterations(1).withLearningRate(0.01));
        double[] p2 = full.model().parameters();
        for (int k = 0; k < p0.length; k++) {
            assertThat(p2[k]).isCloseTo(p0[k] - 0.01 * g[k], within(1e-14));
        }
    }

    @Test
    void sgdMomentumFollowsPytorchBuffer() {
        // single example, full batch: buf₁ = g₁, buf₂ = μ buf₁ + g₂
        Dataset d = Dataset.regression(Matrix.of(new double[] {1}), Matrix.of(new double[] {0}));
        TrainingOptions o = TrainingOptions.defaults(Optimizer.SGD).withMomentum(0.5).withLearningRate(0.1)
                .withIterations(2).withBatchSize(1);
        TrainingResult r = Trainer.train(linear(0.5, 0.25), d, Objective.of(Loss.HALF_SSE), o);
        double w = 0.5;
        double b = 0.25;
        double g1 = w + b;
        w -= 0.1 * g1;
        b -= 0.1 * g1;
        double g2 = w + b;
        double buf = 0.5 * g1 + g2;
        w -= 0.1 * buf;
        assertThat(r.model().layer(0).w(0, 0)).isCloseTo(w, within(1e-15));
    }

    @Test
    void gradTolStopsEarly() {
        Dataset d = regression(30, 13);
        Mlp init = Mlp.random(new int[] {2, 4, 1}, Activation.TANH, Seeds.rng(14));
        TrainingResult r = Trainer.train(init, d, Objective.of(Loss.MSE),
                TrainingOptions.defaults(Optimizer.GD).withLearningRate(0.2).withIterations(100000).withGradTol(1e-3));
        assertThat(r.converged()).isTrue();
        assertThat(r.iterations()).isLessThan(100000);
        assertThat(r.gradNorm()).isLessThanOrEqualTo(1e-3);
    }

    @Test
    void divergenceStopsTraining() {
        Dataset d = regression(50, 18);
        Mlp init = net(19);
        TrainingResult r = Trainer.train(init, d, Objective.of(Loss.MSE),
                TrainingOptions.defaults(Optimizer.GD).withLearningRate(1e6).withIterations(10_000));
        assertThat(r.iterations()).isLessThan(10_000);
        assertThat(r.converged()).isFalse();
        assertThat(Double.isFinite(r.objective())).isFalse();
    }

    @Test
    void historyIsThinnedForLongRuns() {
        Dataset d = regression(8, 15);
        Mlp init = Mlp.random(new int[] {2, 3, 1}, Activation.TANH, Seeds.rng(16));
        TrainingResult r = Trainer.train(init, d, Objective.of(Loss.MSE),
                TrainingOptions.defaults(Optimizer.GD).withIterations(25_000));
        assertThat(r.history().size()).isLessThanOrEqualTo(TrainingHistory.MAX_POINTS);
        assertThat(r.history().iteration()[0]).isEqualTo(0);
        assertThat(r.history().iteration()[r.history().size() - 1]).isEqualTo(25_000);
    }

    @Test
    void rejectsMismatchedDataAndBadOptions() {
        Dataset d = regression(8, 17);
        Mlp wrong = Mlp.random(new int[] {3, 4, 1}, Activation.RELU, Seeds.rng(1));
        assertThatThrownBy(() -> Trainer.train(wrong, d, Objective.of(Loss.MSE), TrainingOptions.defaults(Optimizer.GD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input columns");
        assertThatThrownBy(() -> Trainer.train(net(1), d, Objective.of(Loss.MSE),
                TrainingOptions.defaults(Optimizer.GD).withFrozenLayers(Set.of(7))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frozen layer 7");
        assertThatThrownBy(() -> TrainingOptions.defaults(Optimizer.ADAM).withLearningRate(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Optimizer.parse("rmsprop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rmsprop");
        assertThat(Optimizer.parse("L-BFGS")).isEqualTo(Optimizer.LBFGS);
    }

    @Test
    void progressEndsWithTheFinalObjectiveOfTheResult() {
        List<String> finals = new ArrayList<>();
        Progress sink = new Progress() {
            @Override
            public void update(String step, long done, long total, String status) {
            }

            @Override
            public void finish(String step, long done, long total, String status) {
                finals.add(step + "|" + done + "/" + total + "|" + status);
            }
        };
        Dataset d = Synthetic.regression2d("ripple", 40, 0.0, 3);
        Mlp init = Mlp.random(new int[] {2, 6, 1}, Activation.RELU, Seeds.rng(4));
        TrainingResult r = Trainer.train(init, d, Objective.of(Loss.MSE, Penalty.NONE),
                TrainingOptions.defaults(Optimizer.ADAM).withIterations(25), sink);
        assertThat(finals).containsExactly("train adam|25/25|objective " + Num.show(r.objective()));
    }
}
