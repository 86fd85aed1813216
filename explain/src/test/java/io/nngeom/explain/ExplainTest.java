package io.nngeom.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.io.Json;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.ForwardTrace;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExplainTest {

    static Dataset blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, 3);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 3; j++) {
                x.set(i, j, rng.nextGaussian() + (j == labels[i] ? 2 : 0));
            }
        }
        return Dataset.classification(x, labels, 3);
    }

    @Test
    void everyLayerIsReportedAndTheJsonLeavesOutTheFigures() {
        Mlp net = Mlp.random(new int[] {3, 10, 8, 3}, Activation.RELU, new SplittableRandom(1));
        Dataset d = blobs(90, 2);
        ExplainResult r = Explain.run(ExplainOptions.of(net, d).withSegments(20).withPlanes(1).withTest(blobs(30, 3)));
        assertEquals(3, r.layers().size());
        assertNull(r.layers().get(0).activity());
        assertEquals(10, r.layers().get(1).activity().rates().length);
        assertEquals(1, r.planes().size());
        assertEquals(4, r.summary().size());
        assertNotNull(r.layers().get(2).featureGeometry().output());
        assertNotNull(r.layers().get(1).collapseTest());
        String json = Json.toString(r);
        assertFalse(json.contains("figures"));
        assertTrue(json.contains("\"hScore\""));
        assertFalse(r.figures().isEmpty());
    }

    /** Patterns against an independent count: the distinct strings of ForwardTrace.pattern over layers 1..ℓ. */
    @Test
    void patternCountsMatchTheTracesPatterns() {
        Mlp net = Mlp.random(new int[] {3, 6, 5, 2}, Activation.RELU, new SplittableRandom(4));
        Dataset d = blobs(200, 5);
        ForwardTrace tr = net.trace(d.x());
        int[] got = Explain.patternCounts(tr);
        for (int l = 1; l <= 2; l++) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < d.size(); i++) {
                StringBuilder k = new StringBuilder();
                for (int q = 0; q < l; q++) {
                    k.append(Arrays.toString(tr.pattern(q, i)));
                }
                keys.add(k.toString());
            }
            assertEquals(keys.size(), got[l], "layer " + l);
        }
    }

    @Test
    void sameSeedSameNumbers() {
        Mlp net = Mlp.random(new int[] {3, 10, 8, 3}, Activation.RELU, new SplittableRandom(1));
        ExplainOptions o = ExplainOptions.of(net, blobs(60, 2)).withSegments(15).withPlanes(1);
        ExplainResult a = Explain.run(o);
        ExplainResult b = Explain.run(o);
        assertEquals(Json.toString(a.layers()), Json.toString(b.layers()));
        assertEquals(Json.toString(a.planes()), Json.toString(b.planes()));
    }

    @Test
    void realTargetsGetTheSquaredLossAnalogueAndNoCollapse() {
        Mlp net = Mlp.random(new int[] {3, 10, 1}, Activation.RELU, new SplittableRandom(6));
        Dataset c = blobs(50, 7);
        Matrix y = Matrix.zeros(50, 1);
        for (int i = 0; i < 50; i++) {
            y.set(i, 0, c.x().get(i, 0) - c.x().get(i, 1));
        }
        ExplainResult r = Explain.run(ExplainOptions.of(net, Dataset.regression(c.x(), y)).withSegments(5).withPlanes(0));
        FeatureGeometry input = r.layers().get(0).featureGeometry();
        assertEquals("mmse", input.kind());
        assertEquals(input.hScoreMax(), input.hScore(), 1e-10 * input.hScoreMax()); // y is linear in the input
        assertNull(r.layers().get(1).collapse());
        assertNull(r.accuracy());
    }

    @Test
    void aModelWithoutHiddenLayersIsRefused() {
        Mlp net = Mlp.random(new int[] {3, 3}, Activation.RELU, new SplittableRandom(1));
        assertThrows(InputException.class, () -> Explain.run(ExplainOptions.of(net, blobs(10, 1))));
    }
}
