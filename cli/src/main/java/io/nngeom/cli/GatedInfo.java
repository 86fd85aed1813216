package io.nngeom.cli;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code nngeom info} says about a gated-ReLU model (format nngeom-gated): its sizes, gates, active neurons and
 * standardisation; on data, the gates that are never on and always on (gate value ≥ 0 counts as on).
 */
final class GatedInfo {
    private GatedInfo() {
    }

    static void describe(GatedNetwork g, Path model, Path data, Dataset d, PrintWriter o, CommandResult result) {
        o.println("model       " + model);
        o.println("arch        " + g.architecture() + " (gated ReLU: f_k(x) = sum_i 1[g_i.x~ >= 0] u_ki.x~, x~ = "
                + (g.mean() == null ? "x" : "(x - mean)/scale") + (g.bias() ? " with a ones column" : "") + ")");
        o.println("gates       " + g.width() + " (fixed), active neurons " + g.activeNeurons());
        o.println("parameters  " + g.parameterCount() + " weights (c x m x q = " + g.outputDim() + " x " + g.width() + " x "
                + g.gates().cols() + ")");
        o.println("bias        " + g.bias() + ", standardised inputs " + (g.mean() != null));
        int[] never = null;
        int[] always = null;
        if (d != null) {
            boolean[][] on = g.pattern(d.x());
            List<Integer> nv = new ArrayList<>();
            List<Integer> al = new ArrayList<>();
            for (int i = 0; i < g.width(); i++) {
                boolean any = false;
                boolean all = true;
                for (boolean[] row : on) {
                    any |= row[i];
                    all &= row[i];
                }
                if (!any) {
                    nv.add(i);
                }
                if (all && on.length > 0) {
                    al.add(i);
                }
            }
            never = nv.stream().mapToInt(Integer::intValue).toArray();
            always = al.stream().mapToInt(Integer::intValue).toArray();
            o.println("data        " + data + ": " + d.size() + " examples; gates never on " + never.length + ", always on " + always.length);
        }
        o.flush();
        Matrix gates = g.gates();
        result.put("model", model.toString())
                .put("architecture", g.architecture())
                .put("kind", "gated")
                .put("inputs", g.inputDim())
                .put("outputs", g.outputDim())
                .put("gates", gates.rows())
                .put("activeNeurons", g.activeNeurons())
                .put("parameters", g.parameterCount())
                .put("bias", g.bias())
                .put("standardized", g.mean() != null)
                .put("data", data == null ? null : data.toString())
                .put("samples", d == null ? null : d.size())
                .put("gatesNeverOn", never)
                .put("gatesAlwaysOn", always);
        result.finish();
    }
}
