package io.nngeom.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded fuzzing of every format nngeom reads. Each case corrupts a valid file (bit flips, byte changes,
 * truncation, insertion, deletion, duplication, extreme length fields) and reads it. The contract: either an
 * {@link InputException} of one line naming the file, or success with the values an independent reader
 * ({@link IndependentReaders}) finds in the same bytes; anything else (another exception, an Error, a result that
 * differs) is a violation. Used by {@code FormatFuzzTest} (in the build) and by {@code bench/fuzz/run.sh}.
 */
final class FormatFuzz {
    /** Outcome counts by format and kind, and the violations (empty when the contract holds). */
    record Report(Map<String, int[]> outcomes, List<String> violations) {
        static final String[] KINDS = {"refused", "read, equal to the independent reader", "read, not independently checkable"};

        int cases() {
            return outcomes.values().stream().mapToInt(a -> a[0] + a[1] + a[2]).sum();
        }
    }

    private interface Reader {
        /** Reads the file; returns true if an independent reader confirmed the result, false if it cannot tell. */
        boolean readAndCheck(Path file, byte[] bytes) throws IOException;
    }

    private FormatFuzz() {
    }

    static Report run(long seed, int casesPerSeedFile, Path dir) throws IOException {
        Map<String, int[]> outcomes = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        Map<String, byte[]> seeds = seeds();
        for (Map.Entry<String, byte[]> s : seeds.entrySet()) {
            String name = s.getKey();
            Reader reader = reader(name);
            int[] counts = outcomes.computeIfAbsent(name, k -> new int[3]);
            for (int c = 0; c < casesPerSeedFile; c++) {
                SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + name.hashCode() * 31L + c);
                byte[] bytes = Mutations.mutate(s.getValue(), rng, name.endsWith(".csv") || name.endsWith(".json"));
                Path f = dir.resolve("case-" + c + "-" + name);
                Files.write(f, bytes);
                String what = name + " case " + c + " (seed " + seed + ")";
                try {
                    counts[reader.readAndCheck(f, bytes) ? 1 : 2]++;
                } catch (InputException e) {
                    String m = e.getMessage();
                    if (m == null || m.contains("\n") || m.contains("\r") || !m.startsWith(f.toString())) {
                        violations.add(what + ": error not one line naming the file: " + m);
                    }
                    counts[0]++;
                } catch (AssertionError e) {
                    violations.add(what + ": " + e.getMessage());
                } catch (Throwable e) {
                    violations.add(what + ": " + e);
                }
                Files.delete(f);
            }
        }
        try (var left = Files.list(dir)) {
            left.forEach(p -> violations.add("a reader left a file behind: " + p.getFileName()));
        }
        return new Report(outcomes, violations);
    }

    /** Valid files of every format: data (CSV, NPY C and Fortran, NPZ stored and deflated) and models. */
    static Map<String, byte[]> seeds() {
        SplittableRandom r = new SplittableRandom(13);
        double[] v = new double[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(r.nextDouble(-10, 10) * 1000) / 1000.0;
        }
        Matrix m = new Matrix(8, 3, v);
        Map<String, byte[]> s = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder(",a,b,y\n");
        for (int i = 0; i < 8; i++) {
            csv.append(i).append(',').append(v[3 * i]).append(',').append(v[3 * i + 1]).append(',').append(v[3 * i + 2]).append('\n');
        }
        s.put("data.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        s.put("data.npy", Npy.encode(NpyArray.of(m)));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.of(m));
        arrays.put("y", NpyArray.ofVector(Arrays.copyOf(v, 8)));
        s.put("data.npz", Npz.encode(arrays));
        Mlp net = Mlp.random(new int[] {3, 4, 2}, Activation.RELU, new SplittableRandom(5));
        s.put("model.safetensors", Safetensors.encode(net));
        s.put("graph.safetensors", graphModel(r));
        s.put("model.json", Json.toString(JsonModel.toJson(net)).getBytes(StandardCharsets.UTF_8));
        return s;
    }

    /** An exporter-style file: F32 tensors, BatchNorm before a Linear, LeakyReLU, a final Sigmoid. */
    private static byte[] graphModel(SplittableRandom r) {
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        int[][] shapes = {{3}, {3}, {3}, {3}, {4, 3}, {4}, {2, 4}};
        String[] names = {"bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", "fc1.weight", "fc1.bias", "fc10.weight"};
        for (int i = 0; i < names.length; i++) {
            double[] v = new double[Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b)];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (names[i].endsWith("var") ? r.nextDouble(0.5, 2) : r.nextDouble(-1, 1));
            }
            t.put(names[i], new Safetensors.Tensor("F32", shapes[i], v));
        }
        String graph = "{\"version\": 1, \"ops\": [{\"op\": \"batchnorm\", \"weight\": \"bn.weight\", \"bias\": \"bn.bias\", "
                + "\"mean\": \"bn.running_mean\", \"var\": \"bn.running_var\", \"eps\": 1e-05}, "
                + "{\"op\": \"linear\", \"weight\": \"fc1.weight\", \"bias\": \"fc1.bias\"}, {\"op\": \"leaky_relu\", \"slope\": 0.1}, "
                + "{\"op\": \"linear\", \"weight\": \"fc10.weight\", \"bias\": null}, {\"op\": \"sigmoid\"}]}";
        return Safetensors.encode(new Safetensors.Contents(t, Map.of(TorchGraph.KEY, graph)));
    }

    private static Reader reader(String name) {
        if (name.startsWith("graph")) {
            return (f, b) -> IndependentReaders.sameOutputs(ModelIo.read(f), b);
        }
        if (name.endsWith(".csv")) {
            return (f, b) -> IndependentReaders.sameTable(Csv.read(f), IndependentReaders.csv(b));
        }
        if (name.endsWith(".npy")) {
            return (f, b) -> IndependentReaders.sameArray(Npy.read(f), IndependentReaders.npy(b));
        }
        if (name.endsWith(".npz")) {
            return (f, b) -> {
                Map<String, NpyArray> got = Npz.read(f);
                Map<String, NpyArray> want = IndependentReaders.npz(b);
                if (want == null) {
                    return false;
                }
                if (!got.keySet().equals(want.keySet())) {
                    throw new AssertionError("arrays " + got.keySet() + ", the independent reader finds " + want.keySet());
                }
                boolean all = true;
                for (String k : got.keySet()) {
                    all &= IndependentReaders.sameArray(got.get(k), want.get(k));
                }
                return all;
            };
        }
        if (name.endsWith(".safetensors")) {
            return (f, b) -> IndependentReaders.sameModel(ModelIo.read(f), IndependentReaders.safetensorsWeights(b));
        }
        return (f, b) -> IndependentReaders.sameModel(ModelIo.read(f), IndependentReaders.jsonWeights(b));
    }

    /** Text of a report, as docs/reliability.md shows it. */
    static String table(Report r) {
        StringBuilder sb = new StringBuilder("| file | cases | " + String.join(" | ", Report.KINDS) + " |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, int[]> e : new TreeMap<>(r.outcomes()).entrySet()) {
            int[] a = e.getValue();
            sb.append("| ").append(e.getKey()).append(" | ").append(a[0] + a[1] + a[2]).append(" | ").append(a[0]).append(" | ")
                    .append(a[1]).append(" | ").append(a[2]).append(" |\n");
        }
        sb.append("\nviolations: ").append(r.violations().size()).append('\n');
        r.violations().stream().limit(20).forEach(v -> sb.append("  ").append(v).append('\n'));
        return sb.toString();
    }

    /** For {@code JsonNode}-based checks in {@link IndependentReaders}. */
    static JsonNode tree(byte[] bytes) throws IOException {
        return Json.mapper().readTree(bytes);
    }
}
