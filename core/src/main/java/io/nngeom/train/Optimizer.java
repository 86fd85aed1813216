package io.nngeom.train;

import java.util.Locale;

/** The training algorithms of {@link Trainer}. */
public enum Optimizer {
    /** Full-batch gradient descent θ ← θ − η∇J(θ). */
    GD,
    /** Mini-batch SGD with (PyTorch-style) momentum. */
    SGD,
    /** Adam (Kingma &amp; Ba 2015) with PyTorch's update formula. */
    ADAM,
    /** Full-batch L-BFGS with strong-Wolfe line search ({@link Lbfgs}). */
    LBFGS;

    /** Lower-case name used by the CLI: gd, sgd, adam, lbfgs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses gd, sgd, adam, lbfgs (also l-bfgs). */
    public static Optimizer parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (t) {
            case "gd" -> GD;
            case "sgd" -> SGD;
            case "adam" -> ADAM;
            case "lbfgs" -> LBFGS;
            default -> throw new IllegalArgumentException("unknown optimizer '" + s + "' (expected gd, sgd, adam, lbfgs)");
        };
    }
}
