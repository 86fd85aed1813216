package io.nngeom.io;

import io.nngeom.io.Safetensors.Contents;
import io.nngeom.io.Safetensors.Tensor;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the tensors of a safetensors file to an {@link Mlp} without ever guessing the forward order from names.
 * Two kinds of file are accepted (docs/formats.md, "Import rules"):
 *
 * <ul>
 *   <li>a file with an {@code nngeom_graph} entry in its metadata (written by the Python exporter
 *       {@code nngeom.export}, which traced the module's forward pass): the listed operations are applied in
 *       order, see {@link TorchGraph};</li>
 *   <li>the state dict of a top-level {@code torch.nn.Sequential} of Linear layers and parameter-free modules
 *       (tensor names {@code <i>.weight} / {@code <i>.bias}, first Linear at index 0): two Linears at adjacent
 *       indices have nothing between them; one index apart, one module, which must be the activation named in the
 *       metadata ({@code activations} per layer, or {@code activation} for all hidden layers) or by the caller.
 *       Anything else (attribute names such as {@code fc1}, nested Sequentials, BatchNorm buffers, gaps of more
 *       than one module) is ambiguous and refused with a one-line how-to-export.</li>
 * </ul>
 */
final class TorchModel {
    /** The one-line how-to appended to every refusal of an ambiguous state dict. */
    static final String HOW_TO_EXPORT = "export the model with nngeom's Python package (pip install ./python): "
            + "nngeom.export(model, 'OUT.safetensors', example_input), or python -m nngeom.export MODEL.pt OUT.safetensors";
    private static final Pattern KEY = Pattern.compile("(\\d+)\\.(weight|bias)");

    private TorchModel() {
    }

    /** The model the tensors and metadata describe. */
    static Mlp decode(Contents c, String source, Activation hiddenIfMissing) {
        if (c.tensors().isEmpty()) {
            throw InputException.of(source, "the file holds no tensors");
        }
        Mlp mlp = c.metadata().containsKey(TorchGraph.KEY)
                ? TorchGraph.decode(c, source)
                : sequential(c, source, hiddenIfMissing);
        String arch = c.metadata().get("architecture");
        if (arch != null && !arch.equals(mlp.architecture())) {
            throw InputException.of(source, "__metadata__ architecture " + arch + " disagrees with the tensors (" + mlp.architecture() + ")");
        }
        return mlp;
    }

    private static Mlp sequential(Contents c, String source, Activation hiddenIfMissing) {
        TreeMap<Integer, Tensor[]> byIndex = new TreeMap<>();
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches() || m.group(1).length() > 6) {
                throw InputException.of(source, "tensor '" + e.getKey() + "' does not say where it comes in the forward pass "
                        + "(only a plain nn.Sequential of Linear layers is read without metadata); " + HOW_TO_EXPORT);
            }
            Tensor[] pair = byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new Tensor[2]);
            pair[m.group(2).equals("weight") ? 0 : 1] = e.getValue();
        }
        if (byIndex.firstKey() != 0) {
            throw InputException.of(source, "the first Linear is at Sequential index " + byIndex.firstKey()
                    + ", so unknown modules come before it; " + HOW_TO_EXPORT);
        }
        List<Layer> layers = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        int previous = -1;
        for (Map.Entry<Integer, Tensor[]> e : byIndex.entrySet()) {
            String w = e.getKey() + ".weight";
            Layer l = linear(e.getValue()[0], e.getValue()[1], w, e.getKey() + ".bias", source);
            if (!layers.isEmpty()) {
                Layer last = layers.get(layers.size() - 1);
                if (last.outputs() != l.inputs()) {
                    throw InputException.of(source, "tensor '" + w + "' takes " + l.inputs() + " inputs but '" + previous
                            + ".weight' gives " + last.outputs() + " outputs");
                }
                int gap = e.getKey() - previous - 1;
                if (gap > 1) {
                    throw InputException.of(source, gap + " modules come between the Linears at Sequential indices " + previous
                            + " and " + e.getKey() + " and a state dict does not say what they are; " + HOW_TO_EXPORT);
                }
                gaps.add(gap);
            }
            layers.add(l);
            previous = e.getKey();
        }
        List<Activation> acts = activations(c.metadata(), gaps, source, hiddenIfMissing);
        List<Layer> out = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            out.add(layers.get(k).withActivation(acts.get(k)));
        }
        return new Mlp(out);
    }

    /** A Linear layer (identity activation) from its weight [out, in] and optional bias [out]. */
    static Layer linear(Tensor wt, Tensor bt, String wName, String bName, String source) {
        if (wt == null) {
            throw InputException.of(source, "tensor '" + bName + "' has no matching '" + wName + "'");
        }
        int[] ws = wt.shape();
        if (ws.length != 2 || ws[0] == 0 || ws[1] == 0) {
            throw InputException.of(source, "tensor '" + wName + "' has shape " + Arrays.toString(ws)
                    + "; a Linear weight is [out, in] with positive sizes");
        }
        double[] b = new double[ws[0]];
        if (bt != null) {
            int[] bs = bt.shape();
            if (bs.length != 1 || bs[0] != ws[0]) {
                throw InputException.of(source, "tensor '" + bName + "' has shape " + Arrays.toString(bs)
                        + ", expected [" + ws[0] + "] to match '" + wName + "' " + Arrays.toString(ws));
            }
            b = bt.data();
        }
        return new Layer(new Matrix(ws[0], ws[1], wt.data()), b, Activation.IDENTITY);
    }

    private static List<Activation> activations(Map<String, String> meta, List<Integer> gaps, String source, Activation fallback) {
        int layers = gaps.size() + 1;
        List<Activation> acts = new ArrayList<>();
        String all = meta.get("activations");
        if (all != null) {
            String[] parts = all.split(",", -1);
            if (parts.length != layers) {
                throw InputException.of(source, "__metadata__ activations '" + all + "' name " + parts.length
                        + " activations for " + layers + " layers");
            }
            for (String p : parts) {
                acts.add(parse(p, source, "activations"));
            }
            String one = meta.get("activation");
            if (one != null && layers > 1 && !parse(one, source, "activation").equals(acts.get(0))) {
                throw InputException.of(source, "__metadata__ activation '" + one + "' disagrees with activations '" + all + "'");
            }
            for (int k = 0; k < gaps.size(); k++) {
                if (gaps.get(k) == 0 && !acts.get(k).equals(Activation.IDENTITY)) {
                    throw InputException.of(source, "__metadata__ activations put " + acts.get(k).id() + " after layer " + k
                            + ", but no module lies between it and the next Linear");
                }
            }
            return acts;
        }
        String one = meta.get("activation");
        Activation hidden = one != null ? parse(one, source, "activation") : fallback;
        if (hidden == null && gaps.contains(1)) {
            throw InputException.of(source, "no activation in the __metadata__ header (a plain PyTorch state dict); "
                    + "give the hidden activation explicitly, e.g. --activation relu, or " + HOW_TO_EXPORT);
        }
        for (int gap : gaps) {
            acts.add(gap == 0 ? Activation.IDENTITY : hidden);
        }
        String outName = meta.get("output_activation");
        acts.add(outName == null ? Activation.IDENTITY : parse(outName, source, "output_activation"));
        return acts;
    }

    static Activation parse(String name, String source, String field) {
        try {
            return Activation.parse(name);
        } catch (IllegalArgumentException e) {
            throw InputException.of(source, "__metadata__ " + field + ": " + e.getMessage());
        }
    }
}
