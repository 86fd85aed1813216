/**
 * Rendering: figures as PNG and SVG (XChart; SVG figures rasterised with JSVG) and the HTML report laid out by the
 * jte templates of {@code report/src/main/jte}; number display in {@code Fmt}, measurement names as prose in
 * {@code Prose}.
 */
package io.nngeom.report;
