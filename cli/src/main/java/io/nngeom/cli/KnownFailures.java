package io.nngeom.cli;

import io.nngeom.run.InputException;
import io.nngeom.validate.ExperimentRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code validate --known-failures} file: experiments that fail for a documented reason (a claim that the tool
 * measured not to hold). One entry per line: the experiment's name, white space, the reason; blank lines and text
 * after '#' are ignored. Every name must be a registered experiment and every entry must give a reason.
 */
final class KnownFailures {
    private KnownFailures() {
    }

    /** Name → reason, in file order. */
    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputException.of(file, "cannot read the known-failures list (" + e.getClass().getSimpleName() + ")");
        }
        List<String> names = ExperimentRegistry.all().stream().map(e -> e.name()).toList();
        Map<String, String> known = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+", 2);
            String where = file + ": line " + (i + 1);
            if (!names.contains(parts[0])) {
                throw new InputException(where + ": no experiment is named '" + parts[0] + "'");
            }
            if (parts.length < 2) {
                throw new InputException(where + ": '" + parts[0] + "' needs a reason after its name");
            }
            known.put(parts[0], parts[1]);
        }
        return known;
    }
}
