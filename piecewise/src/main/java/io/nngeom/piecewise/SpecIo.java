package io.nngeom.piecewise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nngeom.linalg.Matrix;
import io.nngeom.regions.Box;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the JSON forms of {@link PwlSpec} (documented in docs/theory/piecewise.md):
 * <pre>
 * {"type": "pwl1d", "breakpoints": [t1..tk], "slopes": [s0..sk], "value": f(t1)}
 * {"type": "triangulation", "vertices": [[x,y],...], "triangles": [[i,j,k],...], "values": [v0,...]}
 * {"type": "maxmin", "pieces": [[a1..an, c],...], "terms": [[j,...],...], "domain": [lo1, hi1, lo2, hi2, ...]}
 * {"type": "points", "x": [[...],...], "y": [[...],...]}
 * </pre>
 * Every malformed file gives an {@link InputException} naming the file and the problem.
 */
public final class SpecIo {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpecIo() {
    }

    public static PwlSpec read(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a directory, expected a JSON spec file");
        }
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such file");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read JSON spec: " + oneLine(e.getMessage()));
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    public static PwlSpec parse(String json) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + oneLine(e.getMessage()));
        }
    }

    static PwlSpec parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the spec must be a JSON object");
        }
        String type = root.path("type").asText("");
        switch (type) {
            case "pwl1d": {
                double[] t = vector(root, "breakpoints");
                double[] s = vector(root, "slopes");
                return new Pwl1d(t, s, number(root, "value"));
            }
            case "triangulation": {
                double[][] v = matrix(root, "vertices");
                double[][] tr = matrix(root, "triangles");
                int[][] ti = new int[tr.length][];
                for (int i = 0; i < tr.length; i++) {
                    ti[i] = new int[tr[i].length];
                    for (int j = 0; j < tr[i].length; j++) {
                        if (tr[i][j] != Math.rint(tr[i][j])) {
                            throw new IllegalArgumentException("'triangles' must hold vertex indices, got " + tr[i][j]);
                        }
                        ti[i][j] = (int) tr[i][j];
                    }
                }
                return new Triangulation(v, ti, vector(root, "values"));
            }
            case "maxmin": {
                double[][] p = matrix(root, "pieces");
                double[][] tm = matrix(root, "terms");
                List<int[]> terms = new ArrayList<>();
                for (double[] r : tm) {
                    int[] s = new int[r.length];
                    for (int j = 0; j < r.length; j++) {
                        if (r[j] != Math.rint(r[j])) {
                            throw new IllegalArgumentException("'terms' must hold piece indices, got " + r[j]);
                        }
                        s[j] = (int) r[j];
                    }
                    terms.add(s);
                }
                Box dom = null;
                if (root.has("domain")) {
                    double[] d = vector(root, "domain");
                    if (d.length % 2 != 0 || d.length == 0) {
                        throw new IllegalArgumentException("'domain' must be lo1,hi1,lo2,hi2,...");
                    }
                    double[] lo = new double[d.length / 2];
                    double[] hi = new double[d.length / 2];
                    for (int j = 0; j < lo.length; j++) {
                        lo[j] = d[2 * j];
                        hi[j] = d[2 * j + 1];
                    }
                    dom = new Box(lo, hi);
                }
                return new MaxMin(p, terms, dom);
            }
            case "points": {
                double[][] x = matrix(root, "x");
                double[][] y = matrix(root, "y");
                Map<List<Double>, Integer> seen = new HashMap<>();
                for (int i = 0; i < x.length; i++) {
                    Integer first = seen.putIfAbsent(Arrays.stream(x[i]).map(v -> v + 0.0).boxed().toList(), i);
                    if (first != null) {
                        throw new IllegalArgumentException("x[" + i + "] repeats x[" + first + "]; the points must be distinct");
                    }
                }
                return new PointSet(Matrix.of(x), Matrix.of(y));
            }
            default:
                throw new IllegalArgumentException("unknown or missing \"type\" '" + type
                        + "' (expected pwl1d, triangulation, maxmin, points)");
        }
    }

    private static double number(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a number");
        }
        return n.asDouble();
    }

    private static double[] vector(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' must be an array of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isNumber()) {
                throw new IllegalArgumentException("field '" + field + "' entry " + i + " is not a number");
            }
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    private static double[][] matrix(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray() || n.size() == 0) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty array of arrays");
        }
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode r = n.get(i);
            if (!r.isArray()) {
                throw new IllegalArgumentException("field '" + field + "' row " + i + " is not an array");
            }
            m[i] = new double[r.size()];
            for (int j = 0; j < m[i].length; j++) {
                if (!r.get(j).isNumber()) {
                    throw new IllegalArgumentException("field '" + field + "' row " + i + " entry " + j + " is not a number");
                }
                m[i][j] = r.get(j).asDouble();
            }
        }
        return m;
    }

    /** The JSON form of a spec. */
    public static String toJson(PwlSpec spec) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", spec.type());
        if (spec instanceof Pwl1d p) {
            arr(o.putArray("breakpoints"), p.breakpoints());
            arr(o.putArray("slopes"), p.slopes());
            o.put("value", p.value());
        } else if (spec instanceof Triangulation t) {
            ArrayNode v = o.putArray("vertices");
            for (int i = 0; i < t.vertexCount(); i++) {
                arr(v.addArray(), t.vertex(i));
            }
            ArrayNode tr = o.putArray("triangles");
            for (int i = 0; i < t.triangleCount(); i++) {
                ArrayNode r = tr.addArray();
                for (int j : t.triangle(i)) {
                    r.add(j);
                }
            }
            ArrayNode val = o.putArray("values");
            for (int i = 0; i < t.vertexCount(); i++) {
                val.add(t.vertexValue(i));
            }
        } else if (spec instanceof MaxMin m) {
            ArrayNode p = o.putArray("pieces");
            for (double[] r : m.pieces()) {
                arr(p.addArray(), r);
            }
            ArrayNode tm = o.putArray("terms");
            for (int[] s : m.terms()) {
                ArrayNode r = tm.addArray();
                for (int j : s) {
                    r.add(j);
                }
            }
            if (m.domain() != null) {
                ArrayNode d = o.putArray("domain");
                for (int j = 0; j < m.domain().dim(); j++) {
                    d.add(m.domain().lo(j));
                    d.add(m.domain().hi(j));
                }
            }
        } else if (spec instanceof PointSet ps) {
            ArrayNode x = o.putArray("x");
            for (int r = 0; r < ps.x().rows(); r++) {
                arr(x.addArray(), ps.x().rowArray(r));
            }
            ArrayNode y = o.putArray("y");
            for (int r = 0; r < ps.y().rows(); r++) {
                arr(y.addArray(), ps.y().rowArray(r));
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void arr(ArrayNode a, double[] v) {
        for (double d : v) {
            a.add(d);
        }
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
