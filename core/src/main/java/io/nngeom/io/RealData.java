package io.nngeom.io;

import io.nngeom.data.Dataset;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The small real data sets nngeom ships (standardised, with a fixed train/test split; sources and licences in
 * {@code io/nngeom/data/real/README.md}), read by name: {@code builtin:breast-cancer-train}, {@code builtin:wine-test},
 * … wherever a data file is accepted.
 */
public final class RealData {
    /** The prefix that names a shipped data set instead of a file. */
    public static final String PREFIX = "builtin:";
    /** The shipped sets; each has a {@code -train} and a {@code -test} part. */
    public static final List<String> NAMES = List.of("breast-cancer", "diabetes", "wine", "iris", "digits");
    /** The shipped sets whose target is a class label. */
    public static final List<String> CLASSIFICATION = List.of("breast-cancer", "wine", "iris", "digits");

    private RealData() {
    }

    /** Whether {@code file} names a shipped set ({@code builtin:NAME-train|test}) rather than a file. */
    public static boolean isBuiltin(Path file) {
        return file.toString().startsWith(PREFIX);
    }

    /** Reads {@code builtin:NAME-train|test}; {@code target} and {@code classes} as for a CSV file. */
    public static Dataset read(Path file, String target, boolean classes) {
        String name = file.toString().substring(PREFIX.length());
        try (Reader in = new StringReader(new String(bytes(name), StandardCharsets.UTF_8))) {
            return Csv.toDataset(Csv.parse(in, file.toString()), file.toString(), target, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV text of a shipped part ({@code NAME-train} or {@code NAME-test}). */
    static byte[] bytes(String part) {
        String set = part.endsWith("-train") ? part.substring(0, part.length() - 6)
                : part.endsWith("-test") ? part.substring(0, part.length() - 5) : "";
        if (!NAMES.contains(set)) {
            throw InputException.of(Path.of(PREFIX + part), "no such built-in data set; expected one of "
                    + String.join(", ", NAMES.stream().map(n -> PREFIX + n + "-train|test").toList()));
        }
        try (InputStream in = RealData.class.getResourceAsStream("/io/nngeom/data/real/" + part + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("resource io/nngeom/data/real/" + part + ".csv missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shipped part as a data set: classes for the classification sets, one real target otherwise. */
    public static Dataset load(String part) {
        String set = part.replaceFirst("-(train|test)$", "");
        return load(part, CLASSIFICATION.contains(set));
    }

    /** A shipped part with its target read as class labels ({@code classes}) or as one real column. */
    public static Dataset load(String part, boolean classes) {
        return read(Path.of(PREFIX + part), null, classes);
    }
}
