package io.nngeom.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProseTest {
    @Test
    void camelCaseNamesReadAsWords() {
        assertThat(Prose.name("shallowFormulaMismatches")).isEqualTo("shallow formula mismatches");
        assertThat(Prose.name("maxRelativeError")).isEqualTo("max relative error");
        assertThat(Prose.name("enumeratorDisagreements")).isEqualTo("enumerator disagreements");
        // abbreviations stay in capitals, names are capitalised, digits are words of their own
        assertThat(Prose.name("constructedMseGap")).isEqualTo("constructed MSE gap");
        assertThat(Prose.name("gaussianFullRankFrequency")).isEqualTo("Gaussian full rank frequency");
        assertThat(Prose.name("lpCount")).isEqualTo("LP count");
        assertThat(Prose.name("casesAbove4")).isEqualTo("cases above 4");
    }

    @Test
    void awkwardNamesHaveTheirOwnReading() {
        assertThat(Prose.name("casesOutside4Sigma")).isEqualTo("cases outside 4σ");
        assertThat(Prose.name("regionsMinusSerraUpper")).isEqualTo("regions − Serra et al. upper bound");
    }

    @Test
    void proseAndPlainWordsPassUnchanged() {
        for (String s : new String[] {"max |σ_i(SVD) − √λ_i|", "cases", "Q=3 L=3: rank J", "ridge: ‖∇J‖₂ at L-BFGS result",
            "MSE k=1: |gap|/tr Cov", "n", "x1", ""}) {
            assertThat(Prose.name(s)).isEqualTo(s);
        }
        assertThat(Prose.name(null)).isEmpty();
    }
}
