package io.nngeom.minimizers;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() {
        var d = ClusteredData.generate(3, 300, 0.8, 7);
        var r = LocalMinima.analyze(d, LocalMinimaOptions.defaults(3).withDirections(50).withGd(50, 0.05));
        for (Configuration c : r.configurations()) {
            System.err.printf("%-16s cost=%.6e closed=%.6e grad=%.2e hgrad=%.2e desc=%.2f minch=%.2e after=%.6e dist=%.2e local=%s%n",
                c.label(), c.cost(), c.closedForm(), c.gradientNorm(), c.hiddenGradientNorm(), c.descentFraction(), c.minCostChange(), c.costAfterDescent(), c.descentDistance(), c.localMinimum());
        }
        var b = Minimizers.build(d, BuildOptions.defaults(3));
        System.err.println("build cost " + b.cost() + " grad " + b.gradientNorm() + " minpre " + b.minPreActivation());
        for (var l : b.layers()) System.err.println(l.layer() + " margin " + l.margin() + " lp " + l.lpMargin() + " s " + l.slope() + " condA " + l.condA() + " condW " + l.condW());
    }
}
