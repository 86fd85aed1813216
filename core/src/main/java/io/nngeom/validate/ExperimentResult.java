package io.nngeom.validate;

import io.nngeom.plot.Figure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one experiment measured and concluded.
 *
 * @param parameters the experiment's inputs (sizes, seeds, tolerances), in display order
 * @param measured the measured values, each with its bound where it has one
 * @param criterion the pass criterion in words
 * @param verdict PASS, FAIL, or REPORT (shown, not judged)
 * @param notes free text: what was measured beyond the numbers, and why a check failed
 */
public record ExperimentResult(String name, String title, long seed, Map<String, Object> parameters,
                               List<Measurement> measured, String criterion, Verdict verdict, String notes,
                               List<Figure> figures, List<Table> tables, double seconds) {

    public ExperimentResult {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        measured = List.copyOf(measured);
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }

    public static Builder builder(Experiment e, ExperimentContext ctx) {
        return new Builder(e.name(), e.title(), ctx.seed());
    }

    /** Collects an experiment's outputs; {@link #build()} sets the verdict from the measurements unless set. */
    public static final class Builder {
        private final String name;
        private final String title;
        private final long seed;
        private final long start = System.nanoTime();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final List<Measurement> measured = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final StringBuilder notes = new StringBuilder();
        private String criterion = "";
        private Verdict verdict;

        Builder(String name, String title, long seed) {
            this.name = name;
            this.title = title;
            this.seed = seed;
        }

        public Builder param(String key, Object value) {
            parameters.put(key, value);
            return this;
        }

        public Builder measure(Measurement m) {
            measured.add(m);
            return this;
        }

        public Builder measure(String key, double value) {
            return measure(Measurement.of(key, value));
        }

        public Builder atMost(String key, double value, double bound) {
            return measure(Measurement.atMost(key, value, bound));
        }

        public Builder atLeast(String key, double value, double bound) {
            return measure(Measurement.atLeast(key, value, bound));
        }

        public Builder criterion(String text) {
            this.criterion = text;
            return this;
        }

        public Builder note(String text) {
            if (notes.length() > 0) {
                notes.append('\n');
            }
            notes.append(text);
            return this;
        }

        public Builder figure(Figure f) {
            figures.add(f);
            return this;
        }

        public Builder table(Table t) {
            tables.add(t);
            return this;
        }

        /** Forces the verdict (for example REPORT, or FAIL for a check not expressed as a bound). */
        public Builder verdict(Verdict v) {
            this.verdict = v;
            return this;
        }

        /** Verdict: as forced, else PASS iff every bounded measurement holds (FAIL if there are none). */
        public ExperimentResult build() {
            Verdict v = verdict;
            if (v == null) {
                boolean anyBound = measured.stream().anyMatch(m -> !m.comparison().isEmpty());
                v = anyBound && measured.stream().allMatch(Measurement::holds) ? Verdict.PASS : Verdict.FAIL;
            }
            return new ExperimentResult(name, title, seed, parameters, measured, criterion, v, notes.toString(),
                    figures, tables, (System.nanoTime() - start) / 1e9);
        }
    }
}
