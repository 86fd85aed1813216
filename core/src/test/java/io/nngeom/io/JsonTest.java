package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    @TempDir
    Path dir;

    record Point(String name, double x, double[] ys, int n) {
    }

    @Test
    void doublesRoundTripExactly() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            long bits = rng.nextLong();
            double d = Double.longBitsToDouble(bits);
            v[i] = Double.isFinite(d) ? d : rng.nextDouble() * Math.pow(10, rng.nextInt(-300, 300));
        }
        Path f = dir.resolve("v.json");
        Json.write(f, Map.of("v", v));
        JsonNode back = Json.read(f).get("v");
        for (int i = 0; i < v.length; i++) {
            assertThat(Double.doubleToLongBits(back.get(i).doubleValue())).as("element %d", i)
                    .isEqualTo(Double.doubleToLongBits(v[i]));
        }
    }

    @Test
    void doublesAreWrittenInTheShortestForm() {
        assertThat(Json.toCompactString(List.of(0.1, 0.002, 1e23, 1.0 / 3))).isEqualTo("[0.1,0.002,1.0E23,0.3333333333333333]");
        // JDK 17's Double.toString gives 2.82879384806159008E17 here (JDK-4511638); the shortest form is:
        assertThat(Json.toCompactString(2.82879384806159E17)).isEqualTo("2.82879384806159E17");
    }

    @Test
    void writesRecordsPrettyWithANewlineAtTheEnd() throws Exception {
        Path f = dir.resolve("sub/p.json");
        Json.write(f, new Point("a", 0.5, new double[] {1, 2}, 3));
        String text = Files.readString(f);
        assertThat(text).endsWith("}\n").contains("\n  \"name\" : \"a\"").contains("[ 1.0, 2.0 ]");
        Point p = Json.read(f, Point.class);
        assertThat(p.name()).isEqualTo("a");
        assertThat(p.ys()).containsExactly(1, 2);
    }

    @Test
    void nonFiniteDoublesBecomeStrings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", Double.NaN);
        m.put("b", Double.POSITIVE_INFINITY);
        assertThat(Json.toCompactString(m)).isEqualTo("{\"a\":\"NaN\",\"b\":\"Infinity\"}");
    }

    @Test
    void malformedJsonIsOneLineWithLineAndColumn() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.json"), "{\n  \"a\": 1,\n  \"b\": ]\n}\n");
        assertThat(InputErrors.problem(f, () -> Json.read(f))).startsWith("malformed JSON at line 3, column ");
        Path e = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertThat(InputErrors.problem(e, () -> Json.read(e))).isEqualTo("empty file, expected JSON");
        Path t = Files.writeString(dir.resolve("trailing.json"), "{} {}");
        assertThat(InputErrors.problem(t, () -> Json.read(t))).startsWith("malformed JSON");
        Path missing = dir.resolve("nope.json");
        assertThat(InputErrors.problem(missing, () -> Json.read(missing))).isEqualTo("no such file");
        assertThat(InputErrors.problem(dir, () -> Json.read(dir))).isEqualTo("is a directory, expected a file");
    }
}
