package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegionBoundsTest {

    @Test
    void shallowArrangementIsTheZaslavskyCount() {
        assertThat(RegionBounds.shallowArrangement(5, 2).intValue()).isEqualTo(1 + 5 + 10);
        assertThat(RegionBounds.shallowArrangement(4, 3).intValue()).isEqualTo(1 + 4 + 6 + 4);
        assertThat(RegionBounds.shallowArrangement(2, 3).intValue()).isEqualTo(4);
    }

    @Test
    void serraUpperBoundReducesToTheArrangementForOneLayerAndIsExactInOneDimension() {
        assertThat(RegionBounds.serraUpper(new int[] {2, 7})).isEqualTo(RegionBounds.shallowArrangement(7, 2));
        // n0 = 1: j_l ∈ {0,1} with j_l ≤ n_{l−1} − j_{l−1}; for widths (3,3): Σ = 1 + 3 + 3 + 3·3 = 16 = Π(n_l + 1)
        assertThat(RegionBounds.serraUpper(new int[] {1, 3, 3}).intValue()).isEqualTo(16);
        // hand count for (2; 2, 2): j1=0 → j2≤2: 1·(1+2+1)=4; j1=1 → j2≤1: 2·(1+2)=6; j1=2 → j2≤0: 1·1=1 → 11
        assertThat(RegionBounds.serraUpper(new int[] {2, 2, 2}).intValue()).isEqualTo(11);
    }

    @Test
    void serraBoundIsFastForWideInputsAndDeepNets() {
        int[] sizes = new int[11];
        sizes[0] = 784;
        Arrays.fill(sizes, 1, 11, 100);
        // 784-100×10 has ~101^10 index tuples; the memoised sum returns at once and stays within Π 2^{n_l}
        assertThat(RegionBounds.serraUpper(sizes).compareTo(BigInteger.TWO.pow(1000))).isNegative();
        assertThat(RegionBounds.serraUpper(sizes).signum()).isPositive();
        // n0 ≥ all widths and one layer: 2^{n_1}
        assertThat(RegionBounds.serraUpper(new int[] {10, 6})).isEqualTo(BigInteger.valueOf(64));
    }

    @Test
    void montufarLowerBound() {
        // n0 = 2, widths (4, 4): ⌊4/2⌋^2 · (1 + 4 + 6) = 44
        assertThat(RegionBounds.montufarLower(new int[] {2, 4, 4}).intValue()).isEqualTo(44);
        assertThat(RegionBounds.montufarLower(new int[] {3, 2, 4})).isNull();
        assertThat(RegionBounds.montufarLower(new int[] {2, 32, 32}).compareTo(RegionBounds.serraUpper(new int[] {2, 32, 32}))).isNegative();
    }
}
