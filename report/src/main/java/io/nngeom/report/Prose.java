package io.nngeom.report;

import java.util.Locale;

import java.util.Map;
import java.util.Set;

/**
 * Measurement and parameter names as a reader wants them: {@code shallowFormulaMismatches} becomes "shallow formula
 * mismatches". Names that are already prose (they contain a space or a symbol) pass unchanged. Display only: the
 * JSON result keeps the experiment's own names.
 */
public final class Prose {
    /** Names whose word-by-word reading would mislead or stumble; the reading a person would write. */
    private static final Map<String, String> OVERRIDES = Map.ofEntries(
            Map.entry("kUnitNetsFoundWhereSubsetExists", "k-unit networks found where a subset exists"),
            Map.entry("needsKPlus1ReportedWhereNoSubset", "\"needs k + 1 units\" reported where no subset exists"),
            Map.entry("maxRelativeErrorOfKUnitNets", "max relative error of the k-unit networks"),
            Map.entry("casesOutside4Sigma", "cases outside 4σ"),
            Map.entry("maxOfZeroX1X2ShallowResidual", "max(0, x₁, x₂): shallow residual"),
            Map.entry("maxOfZeroX1X2DeepError", "max(0, x₁, x₂): deep error"),
            Map.entry("hiddenUnitsMinusN", "hidden units − n"),
            Map.entry("unitsMinusUnionPlus1", "units − (union + 1)"),
            Map.entry("regionsMinusSerraUpper", "regions − Serra et al. upper bound"),
            Map.entry("sharedUnitsMinusSeparateUnits", "shared units − separate units"),
            Map.entry("deepMinusShallowOnDyadicGrid", "deep − shallow on the dyadic grid"),
            Map.entry("constructedMse", "MSE of the construction"),
            Map.entry("regionMapsNotAPieceOrPiecesMissing", "region maps that are not a piece, or pieces missing"),
            Map.entry("transmissionHiddenLayerLinearlySeparableAsInput",
                    "transmission net's hidden layer linearly separable as input"));

    /** Words kept in capitals (abbreviations) or capitalised (names) when they appear in a camelCase name. */
    private static final Set<String> ABBREVIATIONS = Set.of("mse", "lp", "svd", "gd", "sgd", "lbfgs", "ace", "pwl", "id", "json");
    private static final Set<String> NAMES = Set.of("serra", "montufar", "adam", "lasso", "gaussian", "relu");

    private Prose() {
    }

    /** The display reading of a measurement, parameter or column name. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String o = OVERRIDES.get(name);
        if (o != null) {
            return o;
        }
        if (!isCamelCase(name)) {
            return name;
        }
        StringBuilder b = new StringBuilder(name.length() + 8);
        int start = 0;
        for (int i = 1; i <= name.length(); i++) {
            if (i == name.length() || boundary(name, i)) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(word(name.substring(start, i)));
                start = i;
            }
        }
        return b.toString();
    }

    /** Letters and digits only, starting lower case, with at least one upper-case letter (so "x1" stays a symbol). */
    static boolean isCamelCase(String s) {
        if (!Character.isLowerCase(s.charAt(0))) {
            return false;
        }
        boolean hump = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 || !Character.isLetterOrDigit(c)) {
                return false;
            }
            hump |= Character.isUpperCase(c);
        }
        return hump;
    }

    /** A word starts at an upper-case letter, or at a digit run after a letter. */
    private static boolean boundary(String s, int i) {
        char c = s.charAt(i);
        char p = s.charAt(i - 1);
        return Character.isUpperCase(c) || Character.isDigit(c) && !Character.isDigit(p);
    }

    private static String word(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return lower.toUpperCase(Locale.ROOT);
        }
        if (NAMES.contains(lower)) {
            return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }
        return lower;
    }
}
