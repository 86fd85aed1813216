package io.nngeom.explain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.nngeom.plot.Figure;
import io.nngeom.run.RunInfo;
import java.util.List;

/**
 * The result of {@link Explain#run}: one {@link LayerReport} per layer (the input first), the planes, the optional
 * certificate, the one-line summaries and the notes. Serialisable by {@code io.nngeom.io.Json} (the figures are left
 * out of the JSON).
 *
 * @param architecture the model's layer sizes, e.g. "64-32-16-10"
 * @param samples examples of the data
 * @param classes number of classes (0 for real targets)
 * @param testSamples examples of the test data (0 without it)
 * @param accuracy accuracy on the data (argmax of the output; null for real targets)
 * @param testAccuracy accuracy on the test data (null without it or for real targets)
 * @param segments segments partitioned
 * @param layers the layers, input first
 * @param planes the planes drawn
 * @param optimality the certificate (null without β)
 * @param summary one line per layer, then one on the output
 * @param notes what was bounded or left out, and why
 * @param run version, seed, seconds
 * @param figures the figures (curves against depth, activity, planes), not in the JSON
 */
public record ExplainResult(String architecture, int samples, int classes, int testSamples, Double accuracy,
                            Double testAccuracy, int segments, List<LayerReport> layers, List<Plane> planes,
                            Optimality optimality, List<String> summary, List<String> notes, RunInfo run,
                            @JsonIgnore List<Figure> figures) {
}
