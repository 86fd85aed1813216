package io.nngeom.minimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import org.junit.jupiter.api.Test;

class LocalMinimaTest {

    @Test
    void closedFormsAndCriticality() {
        Dataset d = ClusteredData.generate(2, 60, 0.8, 21);
        LocalMinimaResult r = LocalMinima.analyze(d, LocalMinimaOptions.defaults(2).withDirections(20).withGd(20, 0.05));
        // 2^Q truncation subsets + one merged pair
        assertEquals(5, r.configurations().size());
        for (Configuration c : r.configurations()) {
            if (!Double.isNaN(c.closedForm())) {
                assertEquals(c.closedForm(), c.cost(), 1e-10 * Math.max(1e-20, c.closedForm()) + 1e-20, c.label());
            }
            int s = c.classes().length;
            if (c.kind() == Configuration.Kind.TRUNCATE && s == 1) {
                // a partial truncation is not a critical point under the reconstruction
                assertTrue(c.hiddenGradientNorm() > 1e-6, c.label() + " " + c.hiddenGradientNorm());
                assertFalse(c.localMinimum());
            }
        }
        Configuration empty = r.configurations().get(0);
        assertEquals(0, empty.classes().length);
        assertEquals(r.affineLeastSquares(), empty.cost(), 1e-12 * empty.cost());
        assertTrue(empty.gradientNorm() < 1e-8);
        Configuration merged = r.configurations().get(4);
        assertEquals(Configuration.Kind.MERGE, merged.kind());
        assertEquals(0.5, merged.cost(), 1e-12);
    }
}
