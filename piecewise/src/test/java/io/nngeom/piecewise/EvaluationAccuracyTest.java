package io.nngeom.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluationAccuracyTest {

    /** y = w·x with w = 1 + 2^-30: float32 rounds w to 1, so at x = 2^20 it loses exactly 2^-10. */
    @Test
    void float32ErrorMatchesTheClosedFormOfAWeightFloat32CannotHold() {
        double w = 1 + Math.scalb(1.0, -30);
        double x = Math.scalb(1.0, 20);
        Mlp net = new Mlp(List.of(new Layer(Matrix.of(new double[] {w}), new double[] {0}, Activation.IDENTITY)));
        Matrix xs = Matrix.of(new double[] {x});
        Matrix ys = Matrix.of(new double[] {w * x});
        EvaluationAccuracy a = EvaluationAccuracy.of(net, xs, ys);
        assertThat(a.float64Error()).isZero();
        assertThat(a.float32Error()).isEqualTo(Math.scalb(1.0, -10));
        assertThat(a.scale()).isEqualTo(w * x);
        assertThat(a.float64WithinTolerance()).isTrue();
        assertThat(a.float32WithinTolerance()).isTrue(); // 9.8e-4 against 1e-3 · 2^20
    }

    @Test
    void reluNetworkInFloat32AgreesWithFloat64ToFloat32Precision() {
        Mlp net = new Mlp(List.of(
                new Layer(Matrix.of(new double[] {1, -2}, new double[] {0.5, 0.25}), new double[] {0.1, -3}, Activation.RELU),
                new Layer(Matrix.of(new double[] {3, -1}), new double[] {0.7}, Activation.IDENTITY)));
        double[] x = {0.3, -0.9};
        // by hand: z = (0.3 + 1.8 + 0.1, 0.15 - 0.225 - 3) = (2.2, -3.075) -> relu (2.2, 0) -> 3·2.2 + 0.7 = 7.3
        float[] f = EvaluationAccuracy.float32(net, x);
        assertThat((double) f[0]).isCloseTo(7.3, Offset.offset(7.3 * 3e-7));
        assertThat(net.apply(x)[0]).isCloseTo(7.3, Offset.offset(1e-14));
    }
}
