package io.nngeom.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixTest {
    @Test
    void rowMajorLayoutAndCopies() {
        Matrix m = Matrix.of(new double[]{1, 2, 3}, new double[]{4, 5, 6});
        assertThat(m.data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(m.transpose().toArray()).isEqualTo(new double[][]{{1, 4}, {2, 5}, {3, 6}});
        assertThat(m.colArray(2)).containsExactly(3, 6);
        assertThat(m.rowArray(1)).containsExactly(4, 5, 6);
        assertThat(m.selectCols(new int[]{2, 0})).isEqualTo(Matrix.of(new double[]{3, 1}, new double[]{6, 4}));
        Matrix c = m.copy();
        c.set(0, 0, 9);
        assertThat(m.get(0, 0)).isEqualTo(1.0);
    }

    @Test
    void rejectsRaggedRowsAndWrongLengths() {
        assertThatThrownBy(() -> Matrix.of(new double[]{1, 2}, new double[]{3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Matrix(2, 2, new double[3])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Matrix.of(new double[]{1, Double.NaN}).allFinite()).isFalse();
    }
}
