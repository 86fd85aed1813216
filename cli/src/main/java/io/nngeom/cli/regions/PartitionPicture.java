package io.nngeom.cli.regions;

import io.nngeom.data.Dataset;
import io.nngeom.regions.PartitionStyle;
import io.nngeom.run.InputException;

/** How {@code nngeom regions} draws its partition: {@code --color}, the data points and a slice's anchor points. */
final class PartitionPicture {
    private PartitionPicture() {
    }

    /**
     * The style of the picture.
     *
     * @param color {@code --color}: pattern, output or slope (null: pattern)
     * @param data the {@code --data} set, or null; its points are drawn when the picture is of the input plane
     * @param sliced whether the picture is of a {@code --slice} (then its anchors are drawn instead of the data)
     * @param threshold the decision boundary's output level
     */
    static PartitionStyle style(String color, Dataset data, boolean sliced, double threshold) {
        PartitionStyle s = PartitionStyle.plain().withThreshold(threshold);
        if (color != null) {
            PartitionStyle.Colour c = PartitionStyle.Colour.parse(color);
            if (c == null) {
                throw new InputException("--color: expected pattern, output or slope, got '" + color + "'");
            }
            s = s.withColour(c);
        }
        if (sliced) {
            return s.withAxes("s (along U)", "t (along V)").withAnchors(PartitionStyle.sliceAnchors());
        }
        if (data != null && data.inputDim() == 2) {
            double[][] xy = new double[data.size()][];
            double[] v = new double[data.size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = new double[] {data.x().get(i, 0), data.x().get(i, 1)};
                v[i] = data.isClassification() ? data.labels()[i] : data.y().get(i, 0);
            }
            s = s.withPoints(xy, v, data.isClassification());
        }
        return s;
    }
}
