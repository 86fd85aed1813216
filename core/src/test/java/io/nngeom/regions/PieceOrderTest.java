package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** {@link PieceOrder}: a permutation in which consecutive squares of a 2^k grid are neighbours (Hilbert curve). */
class PieceOrderTest {

    @Test
    void consecutiveSquaresOfADyadicGridShareAnEdge() {
        int k = 16;
        List<double[]> squares = new ArrayList<>();
        // listed row by row from the top, far from the curve's order
        for (int row = k - 1; row >= 0; row--) {
            for (int col = 0; col < k; col++) {
                double x0 = -1 + 2.0 * col / k;
                double y0 = -1 + 2.0 * row / k;
                double s = 2.0 / k;
                squares.add(new double[] {x0, y0, x0 + s, y0, x0 + s, y0 + s, x0, y0 + s});
            }
        }
        int[] order = PieceOrder.hilbert(squares);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int t = 0; t < sorted.length; t++) {
            assertThat(sorted[t]).isEqualTo(t);
        }
        for (int t = 1; t < order.length; t++) {
            double[] a = squares.get(order[t - 1]);
            double[] b = squares.get(order[t]);
            double dist = Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);
            assertThat(dist).as("step %d", t).isCloseTo(2.0 / k, Offset.offset(1e-12));
        }
    }

    @Test
    void indexIsTheClassicalCurveOnTheFirstCells() {
        // the curve starts at (0, 0) and its first four cells form the U of the order-1 curve
        assertThat(PieceOrder.index(0, 0)).isZero();
        long[] first = {PieceOrder.index(0, 0), PieceOrder.index(0, 1), PieceOrder.index(1, 1), PieceOrder.index(1, 0)};
        long[] other = {PieceOrder.index(0, 0), PieceOrder.index(1, 0), PieceOrder.index(1, 1), PieceOrder.index(0, 1)};
        boolean increasing = (first[1] == 1 && first[2] == 2 && first[3] == 3) || (other[1] == 1 && other[2] == 2 && other[3] == 3);
        assertThat(increasing).isTrue();
    }
}
