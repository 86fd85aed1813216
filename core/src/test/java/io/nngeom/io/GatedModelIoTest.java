package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import io.nngeom.run.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatedModelIoTest {
    @TempDir
    Path dir;

    static GatedNetwork random(boolean bias, boolean standardize, int c) {
        SplittableRandom rng = new SplittableRandom(3);
        int d = 4;
        int m = 6;
        int q = bias ? d + 1 : d;
        Matrix g = Matrix.zeros(m, q);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < q; j++) {
                g.set(i, j, rng.nextGaussian());
            }
        }
        double[] w = new double[c * m * q];
        for (int k = 0; k < w.length; k++) {
            w[k] = k % 5 == 0 ? 0 : rng.nextGaussian() / 3;
        }
        w[1] = 1e-310;
        double[] mean = standardize ? new double[] {0.5, -1, 2, 0} : null;
        double[] scale = standardize ? new double[] {1, 2, 0.25, 3} : null;
        return new GatedNetwork(g, w, c, bias, mean, scale);
    }

    @Test
    void jsonAndSafetensorsGiveBackTheSameModelBitForBit() {
        for (boolean bias : new boolean[] {true, false}) {
            for (boolean st : new boolean[] {true, false}) {
                GatedNetwork g = random(bias, st, 3);
                for (String ext : new String[] {"json", "safetensors"}) {
                    Path f = dir.resolve("g" + bias + st + "." + ext);
                    GatedModelIo.write(g, f);
                    assertThat(GatedModelIo.isGated(f)).isTrue();
                    assertThat(GatedModelIo.read(f)).isEqualTo(g);
                }
            }
        }
    }

    @Test
    void predictionsFollowTheFormula() {
        GatedNetwork g = random(true, true, 2);
        Matrix x = Matrix.of(new double[] {0.3, -1, 2, 5}, new double[] {-2, 0.5, 1, -1});
        Matrix f = g.apply(x);
        double[] w = g.weights();
        Matrix gates = g.gates();
        for (int r = 0; r < 2; r++) {
            double[] xt = new double[5];
            for (int j = 0; j < 4; j++) {
                xt[j] = (x.get(r, j) - g.mean()[j]) / g.scale()[j];
            }
            xt[4] = 1;
            for (int k = 0; k < 2; k++) {
                double s = 0;
                for (int i = 0; i < 6; i++) {
                    double gate = 0;
                    double lin = 0;
                    for (int j = 0; j < 5; j++) {
                        gate += gates.get(i, j) * xt[j];
                        lin += w[(k * 6 + i) * 5 + j] * xt[j];
                    }
                    s += gate >= 0 ? lin : 0;
                }
                assertThat(f.get(r, k)).isCloseTo(s, Offset.offset(1e-12 * (1 + Math.abs(s))));
            }
        }
    }

    @Test
    void anMlpFileIsNotGatedAndAGatedFileIsNotAnMlp() {
        Path mlp = dir.resolve("m.json");
        ModelIo.write(ModelIoTest.awkward(), mlp);
        assertThat(GatedModelIo.isGated(mlp)).isFalse();
        assertThatThrownBy(() -> GatedModelIo.read(mlp)).isInstanceOf(InputException.class).hasMessageContaining("nngeom-gated");
        Path g = dir.resolve("g.safetensors");
        GatedModelIo.write(random(true, false, 1), g);
        assertThatThrownBy(() -> ModelIo.read(g)).isInstanceOf(InputException.class).hasMessageContaining("gated-ReLU model");
    }

    @Test
    void badFilesAreRefusedInOneLine() throws Exception {
        GatedNetwork g = random(true, false, 2);
        Safetensors.Contents c = GatedModelIo.toContents(g);
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>(c.tensors());
        t.put("weights", new Safetensors.Tensor("F64", new int[] {2, 5, 5}, new double[50]));
        assertThatThrownBy(() -> GatedModelIo.fromContents(new Safetensors.Contents(t, c.metadata()), "x.safetensors"))
                .isInstanceOf(InputException.class).hasMessageContaining("weights have shape");
        Map<String, Safetensors.Tensor> t2 = new LinkedHashMap<>(c.tensors());
        t2.put("extra", new Safetensors.Tensor("F64", new int[] {1}, new double[1]));
        assertThatThrownBy(() -> GatedModelIo.fromContents(new Safetensors.Contents(t2, c.metadata()), "x.safetensors"))
                .isInstanceOf(InputException.class).hasMessageContaining("unexpected tensor 'extra'");
        Path f = dir.resolve("bad.json");
        Files.writeString(f, GatedModelIo.toJson(g).toString().replace("\"bias\":true", "\"bias\":1"));
        assertThatThrownBy(() -> GatedModelIo.read(f)).isInstanceOf(InputException.class).hasMessageContaining("\"bias\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
