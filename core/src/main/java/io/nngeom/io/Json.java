package io.nngeom.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * JSON reading and writing for nngeom's result, model and fixture files (Jackson).
 *
 * <p>Doubles are written as the shortest decimal string that reads back to the same double (Jackson's
 * Schubfach writer), so every file round-trips exactly. NaN and ±Infinity, which JSON lacks, are written as the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. Output is pretty-printed (two-space indent,
 * arrays of numbers on one line) and ends with a newline; files are written atomically ({@link AtomicFiles}).
 * Reading reports malformed JSON (including a key repeated in one object, and text after the value) as one line
 * naming the file, line and column.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectWriter PRETTY;

    static {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        PRETTY = MAPPER.writer(pp);
    }

    private Json() {
    }

    /** The shared, configured mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty JSON object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Pretty-printed JSON text of {@code value} (a record, map, list, array, {@link JsonNode}, ...), ending in a newline. */
    public static String toString(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Compact one-line JSON text of {@code value}. */
    public static String toCompactString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} pretty-printed to {@code file}, atomically. */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, toString(value));
    }

    /** Reads a JSON file as a tree. */
    public static JsonNode read(Path file) {
        return parse(Files2.readAllBytes(file), file.toString());
    }

    /** Reads a JSON file into {@code type} (unknown properties are an error). */
    public static <T> T read(Path file, Class<T> type) {
        return parse(Files2.readAllBytes(file), file.toString(), type);
    }

    /** Parses JSON bytes (UTF-8); {@code source} names them in error messages. */
    public static JsonNode parse(byte[] bytes, String source) {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw InputException.of(source, "empty file, expected JSON");
        }
        try {
            JsonNode n = MAPPER.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw InputException.of(source, "empty file, expected JSON");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw malformed(source, e);
        } catch (IOException e) {
            throw InputException.of(source, "cannot read: " + Files2.reason(e));
        }
    }

    /** Parses JSON bytes into {@code type}. */
    public static <T> T parse(byte[] bytes, String source, Class<T> type) {
        if (bytes.length == 0) {
            throw InputException.of(source, "empty file, expected JSON");
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw malformed(source, e);
        } catch (IOException e) {
            throw InputException.of(source, "cannot read: " + Files2.reason(e));
        }
    }

    /** "SOURCE: malformed JSON at line L, column C: what" (one line). */
    static InputException malformed(String source, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 0 ? ""
                : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String what = e.getOriginalMessage();
        if (what == null) {
            what = e.getClass().getSimpleName();
        }
        int nl = what.indexOf('\n');
        if (nl >= 0) {
            what = what.substring(0, nl);
        }
        return InputException.of(source, "malformed JSON" + where + ": " + what.trim());
    }
}
