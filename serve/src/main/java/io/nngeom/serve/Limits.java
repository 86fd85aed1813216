package io.nngeom.serve;

/**
 * What one explorer server accepts, enforced on the server (the page only mirrors them).
 *
 * @param jsonBytes largest JSON request body
 * @param csvBytes largest uploaded CSV
 * @param csvRows most rows of an uploaded CSV
 * @param points most examples of a built-in data set
 * @param hiddenLayers most hidden layers
 * @param width most units in a layer
 * @param runs most runs alive at once
 * @param uploads most uploaded data sets kept (oldest dropped first)
 * @param streams most event streams open at once
 * @param regions most regions sent in one partition frame
 * @param steps most training steps of one run
 */
public record Limits(int jsonBytes, int csvBytes, int csvRows, int points, int hiddenLayers, int width, int runs,
                     int uploads, int streams, int regions, int steps) {

    /** The defaults of {@code nngeom serve}. */
    public static Limits defaults() {
        return new Limits(64 << 10, 1 << 20, 10_000, 10_000, 8, 64, 16, 8, 64, 50_000, 1_000_000);
    }
}
