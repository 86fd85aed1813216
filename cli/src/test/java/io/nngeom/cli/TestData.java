package io.nngeom.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/** Small deterministic data files for the command tests. */
final class TestData {
    private TestData() {
    }

    /** n points in [-1, 1]², target y = sin(3 x1) x2 + 0.5 x1 (regression). */
    static Path regression(Path dir, int n) {
        StringBuilder b = new StringBuilder("x1,x2,y\n");
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            double a = 2 * r.nextDouble() - 1;
            double c = 2 * r.nextDouble() - 1;
            b.append(a).append(',').append(c).append(',').append(Math.sin(3 * a) * c + 0.5 * a).append('\n');
        }
        return write(dir.resolve("reg.csv"), b.toString());
    }

    /** Exactly linear data y = 1.5 x1 − 2 x2 + 0.25 + small noise, with its design for least squares. */
    static Path linear(Path dir, int n) {
        StringBuilder b = new StringBuilder("x1,x2,y\n");
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            double a = 2 * r.nextDouble() - 1;
            double c = 2 * r.nextDouble() - 1;
            double noise = 0.1 * (r.nextDouble() - 0.5);
            b.append(a).append(',').append(c).append(',').append(1.5 * a - 2 * c + 0.25 + noise).append('\n');
        }
        return write(dir.resolve("lin.csv"), b.toString());
    }

    /** Three classes in the plane: label = [x1 + x2 > 0] + [x1 > 0.5]. */
    static Path classes(Path dir, int n) {
        StringBuilder b = new StringBuilder("x1,x2,label\n");
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            double a = 2 * r.nextDouble() - 1;
            double c = 2 * r.nextDouble() - 1;
            int label = (a + c > 0 ? 1 : 0) + (a > 0.5 ? 1 : 0);
            b.append(String.format(Locale.ROOT, "%s,%s,%d%n", a, c, label));
        }
        return write(dir.resolve("cls.csv"), b.toString());
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
