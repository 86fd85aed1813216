package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.io.Safetensors.Contents;
import io.nngeom.io.Safetensors.Tensor;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Model import never guesses the forward order: state dicts of issue 13, the exporter's graph, BatchNorm, F16/BF16. */
class TorchImportTest {
    private static final SplittableRandom RNG = new SplittableRandom(13);

    private static Tensor t(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = RNG.nextDouble(-1, 1);
        }
        return new Tensor("F64", shape, d);
    }

    private static Mlp read(Map<String, Tensor> tensors, Map<String, String> meta, Activation hidden) {
        return Safetensors.decode(Safetensors.encode(new Contents(tensors, meta)), "m.safetensors", hidden);
    }

    private static String problem(Map<String, Tensor> tensors, Map<String, String> meta) {
        return InputErrors.problem("m.safetensors", () -> read(tensors, meta, Activation.RELU));
    }

    private static double[] affine(Tensor w, Tensor b, double[] x) {
        int out = w.shape()[0];
        double[] y = new double[out];
        for (int i = 0; i < out; i++) {
            y[i] = b == null ? 0 : b.data()[i];
            for (int j = 0; j < x.length; j++) {
                y[i] += w.data()[i * x.length + j] * x[j];
            }
        }
        return y;
    }

    private static double[] relu(double[] x) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(0, y[i]);
        }
        return y;
    }

    @Test
    void attributeNamesNestedSequentialsAndBatchNormBuffersAreRefusedWithTheHowTo() {
        String[][] cases = {{"fc1.weight", "fc2.weight", "fc10.weight"}, {"hidden.weight", "out.weight"},
            {"0.0.weight", "0.2.weight", "1.weight"}, {"net.0.weight", "net.2.weight"}};
        for (String[] names : cases) {
            Map<String, Tensor> ts = new LinkedHashMap<>();
            for (String n : names) {
                ts.put(n, t(3, 3));
            }
            assertThat(problem(ts, Map.of())).as(names[0]).startsWith("tensor '" + names[0] + "' does not say where it comes")
                    .endsWith(TorchModel.HOW_TO_EXPORT);
        }
        Map<String, Tensor> bn = new LinkedHashMap<>();
        bn.put("0.weight", t(3, 2));
        bn.put("1.running_mean", t(3));
        assertThat(problem(bn, Map.of())).startsWith("tensor '1.running_mean' does not say").endsWith(TorchModel.HOW_TO_EXPORT);
        Map<String, Tensor> gap = new LinkedHashMap<>();
        gap.put("0.weight", t(3, 2));
        gap.put("3.weight", t(1, 3));
        assertThat(problem(gap, Map.of())).isEqualTo("2 modules come between the Linears at Sequential indices 0 and 3 and a "
                + "state dict does not say what they are; " + TorchModel.HOW_TO_EXPORT);
        Map<String, Tensor> late = Map.of("1.weight", t(3, 2));
        assertThat(problem(late, Map.of())).startsWith("the first Linear is at Sequential index 1");
    }

    @Test
    void adjacentLinearsHaveNoActivationBetweenThem() {
        // Sequential(Linear(2,4), ReLU, Linear(4,3), Linear(3,1)): keys 0, 2, 3 — no ReLU between the last two.
        Map<String, Tensor> ts = new LinkedHashMap<>();
        ts.put("0.weight", t(4, 2));
        ts.put("0.bias", t(4));
        ts.put("2.weight", t(3, 4));
        ts.put("2.bias", t(3));
        ts.put("3.weight", t(1, 3));
        ts.put("3.bias", t(1));
        Mlp m = read(ts, Map.of("activation", "relu"), null);
        for (int k = 0; k < 20; k++) {
            double[] x = {RNG.nextDouble(-3, 3), RNG.nextDouble(-3, 3)};
            double[] h = relu(affine(ts.get("0.weight"), ts.get("0.bias"), x));
            double[] y = affine(ts.get("3.weight"), ts.get("3.bias"), affine(ts.get("2.weight"), ts.get("2.bias"), h));
            assertThat(m.apply(x)[0]).isCloseTo(y[0], Offset.offset(1e-14));
        }
        assertThat(m.layer(1).activation()).isEqualTo(Activation.IDENTITY);
        assertThat(problem(ts, Map.of("activations", "relu,relu,identity")))
                .isEqualTo("__metadata__ activations put relu after layer 1, but no module lies between it and the next Linear");
    }

    @Test
    void theExportersGraphFoldsBatchNormExactlyOnBothSides() {
        // BatchNorm1d(2), Linear(2,4), BatchNorm1d(4), LeakyReLU(0.2), Dropout, Linear(4,3) (no bias), ReLU, Linear(3,2)
        Map<String, Tensor> ts = new LinkedHashMap<>();
        String[] bn0 = {"bn0.weight", "bn0.bias", "bn0.running_mean", "bn0.running_var"};
        String[] bn1 = {"bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var"};
        for (String n : bn0) {
            ts.put(n, t(2));
        }
        ts.put("a.weight", t(4, 2));
        ts.put("a.bias", t(4));
        for (String n : bn1) {
            ts.put(n, t(4));
        }
        ts.put("b.weight", t(3, 4));
        ts.put("c.weight", t(2, 3));
        ts.put("c.bias", t(2));
        for (String v : new String[] {"bn0.running_var", "bn1.running_var"}) {
            double[] d = ts.get(v).data();
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.abs(d[i]) + 0.1;
            }
        }
        String graph = "{\"version\": 1, \"ops\": [" + bnOp("bn0") + ", {\"op\": \"linear\", \"weight\": \"a.weight\", \"bias\": \"a.bias\"}, "
                + bnOp("bn1") + ", {\"op\": \"leaky_relu\", \"slope\": 0.2}, {\"op\": \"dropout\"}, "
                + "{\"op\": \"linear\", \"weight\": \"b.weight\", \"bias\": null}, {\"op\": \"relu\"}, {\"op\": \"flatten\"}, "
                + "{\"op\": \"linear\", \"weight\": \"c.weight\", \"bias\": \"c.bias\"}]}";
        Mlp m = read(ts, Map.of(TorchGraph.KEY, graph), null);
        assertThat(m.architecture()).isEqualTo("2-4-3-2");
        for (int k = 0; k < 20; k++) {
            double[] x = {RNG.nextDouble(-3, 3), RNG.nextDouble(-3, 3)};
            double[] h = bn(ts, "bn0", x);
            h = bn(ts, "bn1", affine(ts.get("a.weight"), ts.get("a.bias"), h));
            for (int i = 0; i < h.length; i++) {
                h[i] = h[i] > 0 ? h[i] : 0.2 * h[i];
            }
            h = relu(affine(ts.get("b.weight"), null, h));
            double[] y = affine(ts.get("c.weight"), ts.get("c.bias"), h);
            double[] got = m.apply(x);
            for (int i = 0; i < 2; i++) {
                assertThat(got[i]).isCloseTo(y[i], Offset.offset(1e-13));
            }
        }
        ts.put("extra", t(1));
        assertThat(problem(ts, Map.of(TorchGraph.KEY, graph))).isEqualTo("tensor 'extra' is not used by the nngeom_graph metadata");
        ts.remove("extra");
        assertThat(problem(ts, Map.of(TorchGraph.KEY, graph.replace("\"relu\"", "\"conv2d\""))))
                .startsWith("nngeom_graph op 6: operation 'conv2d' is not supported");
    }

    private static String bnOp(String p) {
        return "{\"op\": \"batchnorm\", \"weight\": \"" + p + ".weight\", \"bias\": \"" + p + ".bias\", \"mean\": \"" + p
                + ".running_mean\", \"var\": \"" + p + ".running_var\", \"eps\": 1e-05}";
    }

    private static double[] bn(Map<String, Tensor> ts, String p, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - ts.get(p + ".running_mean").data()[i]) / Math.sqrt(ts.get(p + ".running_var").data()[i] + 1e-05)
                    * ts.get(p + ".weight").data()[i] + ts.get(p + ".bias").data()[i];
        }
        return y;
    }

    @Test
    void halfAndBfloat16AreWidenedExactly() {
        // F16 1.0, -2.0, 65504 (largest), 2^-24 (smallest subnormal); BF16 1.0, -0.5, 3.0 (0x4040)
        short[] f16 = {0x3c00, (short) 0xc000, 0x7bff, 0x0001};
        short[] bf16 = {0x3f80, (short) 0xbf00, 0x4040, 0x0000};
        String header = "{\"__metadata__\": {\"activation\": \"relu\"}, "
                + "\"0.weight\": {\"dtype\": \"F16\", \"shape\": [2, 2], \"data_offsets\": [0, 8]}, "
                + "\"0.bias\": {\"dtype\": \"BF16\", \"shape\": [2], \"data_offsets\": [8, 12]}, "
                + "\"1.weight\": {\"dtype\": \"BF16\", \"shape\": [1, 2], \"data_offsets\": [12, 16]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        for (short s : f16) {
            b.putShort(s);
        }
        for (short s : bf16) {
            b.putShort(s);
        }
        Mlp m = Safetensors.decode(b.array(), "m.safetensors", null);
        assertThat(m.layer(0).weight().data()).containsExactly(1.0, -2.0, 65504.0, 0x1p-24);
        assertThat(m.layer(0).bias()).containsExactly(1.0, -0.5);
        assertThat(m.layer(1).weight().data()).containsExactly(3.0, 0.0);
        assertThat(m.layer(0).activation()).isEqualTo(Activation.IDENTITY);
    }
}
