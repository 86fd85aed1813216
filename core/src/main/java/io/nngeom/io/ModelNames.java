package io.nngeom.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of a model's input coordinates and outputs in the order the network uses them, e.g. the symbols of a joint
 * law that {@code lowrank train} one-hot encodes. Stored in the model file: in nngeom JSON as the arrays
 * {@code "inputNames"} and {@code "outputNames"}, in safetensors as the {@code __metadata__} entries
 * {@code input_names} and {@code output_names} (each a JSON array of strings). Readers of the network ignore them.
 *
 * @param inputs one name per input coordinate
 * @param outputs one name per output
 */
public record ModelNames(List<String> inputs, List<String> outputs) {
    /** The safetensors metadata key of the input names. */
    public static final String INPUTS_KEY = "input_names";
    /** The safetensors metadata key of the output names. */
    public static final String OUTPUTS_KEY = "output_names";

    public ModelNames {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The names as entries of a JSON model. */
    ObjectNode addTo(ObjectNode model) {
        ArrayNode in = model.putArray("inputNames");
        inputs.forEach(in::add);
        ArrayNode out = model.putArray("outputNames");
        outputs.forEach(out::add);
        return model;
    }

    /** The names as safetensors metadata. */
    Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(INPUTS_KEY, array(inputs));
        m.put(OUTPUTS_KEY, array(outputs));
        return m;
    }

    /** The names stored in a model file (nngeom JSON or safetensors), or null when it holds none. */
    public static ModelNames read(Path file) {
        if (Files2.extension(file).equals("json")) {
            JsonNode root = Json.read(file);
            JsonNode in = root.get("inputNames");
            JsonNode out = root.get("outputNames");
            return in == null || out == null ? null : new ModelNames(strings(in, file), strings(out, file));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage());
        }
        Map<String, String> meta = Safetensors.decodeContents(bytes, file.toString()).metadata();
        String in = meta.get(INPUTS_KEY);
        String out = meta.get(OUTPUTS_KEY);
        return in == null || out == null ? null : new ModelNames(strings(parse(in, file), file), strings(parse(out, file), file));
    }

    private static String array(List<String> names) {
        ArrayNode a = Json.mapper().createArrayNode();
        names.forEach(a::add);
        return Json.toCompactString(a);
    }

    private static JsonNode parse(String text, Path file) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw InputException.of(file, "model names are not a JSON array of strings");
        }
    }

    private static List<String> strings(JsonNode a, Path file) {
        if (!a.isArray()) {
            throw InputException.of(file, "model names are not a JSON array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : a) {
            if (!n.isTextual()) {
                throw InputException.of(file, "model names are not a JSON array of strings");
            }
            out.add(n.asText());
        }
        return out;
    }
}
