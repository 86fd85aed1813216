package io.nngeom.report;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.FloatSize;
import com.github.weisj.jsvg.view.ViewBox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * Rasterises the SVG text of an {@link io.nngeom.plot.SvgFigure} to a PNG, so that {@link FigureWriter} can write a
 * PNG next to its SVG exactly as for charts. The SVG is parsed and drawn with Java2D by JSVG
 * ({@code com.github.weisj:jsvg}, MIT, no dependencies), headless.
 *
 * <p>Conventions, the same as the chart PNGs: one SVG user unit of the outer viewport is {@code scale} pixels (the
 * size is the root's width and height, else its viewBox); the canvas is opaque white, as a page behind the SVG;
 * antialiasing on, pure stroke geometry. An SVG that JSVG cannot read, or that it reports problems with while
 * reading (its warnings), is refused with an {@link IllegalArgumentException} naming the problem rather than drawn
 * wrongly. The same SVG gives the same pixels on the same JDK and fonts, and PNG encoding adds no time stamp, so
 * the bytes are identical too.
 */
public final class SvgRaster {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Pixels per SVG user unit by default: the chart PNGs are drawn at one pixel per unit, too. */
    public static final double DEFAULT_SCALE = 1.0;
    /** Largest accepted image side in pixels (a guard against a typo such as width="1e9"). */
    public static final int MAX_SIDE = 16_384;
    /**
     * Largest number of shapes drawn from one SVG. JSVG's default guard (meant for untrusted files) refuses partition
     * pictures of more than a few thousand regions; nngeom only rasterises SVG it wrote itself, so the bound is set
     * far above the largest partition the tools draw (tested at 50,000 regions).
     */
    public static final int MAX_SHAPES = 5_000_000;
    private static final DocumentLimits LIMITS = new DocumentLimits(DocumentLimits.DEFAULT_MAX_NESTING_DEPTH,
            DocumentLimits.DEFAULT_MAX_USE_NESTING_DEPTH, MAX_SHAPES);

    private SvgRaster() {
    }

    /** The PNG bytes of {@code svg} at {@link #DEFAULT_SCALE}. */
    public static byte[] png(String svg) {
        return png(svg, DEFAULT_SCALE);
    }

    /** The PNG bytes of {@code svg}, {@code scale} pixels per user unit. */
    public static byte[] png(String svg, double scale) {
        BufferedImage img = render(svg, scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Renders {@code svg}, {@code scale} pixels per user unit, on an opaque white canvas. */
    public static BufferedImage render(String svg, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
        SVGDocument doc = load(svg);
        FloatSize size = doc.size();
        long pw = (long) Math.ceil(size.getWidth() * scale - 1e-9);
        long ph = (long) Math.ceil(size.getHeight() * scale - 1e-9);
        if (pw < 1 || ph < 1 || pw > MAX_SIDE || ph > MAX_SIDE) {
            throw new IllegalArgumentException("image of " + pw + " x " + ph + " pixels: each side must be 1 to " + MAX_SIDE);
        }
        BufferedImage img = new BufferedImage((int) pw, (int) ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            doc.render(null, g, new ViewBox(0, 0, size.width, size.height));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Parses the SVG; JSVG's warnings while reading (unknown elements, bad attributes) become the error. */
    private static SVGDocument load(String svg) {
        Logger log = Logger.getLogger("com.github.weisj.jsvg");
        StringBuilder problems = new StringBuilder();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    if (problems.length() > 0) {
                        problems.append("; ");
                    }
                    problems.append(r.getMessage() == null ? "(no message)" : r.getMessage().strip());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        SVGDocument doc;
        synchronized (SvgRaster.class) {
            boolean parent = log.getUseParentHandlers();
            log.setUseParentHandlers(false);
            log.addHandler(collect);
            try {
                doc = new SVGLoader().load(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)), null,
                        LoaderContext.builder().documentLimits(LIMITS).build());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unreadable SVG: " + e.getMessage(), e);
            } finally {
                log.removeHandler(collect);
                log.setUseParentHandlers(parent);
            }
        }
        if (doc == null || problems.length() > 0) {
            throw new IllegalArgumentException("unreadable SVG" + (problems.length() > 0 ? ": " + problems : ""));
        }
        return doc;
    }
}
