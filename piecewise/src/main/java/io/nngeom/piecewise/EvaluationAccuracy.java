package io.nngeom.piecewise;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;

/**
 * How exactly a constructed network reproduces its targets when it is evaluated, in float64 (nngeom) and in float32
 * (PyTorch's default dtype), measured on the points themselves. A construction that is exact in exact arithmetic can
 * lose many digits through a badly conditioned layer; this says how many, and whether that is past tolerance.
 *
 * <p>Tolerances, relative to the target scale s = max(1, max|y|): float64 error ≤ {@link #FLOAT64_TOL}·s, float32
 * error ≤ {@link #FLOAT32_TOL}·s (three correct digits), condition number ≤ {@link #CONDITION_TOL} (beyond it float64
 * can lose more than half of its 16 digits).
 *
 * @param float64Error max |f(x) − y| evaluated in float64
 * @param float32Error max |f(x) − y| with weights, inputs and every operation in float32
 * @param scale max(1, max|y|)
 */
public record EvaluationAccuracy(double float64Error, double float32Error, double scale) {
    /** Float64 tolerance relative to the target scale. */
    public static final double FLOAT64_TOL = 1e-9;
    /** Float32 tolerance relative to the target scale. */
    public static final double FLOAT32_TOL = 1e-3;
    /** Condition number beyond which a warning is due. */
    public static final double CONDITION_TOL = 1e8;

    /** Measures {@code net} on inputs {@code x} against targets {@code y}. */
    public static EvaluationAccuracy of(Mlp net, Matrix x, Matrix y) {
        Matrix f64 = net.apply(x);
        double e64 = 0;
        double e32 = 0;
        double maxY = 0;
        for (int r = 0; r < x.rows(); r++) {
            float[] f32 = float32(net, x.rowArray(r));
            for (int o = 0; o < y.cols(); o++) {
                double t = y.get(r, o);
                maxY = Math.max(maxY, Math.abs(t));
                e64 = Math.max(e64, Math.abs(f64.get(r, o) - t));
                e32 = Math.max(e32, Math.abs((double) f32[o] - t));
            }
        }
        return new EvaluationAccuracy(e64, e32, Math.max(1, maxY));
    }

    /** The network's output at {@code x} computed in float32 throughout (the activation rounded to float32). */
    static float[] float32(Mlp net, double[] x) {
        float[] h = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            h[j] = (float) x[j];
        }
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            float[] z = new float[layer.outputs()];
            for (int i = 0; i < z.length; i++) {
                float s = (float) layer.b(i);
                for (int j = 0; j < h.length; j++) {
                    s += (float) layer.w(i, j) * h[j];
                }
                z[i] = (float) layer.activation().apply(s);
            }
            h = z;
        }
        return h;
    }

    public boolean float64WithinTolerance() {
        return float64Error <= FLOAT64_TOL * scale;
    }

    public boolean float32WithinTolerance() {
        return float32Error <= FLOAT32_TOL * scale;
    }
}
