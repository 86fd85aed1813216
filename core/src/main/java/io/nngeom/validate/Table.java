package io.nngeom.validate;

import java.util.List;

/** A table of text cells shown in the report (for example the local-minima table). */
public record Table(String name, String title, List<String> headers, List<List<String>> rows) {
    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException("table '" + name + "': row of " + r.size() + " cells, " + headers.size() + " headers");
            }
        }
    }
}
