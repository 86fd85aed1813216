package io.nngeom.piecewise;

import io.nngeom.net.Mlp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network built by one of the constructions of Huang (2022) as reconstructed in the digest (C1–C7), with its
 * unit and layer counts (the §5 oracle) and construction-specific details.
 *
 * @param name construction id ("C1", "C1-minimal", "C2", "C3", "C4", "C5-lattice", "C5-pyramid", "C6-lift",
 *             "C7-deep", "C7-shallow")
 * @param net the network (an ordinary Mlp: ReLU hidden layers, identity output)
 * @param details extra counts and diagnostics, in display order
 */
public record Construction(String name, Mlp net, Map<String, Object> details) {

    public Construction {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public int hiddenLayers() {
        return net.hiddenLayerCount();
    }

    public int hiddenUnits() {
        return net.hiddenUnits();
    }
}
