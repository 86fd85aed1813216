package io.nngeom.train;

import io.nngeom.net.Mlp;
import java.util.Locale;

/**
 * Explicit parameter penalty added to the loss (part of the objective, not a decoupled weight decay):
 * P(θ) = (l2/2) Σ w² + l1 Σ |w| over the weight entries w of every layer, and also over the biases when
 * {@code biases} is true. Its gradient is l2·w + l1·sign(w); at w = 0 the ℓ1 term uses the subgradient 0
 * (sign(0) = 0), so a weight that is exactly zero feels no ℓ1 force (see {@code docs/conventions.md}).
 *
 * @param l2 β ≥ 0, the weight-decay coefficient: the objective adds (β/2)Σ‖W_l‖²_F, the gradient β·W
 * @param l1 β₁ ≥ 0: the objective adds β₁Σ|W_l(i,j)|
 * @param biases whether the biases are penalised too (default false: weights only)
 */
public record Penalty(double l2, double l1, boolean biases) {
    /** No penalty. */
    public static final Penalty NONE = new Penalty(0, 0, false);

    public Penalty {
        if (!(Double.isFinite(l2) && l2 >= 0)) {
            throw new IllegalArgumentException("l2 penalty must be finite and >= 0, got " + l2);
        }
        if (!(Double.isFinite(l1) && l1 >= 0)) {
            throw new IllegalArgumentException("l1 penalty must be finite and >= 0, got " + l1);
        }
    }

    /** (β/2)Σ‖W‖² on the weights. */
    public static Penalty l2(double beta) {
        return new Penalty(beta, 0, false);
    }

    /** β₁Σ|W| on the weights. */
    public static Penalty l1(double beta1) {
        return new Penalty(0, beta1, false);
    }

    /** The same penalty applied to the biases too (or not). */
    public Penalty withBiases(boolean b) {
        return new Penalty(l2, l1, b);
    }

    public boolean isZero() {
        return l2 == 0 && l1 == 0;
    }

    /**
     * Parses {@code none}, {@code l2:BETA}, {@code l1:BETA}, or a comma-separated combination such as
     * {@code l2:1e-3,l1:1e-4,biases}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong
     */
    public static Penalty parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("none") || s.equals("0")) {
            return NONE;
        }
        double a = 0;
        double b = 0;
        boolean bias = false;
        for (String part : s.split(",")) {
            String p = part.trim();
            if (p.equals("biases") || p.equals("bias")) {
                bias = true;
                continue;
            }
            int colon = p.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("penalty '" + text + "': expected l2:BETA, l1:BETA or biases, got '" + p + "'");
            }
            String kind = p.substring(0, colon).trim();
            double v;
            try {
                v = Double.parseDouble(p.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("penalty '" + text + "': '" + p.substring(colon + 1) + "' is not a number");
            }
            if (!(Double.isFinite(v) && v >= 0)) {
                throw new IllegalArgumentException("penalty '" + text + "': coefficient must be finite and >= 0");
            }
            switch (kind) {
                case "l2" -> a = v;
                case "l1" -> b = v;
                default -> throw new IllegalArgumentException("penalty '" + text + "': unknown kind '" + kind + "' (expected l2 or l1)");
            }
        }
        return new Penalty(a, b, bias);
    }

    /** Text form accepted by {@link #parse}. */
    public String id() {
        if (isZero()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        if (l2 != 0) {
            sb.append("l2:").append(l2);
        }
        if (l1 != 0) {
            sb.append(sb.length() > 0 ? "," : "").append("l1:").append(l1);
        }
        if (biases) {
            sb.append(",biases");
        }
        return sb.toString();
    }

    /** P(θ) of a network. */
    public double value(Mlp net) {
        return value(net.parameters(), ParameterLayout.of(net));
    }

    /** P(θ) of flat parameters with the given layout. */
    public double value(double[] p, ParameterLayout layout) {
        if (isZero()) {
            return 0;
        }
        double s2 = 0;
        double s1 = 0;
        for (int l = 0; l < layout.layerCount(); l++) {
            int from = layout.weightOffset(l);
            int to = biases ? layout.end(l) : layout.biasOffset(l);
            for (int k = from; k < to; k++) {
                double w = p[k];
                s2 += w * w;
                s1 += Math.abs(w);
            }
        }
        return 0.5 * l2 * s2 + l1 * s1;
    }

    /** Adds ∇P(θ) = l2·w + l1·sign(w) (sign(0) = 0) to {@code grad}. */
    public void addGradient(double[] p, ParameterLayout layout, double[] grad) {
        if (isZero()) {
            return;
        }
        for (int l = 0; l < layout.layerCount(); l++) {
            int from = layout.weightOffset(l);
            int to = biases ? layout.end(l) : layout.biasOffset(l);
            for (int k = from; k < to; k++) {
                double w = p[k];
                grad[k] += l2 * w + l1 * Math.signum(w);
            }
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
