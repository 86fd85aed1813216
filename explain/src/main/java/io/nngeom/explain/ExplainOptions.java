package io.nngeom.explain;

import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;

/**
 * Options of {@link Explain#run}.
 *
 * @param model the trained network
 * @param data the data it is explained on (class labels for classifiers, real targets otherwise)
 * @param test optional held-out data (null for none): H-score, collapse and accuracy are also measured on it
 * @param beta the convex penalty β of the optimality certificate, or NaN for none
 * @param segments random pairs of data points whose segments are partitioned exactly (0 for none)
 * @param planes planes through three data points whose partition is drawn (0 to 3)
 * @param seed root seed of every random choice (the pairs and the points of the planes)
 */
public record ExplainOptions(Mlp model, Dataset data, Dataset test, double beta, int segments, int planes, long seed) {
    /** Default number of segments. */
    public static final int DEFAULT_SEGMENTS = 100;
    /** Default number of planes. */
    public static final int DEFAULT_PLANES = 3;
    /** Most segments. */
    public static final int MAX_SEGMENTS = 100_000;

    public ExplainOptions {
        if (model == null || data == null) {
            throw new IllegalArgumentException("model and data are required");
        }
        check(segments, planes, beta);
    }

    /** Checks the counts and β as the constructor does (the command line calls it before reading any file). */
    public static void check(int segments, int planes, double beta) {
        if (segments < 0 || segments > MAX_SEGMENTS) {
            throw new InputException("--segments: must be in 0.." + MAX_SEGMENTS + ", got " + segments);
        }
        if (planes < 0 || planes > 3) {
            throw new InputException("--planes: must be 0, 1, 2 or 3, got " + planes);
        }
        if (!Double.isNaN(beta) && !(beta > 0 && Double.isFinite(beta))) {
            throw new InputException("--beta: must be a positive number, got " + beta);
        }
    }

    /** The defaults for a model and its data: no test data, no β, default segments and planes, default seed. */
    public static ExplainOptions of(Mlp model, Dataset data) {
        return new ExplainOptions(model, data, null, Double.NaN, DEFAULT_SEGMENTS, DEFAULT_PLANES, Seeds.DEFAULT);
    }

    public ExplainOptions withTest(Dataset t) {
        return new ExplainOptions(model, data, t, beta, segments, planes, seed);
    }

    public ExplainOptions withBeta(double b) {
        return new ExplainOptions(model, data, test, b, segments, planes, seed);
    }

    public ExplainOptions withSegments(int s) {
        return new ExplainOptions(model, data, test, beta, s, planes, seed);
    }

    public ExplainOptions withPlanes(int p) {
        return new ExplainOptions(model, data, test, beta, segments, p, seed);
    }

    public ExplainOptions withSeed(long s) {
        return new ExplainOptions(model, data, test, beta, segments, planes, s);
    }
}
