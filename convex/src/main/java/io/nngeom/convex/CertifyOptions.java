package io.nngeom.convex;

/** Options of {@link Convex#certify}: the β and penalty norm of the objective the model is judged by. */
public record CertifyOptions(double beta, PenaltyNorm norm) {
    public CertifyOptions {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new io.nngeom.run.InputException("--beta: must be a positive number, got " + beta);
        }
    }
}
