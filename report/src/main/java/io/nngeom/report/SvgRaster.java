package io.nngeom.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A Java2D rasteriser for the static subset of SVG 1.1 that {@link io.nngeom.plot.SvgFigure}s are made of, so that
 * {@link FigureWriter} can write a PNG next to the SVG of such a figure without a heavy dependency (Batik).
 *
 * <p>Supported: the elements {@code svg} (width, height, viewBox, preserveAspectRatio), {@code g}, {@code rect}
 * (with rx/ry), {@code circle}, {@code ellipse}, {@code line}, {@code polyline}, {@code polygon}, {@code path}
 * (all commands M L H V C S Q T A Z, absolute and relative), {@code text} with {@code tspan}, {@code clipPath}
 * (userSpaceOnUse) used through {@code clip-path="url(#id)"}, and the ignored {@code title}, {@code desc},
 * {@code metadata}, {@code defs}; the presentation attributes (also inside {@code style="…"}) fill, stroke,
 * stroke-width, stroke-dasharray, stroke-dashoffset, stroke-linecap, stroke-linejoin, stroke-miterlimit,
 * fill-rule, clip-rule, opacity, fill-opacity, stroke-opacity, color, font-family, font-size, font-weight,
 * font-style, text-anchor, dominant-baseline, display, visibility, transform; colours as names (the CSS basic and
 * common extended names), {@code #rgb}, {@code #rrggbb}, {@code rgb()}, {@code rgba()}, {@code hsl()},
 * {@code hsla()}, {@code none}, {@code currentColor}; lengths in px, pt, pc, mm, cm, in, em and %.
 * Anything else that would change the picture (gradients, patterns, masks, filters, markers, {@code use},
 * {@code image}, a nested {@code svg}, {@code switch}, CSS style sheets, unknown colours) is refused with an {@link IllegalArgumentException} naming it, rather than drawn wrongly.
 *
 * <p>Rendering follows the SVG painting model: fill, then stroke; one SVG user unit of the outer viewport is
 * {@code scale} pixels (96 user units per inch, as a browser at 100 % zoom, the convention of the chart PNGs);
 * the canvas is opaque white, as a page behind the SVG; antialiasing on, pure stroke geometry; an element or group
 * with {@code opacity} &lt; 1 is drawn on its own layer and composited, as the specification says. Fonts: the first
 * installed family of font-family; for the generic families the faces browsers pick (Arial, Helvetica or Liberation
 * Sans for sans-serif, and so on), else Java's logical font, which also draws any text the face lacks glyphs
 * for. Text metrics can still differ slightly from a browser's. The same SVG gives the same pixels on the same JDK and fonts; PNG encoding
 * adds no time stamp, so the bytes are identical too.
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
    /** Browsers' size of an SVG without width, height and viewBox. */
    static final double DEFAULT_WIDTH = 300;
    static final double DEFAULT_HEIGHT = 150;

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Set<String> IGNORED = Set.of("title", "desc", "metadata", "defs", "clipPath");

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
        Element root = parse(svg).getDocumentElement();
        if (!"svg".equals(name(root))) {
            throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <svg>");
        }
        double[] vb = numbers(root.getAttribute("viewBox"));
        if (vb.length != 0 && (vb.length != 4 || !(vb[2] > 0) || !(vb[3] > 0))) {
            throw new IllegalArgumentException("bad viewBox \"" + root.getAttribute("viewBox") + "\"");
        }
        double w = outerLength(root.getAttribute("width"), vb.length == 4 ? vb[2] : DEFAULT_WIDTH, "width");
        double h = outerLength(root.getAttribute("height"), vb.length == 4 ? vb[3] : DEFAULT_HEIGHT, "height");
        long pw = (long) Math.ceil(w * scale - 1e-9);
        long ph = (long) Math.ceil(h * scale - 1e-9);
        if (pw < 1 || ph < 1 || pw > MAX_SIDE || ph > MAX_SIDE) {
            throw new IllegalArgumentException("image of " + pw + " x " + ph + " pixels: each side must be 1 to " + MAX_SIDE);
        }
        BufferedImage img = new BufferedImage((int) pw, (int) ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            g.clip(new Rectangle2D.Double(0, 0, w, h));
            double vw = w;
            double vh = h;
            if (vb.length == 4) {
                g.transform(viewBox(vb, w, h, root.getAttribute("preserveAspectRatio")));
                vw = vb[2];
                vh = vb[3];
            }
            Renderer r = new Renderer(root, vw, vh, img.getWidth(), img.getHeight());
            Style s = Style.initial();
            r.children(g, root, r.apply(s, root));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            var b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(svg)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed SVG: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local name of an SVG element, or null for an element of another namespace (ignored). */
    private static String name(Element e) {
        String ns = e.getNamespaceURI();
        if (ns != null && !ns.equals(SVG_NS)) {
            return null;
        }
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static double outerLength(String v, double fallback, String what) {
        v = v.trim();
        if (v.isEmpty() || v.endsWith("%")) {
            return fallback;
        }
        double d = length(v, 16, 0, what);
        if (!(d > 0)) {
            throw new IllegalArgumentException("the svg " + what + " must be positive: \"" + v + "\"");
        }
        return d;
    }

    /** The viewBox transform (SVG 1.1, 7.8), preserveAspectRatio included. */
    static AffineTransform viewBox(double[] vb, double w, double h, String par) {
        String[] p = par.trim().isEmpty() ? new String[] {"xMidYMid"} : par.trim().split("\\s+");
        int i = p[0].equals("defer") ? 1 : 0;
        String align = p.length > i ? p[i] : "xMidYMid";
        boolean slice = p.length > i + 1 && p[i + 1].equals("slice");
        double sx = w / vb[2];
        double sy = h / vb[3];
        double tx = -vb[0] * sx;
        double ty = -vb[1] * sy;
        if (!align.equals("none")) {
            if (align.length() != 8) {
                throw new IllegalArgumentException("bad preserveAspectRatio \"" + par + "\"");
            }
            double s = slice ? Math.max(sx, sy) : Math.min(sx, sy);
            sx = s;
            sy = s;
            tx = -vb[0] * s + offset(align.substring(1, 4), w - vb[2] * s);
            ty = -vb[1] * s + offset(align.substring(5, 8), h - vb[3] * s);
        }
        AffineTransform t = new AffineTransform(sx, 0, 0, sy, tx, ty);
        return t;
    }

    private static double offset(String where, double room) {
        return switch (where) {
            case "Min" -> 0;
            case "Mid" -> room / 2;
            case "Max" -> room;
            default -> throw new IllegalArgumentException("bad preserveAspectRatio alignment " + where);
        };
    }

    // ---------------------------------------------------------------------------------------- styles

    /** The inherited presentation properties, plus the non-inherited opacity of the element being drawn. */
    private static final class Style implements Cloneable {
        String fill = "black";
        String stroke = "none";
        String color = "black";
        double strokeWidth = 1;
        double[] dash;
        double dashOffset;
        int cap = BasicStroke.CAP_BUTT;
        int join = BasicStroke.JOIN_MITER;
        double miter = 4;
        int fillRule = Path2D.WIND_NON_ZERO;
        int clipRule = Path2D.WIND_NON_ZERO;
        double fillOpacity = 1;
        double strokeOpacity = 1;
        double opacity = 1;
        String fontFamily = "sans-serif";
        double fontSize = 16;
        boolean bold;
        boolean italic;
        String anchor = "start";
        String baseline = "auto";
        boolean visible = true;
        boolean display = true;

        static Style initial() {
            return new Style();
        }

        Style inherit() {
            try {
                Style s = (Style) clone();
                s.opacity = 1;
                s.display = true;
                return s;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static final class Renderer {
        private final Map<String, Element> ids = new HashMap<>();
        private final double vw;
        private final double vh;
        private final int pixelWidth;
        private final int pixelHeight;
        private final Set<Element> clipping = new HashSet<>();

        Renderer(Element root, double vw, double vh, int pixelWidth, int pixelHeight) {
            this.vw = vw;
            this.vh = vh;
            this.pixelWidth = pixelWidth;
            this.pixelHeight = pixelHeight;
            collectIds(root);
        }

        private void collectIds(Element e) {
            String id = e.getAttribute("id");
            if (!id.isEmpty()) {
                ids.putIfAbsent(id, e);
            }
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c) {
                    collectIds(c);
                }
            }
        }

        /** The style of {@code e}: {@code parent}'s inherited part, then e's attributes, then its style="…". */
        Style apply(Style parent, Element e) {
            Style s = parent.inherit();
            Map<String, String> props = new HashMap<>();
            var attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Node a = attrs.item(i);
                String ln = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
                if (a.getNamespaceURI() == null) {
                    props.put(ln, a.getNodeValue());
                }
            }
            String css = props.remove("style");
            if (css != null) {
                for (String decl : css.split(";")) {
                    int c = decl.indexOf(':');
                    if (c > 0) {
                        props.put(decl.substring(0, c).trim(), decl.substring(c + 1).trim());
                    }
                }
            }
            // font-size first: em lengths of the other properties refer to it
            String fs = props.get("font-size");
            if (fs != null && !fs.trim().equals("inherit")) {
                s.fontSize = fontSize(fs.trim(), parent.fontSize);
            }
            for (Map.Entry<String, String> p : props.entrySet()) {
                String v = p.getValue().trim();
                if (v.equals("inherit")) {
                    continue;
                }
                switch (p.getKey()) {
                    case "fill" -> s.fill = v;
                    case "stroke" -> s.stroke = v;
                    case "color" -> s.color = v.equals("currentColor") ? parent.color : v;
                    case "stroke-width" -> s.strokeWidth = length(v, s.fontSize, diagonal(), "stroke-width");
                    case "stroke-dasharray" -> s.dash = dashes(v, s);
                    case "stroke-dashoffset" -> s.dashOffset = length(v, s.fontSize, diagonal(), "stroke-dashoffset");
                    case "stroke-linecap" -> s.cap = switch (v) {
                        case "butt" -> BasicStroke.CAP_BUTT;
                        case "round" -> BasicStroke.CAP_ROUND;
                        case "square" -> BasicStroke.CAP_SQUARE;
                        default -> throw bad("stroke-linecap", v);
                    };
                    case "stroke-linejoin" -> s.join = switch (v) {
                        case "miter", "miter-clip", "arcs" -> BasicStroke.JOIN_MITER;
                        case "round" -> BasicStroke.JOIN_ROUND;
                        case "bevel" -> BasicStroke.JOIN_BEVEL;
                        default -> throw bad("stroke-linejoin", v);
                    };
                    case "stroke-miterlimit" -> s.miter = Math.max(1, number(v, "stroke-miterlimit"));
                    case "fill-rule" -> s.fillRule = rule(v, "fill-rule");
                    case "clip-rule" -> s.clipRule = rule(v, "clip-rule");
                    case "opacity" -> s.opacity = unit(v, "opacity");
                    case "fill-opacity" -> s.fillOpacity = unit(v, "fill-opacity");
                    case "stroke-opacity" -> s.strokeOpacity = unit(v, "stroke-opacity");
                    case "font-family" -> s.fontFamily = v;
                    case "font-weight" -> s.bold = v.equals("bold") || v.equals("bolder")
                            || (v.matches("\\d+") && Integer.parseInt(v) >= 600);
                    case "font-style" -> s.italic = v.equals("italic") || v.equals("oblique");
                    case "text-anchor" -> s.anchor = v;
                    case "dominant-baseline", "alignment-baseline" -> s.baseline = v;
                    case "mask", "filter", "marker", "marker-start", "marker-mid", "marker-end" -> {
                        if (!v.equals("none")) {
                            throw new IllegalArgumentException(p.getKey() + "=\"" + v + "\" is not supported by the PNG rasteriser");
                        }
                    }
                    case "visibility" -> s.visible = v.equals("visible");
                    case "display" -> s.display = !v.equals("none");
                    default -> {
                        // geometry attributes and properties without effect on a static picture
                    }
                }
            }
            return s;
        }

        private double diagonal() {
            return Math.sqrt((vw * vw + vh * vh) / 2);
        }

        void children(Graphics2D g, Element parent, Style s) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    element(g, e, s);
                }
            }
        }

        void element(Graphics2D g, Element e, Style parent) {
            String tag = name(e);
            if (tag == null || IGNORED.contains(tag)) {
                return;
            }
            Style s = apply(parent, e);
            if (!s.display) {
                return;
            }
            Graphics2D gg = (Graphics2D) g.create();
            BufferedImage layer = null;
            Graphics2D target = gg;
            try {
                gg.transform(transform(e.getAttribute("transform")));
                String clip = e.getAttribute("clip-path").trim();
                if (clip.isEmpty()) {
                    clip = styleValue(e, "clip-path");
                }
                if (!clip.isEmpty() && !clip.equals("none")) {
                    gg.clip(clipShape(clip, s));
                }
                if (s.opacity < 1) {
                    // a group's opacity applies to the group as a whole: draw it on its own layer
                    layer = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_ARGB);
                    Graphics2D lg = layer.createGraphics();
                    hints(lg);
                    lg.setTransform(gg.getTransform());
                    lg.setClip(gg.getClip());
                    target = lg;
                }
                switch (tag) {
                    case "g", "a" -> children(target, e, s);
                    case "text" -> text(target, e, s);
                    default -> paint(target, shape(tag, e, s), s);
                }
                if (layer != null) {
                    target.dispose();
                    Graphics2D cg = (Graphics2D) g.create();
                    cg.setTransform(new AffineTransform());
                    cg.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) s.opacity));
                    cg.drawImage(layer, 0, 0, null);
                    cg.dispose();
                }
            } finally {
                gg.dispose();
            }
        }

        private String styleValue(Element e, String prop) {
            for (String decl : e.getAttribute("style").split(";")) {
                int c = decl.indexOf(':');
                if (c > 0 && decl.substring(0, c).trim().equals(prop)) {
                    return decl.substring(c + 1).trim();
                }
            }
            return "";
        }

        private Shape clipShape(String ref, Style s) {
            String id = urlId(ref, "clip-path");
            Element cp = ids.get(id);
            if (cp == null || !"clipPath".equals(name(cp))) {
                throw new IllegalArgumentException("clip-path " + ref + ": no <clipPath id=\"" + id + "\">");
            }
            if (cp.getAttribute("clipPathUnits").trim().equals("objectBoundingBox")) {
                throw new IllegalArgumentException("clipPath \"" + id + "\": clipPathUnits=\"objectBoundingBox\" is not supported");
            }
            if (!clipping.add(cp)) {
                throw new IllegalArgumentException("clipPath \"" + id + "\" refers to itself");
            }
            try {
                Style cs = apply(s, cp);
                Area area = new Area();
                for (Node n = cp.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!(n instanceof Element c) || name(c) == null || IGNORED.contains(name(c))) {
                        continue;
                    }
                    Style es = apply(cs, c);
                    if (!es.display || !es.visible) {
                        continue;
                    }
                    Shape sh;
                    if (name(c).equals("text")) {
                        sh = textOutline(c, es);
                    } else {
                        Path2D p = new Path2D.Double(shape(name(c), c, es));
                        p.setWindingRule(es.clipRule);
                        sh = p;
                    }
                    Area a = new Area(transform(c.getAttribute("transform")).createTransformedShape(sh));
                    String inner = c.getAttribute("clip-path").trim();
                    if (!inner.isEmpty() && !inner.equals("none")) {
                        a.intersect(new Area(clipShape(inner, es)));
                    }
                    area.add(a);
                }
                AffineTransform t = transform(cp.getAttribute("transform"));
                Shape result = t.createTransformedShape(area);
                String own = cp.getAttribute("clip-path").trim();
                if (!own.isEmpty() && !own.equals("none")) {
                    Area a = new Area(result);
                    a.intersect(new Area(clipShape(own, cs)));
                    result = a;
                }
                return result;
            } finally {
                clipping.remove(cp);
            }
        }

        private Shape shape(String tag, Element e, Style s) {
            double fs = s.fontSize;
            return switch (tag) {
                case "rect" -> {
                    double x = len(e, "x", fs, vw);
                    double y = len(e, "y", fs, vh);
                    double w = len(e, "width", fs, vw);
                    double h = len(e, "height", fs, vh);
                    if (w < 0 || h < 0) {
                        throw new IllegalArgumentException("<rect> with a negative width or height");
                    }
                    boolean hasRx = !e.getAttribute("rx").isBlank();
                    boolean hasRy = !e.getAttribute("ry").isBlank();
                    double rx = hasRx ? len(e, "rx", fs, vw) : 0;
                    double ry = hasRy ? len(e, "ry", fs, vh) : 0;
                    if (hasRx && !hasRy) {
                        ry = rx;
                    } else if (hasRy && !hasRx) {
                        rx = ry;
                    }
                    rx = Math.min(Math.max(rx, 0), w / 2);
                    ry = Math.min(Math.max(ry, 0), h / 2);
                    yield rx > 0 && ry > 0 ? new RoundRectangle2D.Double(x, y, w, h, 2 * rx, 2 * ry) : new Rectangle2D.Double(x, y, w, h);
                }
                case "circle" -> {
                    double r = len(e, "r", fs, diagonal());
                    if (r < 0) {
                        throw new IllegalArgumentException("<circle> with a negative radius");
                    }
                    yield new Ellipse2D.Double(len(e, "cx", fs, vw) - r, len(e, "cy", fs, vh) - r, 2 * r, 2 * r);
                }
                case "ellipse" -> {
                    double rx = len(e, "rx", fs, vw);
                    double ry = len(e, "ry", fs, vh);
                    if (rx < 0 || ry < 0) {
                        throw new IllegalArgumentException("<ellipse> with a negative radius");
                    }
                    yield new Ellipse2D.Double(len(e, "cx", fs, vw) - rx, len(e, "cy", fs, vh) - ry, 2 * rx, 2 * ry);
                }
                case "line" -> new Line2D.Double(len(e, "x1", fs, vw), len(e, "y1", fs, vh), len(e, "x2", fs, vw), len(e, "y2", fs, vh));
                case "polyline", "polygon" -> {
                    double[] p = numbers(e.getAttribute("points"));
                    Path2D.Double path = new Path2D.Double(s.fillRule);
                    // an odd count: the last coordinate is dropped, as the SVG error handling says
                    for (int k = 0; k + 1 < p.length; k += 2) {
                        if (k == 0) {
                            path.moveTo(p[0], p[1]);
                        } else {
                            path.lineTo(p[k], p[k + 1]);
                        }
                    }
                    if (tag.equals("polygon") && p.length >= 2) {
                        path.closePath();
                    }
                    yield path;
                }
                case "path" -> {
                    Path2D.Double p = PathData.parse(e.getAttribute("d"));
                    p.setWindingRule(s.fillRule);
                    yield p;
                }
                default -> throw new IllegalArgumentException("SVG element <" + tag + "> is not supported by the PNG rasteriser");
            };
        }

        private double len(Element e, String attr, double fontSize, double percentOf) {
            String v = e.getAttribute(attr).trim();
            return v.isEmpty() ? 0 : length(v, fontSize, percentOf, attr);
        }

        private void paint(Graphics2D g, Shape shape, Style s) {
            if (!s.visible) {
                return;
            }
            Color fill = paint(s.fill, s, s.fillOpacity, "fill");
            if (fill != null && !(shape instanceof Line2D)) {
                g.setColor(fill);
                g.fill(shape);
            }
            Color stroke = paint(s.stroke, s, s.strokeOpacity, "stroke");
            if (stroke != null && s.strokeWidth > 0) {
                g.setColor(stroke);
                g.setStroke(stroke(s));
                g.draw(shape);
            }
        }

        private Color paint(String v, Style s, double opacity, String what) {
            if (v.startsWith("url(")) {
                throw new IllegalArgumentException(what + "=\"" + v + "\": paint servers (gradients, patterns) are not supported");
            }
            Color c = colour(v.equals("currentColor") ? s.color : v, what);
            if (c == null) {
                return null;
            }
            if (opacity < 1) {
                c = new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(c.getAlpha() * opacity));
            }
            return c;
        }

        private static BasicStroke stroke(Style s) {
            float[] dash = null;
            if (s.dash != null) {
                dash = new float[s.dash.length];
                for (int i = 0; i < dash.length; i++) {
                    dash[i] = (float) s.dash[i];
                }
            }
            float offset = (float) s.dashOffset;
            if (dash != null) {
                float total = 0;
                for (float d : dash) {
                    total += d;
                }
                offset = ((offset % total) + total) % total;
            }
            return new BasicStroke((float) s.strokeWidth, s.cap, s.join, (float) s.miter, dash, offset);
        }

        // ------------------------------------------------------------------------------------ text

        private record Run(String text, Style style, Font font, double dx, double dy, Double x, Double y) {
        }

        private List<Run> runs(Element text, Style s) {
            List<Run> runs = new ArrayList<>();
            collectRuns(text, s, runs, true);
            // whitespace handling of xml:space="default": newlines removed, tabs to spaces, runs of spaces collapsed,
            // leading and trailing spaces of the whole text removed
            List<Run> out = new ArrayList<>();
            boolean lastSpace = true;
            for (Run r : runs) {
                StringBuilder b = new StringBuilder();
                for (char c : r.text.replace("\n", "").replace("\r", "").replace('\t', ' ').toCharArray()) {
                    if (c == ' ' && lastSpace) {
                        continue;
                    }
                    b.append(c);
                    lastSpace = c == ' ';
                }
                out.add(new Run(b.toString(), r.style, r.font, r.dx, r.dy, r.x, r.y));
            }
            for (int i = out.size() - 1; i >= 0; i--) {
                Run r = out.get(i);
                String t = r.text.replaceAll(" +$", "");
                out.set(i, new Run(t, r.style, r.font, r.dx, r.dy, r.x, r.y));
                if (!t.isEmpty()) {
                    break;
                }
            }
            return out;
        }

        private void collectRuns(Element e, Style s, List<Run> runs, boolean first) {
            Double x = first(e, "x", s, vw);
            Double y = first(e, "y", s, vh);
            Double dx = first(e, "dx", s, vw);
            Double dy = first(e, "dy", s, vh);
            boolean positioned = true;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    runs.add(new Run(n.getNodeValue(), s, font(s, n.getNodeValue()), positioned && dx != null ? dx : 0, positioned && dy != null ? dy : 0,
                            positioned ? x : null, positioned ? y : null));
                    positioned = false;
                } else if (n instanceof Element c) {
                    String tag = name(c);
                    if (tag == null || IGNORED.contains(tag)) {
                        continue;
                    }
                    if (!tag.equals("tspan")) {
                        throw new IllegalArgumentException("<" + tag + "> inside <text> is not supported by the PNG rasteriser");
                    }
                    if (positioned && (x != null || y != null || dx != null || dy != null)) {
                        runs.add(new Run("", s, font(s, ""), dx != null ? dx : 0, dy != null ? dy : 0, x, y));
                    }
                    positioned = false;
                    Style cs = apply(s, c);
                    if (cs.display) {
                        collectRuns(c, cs, runs, false);
                    }
                }
            }
            if (positioned && first && (x != null || y != null)) {
                runs.add(new Run("", s, font(s, ""), dx != null ? dx : 0, dy != null ? dy : 0, x, y));
            }
        }

        private Double first(Element e, String attr, Style s, double percentOf) {
            String v = e.getAttribute(attr).trim();
            if (v.isEmpty()) {
                return null;
            }
            String[] parts = v.split("[\\s,]+");
            return length(parts[0], s.fontSize, percentOf, attr);
        }

        private void text(Graphics2D g, Element e, Style s) {
            for (Placed p : layout(g, e, s)) {
                if (!p.run.style.visible || p.run.text.isEmpty()) {
                    continue;
                }
                Style rs = p.run.style;
                Color fill = paint(rs.fill, rs, rs.fillOpacity, "fill");
                Color stroke = paint(rs.stroke, rs, rs.strokeOpacity, "stroke");
                if (fill != null) {
                    g.setColor(fill);
                    g.setFont(p.run.font);
                    g.drawString(p.run.text, (float) p.x, (float) p.y);
                }
                if (stroke != null && rs.strokeWidth > 0) {
                    Shape outline = p.run.font.createGlyphVector(g.getFontRenderContext(), p.run.text).getOutline((float) p.x, (float) p.y);
                    g.setColor(stroke);
                    g.setStroke(stroke(rs));
                    g.draw(outline);
                }
            }
        }

        private Shape textOutline(Element e, Style s) {
            BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = one.createGraphics();
            try {
                hints(g);
                Path2D.Double out = new Path2D.Double();
                for (Placed p : layout(g, e, s)) {
                    if (!p.run.text.isEmpty()) {
                        out.append(p.run.font.createGlyphVector(g.getFontRenderContext(), p.run.text).getOutline((float) p.x, (float) p.y), false);
                    }
                }
                return out;
            } finally {
                g.dispose();
            }
        }

        private record Placed(Run run, double x, double y) {
        }

        /** Positions of the runs: one text chunk per absolute x, aligned by the text-anchor of its first run. */
        private List<Placed> layout(Graphics2D g, Element e, Style s) {
            List<Run> runs = runs(e, s);
            List<Placed> placed = new ArrayList<>();
            double cx = 0;
            double cy = 0;
            int chunkStart = 0;
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                if (r.x != null && i > chunkStart) {
                    anchor(g, placed, runs, chunkStart, i);
                    chunkStart = i;
                }
                if (r.x != null) {
                    cx = r.x;
                }
                if (r.y != null) {
                    cy = r.y;
                }
                cx += r.dx;
                cy += r.dy;
                double shift = baselineShift(g, r);
                placed.add(new Placed(r, cx, cy + shift));
                cx += advance(g, r);
            }
            anchor(g, placed, runs, chunkStart, runs.size());
            return placed;
        }

        private static double advance(Graphics2D g, Run r) {
            return r.text.isEmpty() ? 0 : r.font.getStringBounds(r.text, g.getFontRenderContext()).getWidth();
        }

        private static void anchor(Graphics2D g, List<Placed> placed, List<Run> runs, int from, int to) {
            if (from >= to) {
                return;
            }
            String a = runs.get(from).style.anchor;
            if (a.equals("start")) {
                return;
            }
            double width = 0;
            for (int i = from; i < to; i++) {
                width += advance(g, runs.get(i)) + (i > from ? runs.get(i).dx : 0);
            }
            double shift = switch (a) {
                case "middle" -> -width / 2;
                case "end" -> -width;
                default -> throw bad("text-anchor", a);
            };
            for (int i = from; i < to; i++) {
                Placed p = placed.get(i);
                placed.set(i, new Placed(p.run, p.x + shift, p.y));
            }
        }

        private static double baselineShift(Graphics2D g, Run r) {
            FontMetrics m = g.getFontMetrics(r.font);
            return switch (r.style.baseline) {
                case "middle", "central" -> (m.getAscent() - m.getDescent()) / 2.0;
                case "hanging", "text-before-edge", "text-top" -> m.getAscent();
                case "text-after-edge", "text-bottom", "ideographic" -> -m.getDescent();
                case "mathematical" -> m.getAscent() / 2.0;
                default -> 0;
            };
        }
    }

    // ------------------------------------------------------------------------------------ fonts

    private static Set<String> families;

    private static synchronized Set<String> families() {
        if (families == null) {
            families = new HashSet<>();
            for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
                families.add(f.toLowerCase(Locale.ROOT));
            }
        }
        return families;
    }

    /**
     * Installed faces tried, in order, for the generic families, as browsers do (Chrome and Firefox map
     * sans-serif to Arial or its metric twin Liberation Sans, not to the system's first choice); Java's logical
     * font of the generic family comes last and also serves any text a face cannot display.
     */
    private static final Map<String, List<String>> GENERIC_FACES = Map.of(
            Font.SANS_SERIF, List.of("Arial", "Helvetica", "Liberation Sans"),
            Font.SERIF, List.of("Times New Roman", "Times", "Liberation Serif"),
            Font.MONOSPACED, List.of("Courier New", "Liberation Mono"));

    /** The font of a run of {@code text} in style {@code s}: the first family of font-family that is installed. */
    static Font font(Style s, String text) {
        int style = (s.bold ? Font.BOLD : 0) | (s.italic ? Font.ITALIC : 0);
        float size = (float) s.fontSize;
        String generic = Font.SANS_SERIF;
        List<String> faces = List.of();
        for (String f : s.fontFamily.split(",")) {
            String name = f.trim().replaceAll("^['\"]|['\"]$", "");
            String g = switch (name.toLowerCase(Locale.ROOT)) {
                case "sans-serif", "system-ui" -> Font.SANS_SERIF;
                case "serif" -> Font.SERIF;
                case "monospace" -> Font.MONOSPACED;
                default -> null;
            };
            if (g != null) {
                generic = g;
                faces = GENERIC_FACES.get(g);
                break;
            }
            if (families().contains(name.toLowerCase(Locale.ROOT))) {
                faces = List.of(name);
                break;
            }
        }
        for (String face : faces) {
            if (families().contains(face.toLowerCase(Locale.ROOT))) {
                Font f = new Font(face, style, 1).deriveFont(size);
                if (f.canDisplayUpTo(text) == -1) {
                    return f;
                }
            }
        }
        return new Font(generic, style, 1).deriveFont(size);
    }

    private static double fontSize(String v, double parent) {
        return switch (v) {
            case "xx-small" -> 9;
            case "x-small" -> 10;
            case "small" -> 13;
            case "medium" -> 16;
            case "large" -> 18;
            case "x-large" -> 24;
            case "xx-large" -> 32;
            case "smaller" -> parent / 1.2;
            case "larger" -> parent * 1.2;
            default -> {
                double d = length(v, parent, parent, "font-size");
                if (d < 0) {
                    throw bad("font-size", v);
                }
                yield d;
            }
        };
    }

    // ------------------------------------------------------------------------------------ values

    private static IllegalArgumentException bad(String what, String v) {
        return new IllegalArgumentException("bad " + what + " \"" + v + "\"");
    }

    private static int rule(String v, String what) {
        return switch (v) {
            case "nonzero" -> Path2D.WIND_NON_ZERO;
            case "evenodd" -> Path2D.WIND_EVEN_ODD;
            default -> throw bad(what, v);
        };
    }

    private static double unit(String v, String what) {
        double d = v.endsWith("%") ? number(v.substring(0, v.length() - 1), what) / 100 : number(v, what);
        return Math.max(0, Math.min(1, d));
    }

    private static double number(String v, String what) {
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw bad(what, v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(what, v);
        }
    }

    /** A length in user units: px or no unit, pt, pc, mm, cm, in (96 px per inch), em, ex, or % of {@code percentOf}. */
    static double length(String v, double fontSize, double percentOf, String what) {
        String t = v.trim();
        String unit = t.replaceFirst("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?", "");
        double d = number(t.substring(0, t.length() - unit.length()), what);
        return switch (unit) {
            case "", "px" -> d;
            case "pt" -> d * 96 / 72;
            case "pc" -> d * 16;
            case "mm" -> d * 96 / 25.4;
            case "cm" -> d * 96 / 2.54;
            case "in" -> d * 96;
            case "em" -> d * fontSize;
            case "ex" -> d * fontSize / 2;
            case "%" -> d * percentOf / 100;
            default -> throw bad(what, v);
        };
    }

    private static double[] dashes(String v, Style s) {
        if (v.equals("none")) {
            return null;
        }
        String[] parts = v.split("[\\s,]+");
        List<Double> d = new ArrayList<>();
        double sum = 0;
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            double x = length(p, s.fontSize, 0, "stroke-dasharray");
            if (x < 0) {
                return null; // an error in SVG: the stroke is drawn solid
            }
            d.add(x);
            sum += x;
        }
        if (d.isEmpty() || sum <= 0) {
            return null;
        }
        int n = d.size() % 2 == 1 ? 2 * d.size() : d.size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.get(i % d.size());
        }
        return out;
    }

    /** Numbers separated by white space and/or commas (points, viewBox, transform arguments). */
    static double[] numbers(String v) {
        List<Double> out = new ArrayList<>();
        PathData.Scanner sc = new PathData.Scanner(v);
        while (sc.hasNumber()) {
            out.add(sc.number());
        }
        sc.skipSeparators();
        if (!sc.done()) {
            throw new IllegalArgumentException("bad number list \"" + (v.length() > 60 ? v.substring(0, 60) + "…" : v) + "\"");
        }
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = out.get(i);
        }
        return d;
    }

    /** The transform attribute: matrix, translate, scale, rotate, skewX, skewY, applied left to right. */
    static AffineTransform transform(String v) {
        AffineTransform t = new AffineTransform();
        String rest = v.trim();
        while (!rest.isEmpty()) {
            int open = rest.indexOf('(');
            int close = rest.indexOf(')');
            if (open < 0 || close < open) {
                throw bad("transform", v);
            }
            String fn = rest.substring(0, open).trim();
            double[] a = numbers(rest.substring(open + 1, close));
            switch (fn + "/" + a.length) {
                case "matrix/6" -> t.concatenate(new AffineTransform(a[0], a[1], a[2], a[3], a[4], a[5]));
                case "translate/1" -> t.translate(a[0], 0);
                case "translate/2" -> t.translate(a[0], a[1]);
                case "scale/1" -> t.scale(a[0], a[0]);
                case "scale/2" -> t.scale(a[0], a[1]);
                case "rotate/1" -> t.rotate(Math.toRadians(a[0]));
                case "rotate/3" -> t.rotate(Math.toRadians(a[0]), a[1], a[2]);
                case "skewX/1" -> t.shear(Math.tan(Math.toRadians(a[0])), 0);
                case "skewY/1" -> t.shear(0, Math.tan(Math.toRadians(a[0])));
                default -> throw bad("transform", v);
            }
            rest = rest.substring(close + 1).replaceFirst("^[\\s,]+", "");
        }
        return t;
    }

    private static String urlId(String ref, String what) {
        String r = ref.trim();
        if (!r.startsWith("url(") || !r.endsWith(")")) {
            throw bad(what, ref);
        }
        String inner = r.substring(4, r.length() - 1).trim().replaceAll("^['\"]|['\"]$", "");
        if (!inner.startsWith("#")) {
            throw new IllegalArgumentException(what + " " + ref + ": only references inside the document (#id) are supported");
        }
        return inner.substring(1);
    }

    /** A colour, or null for none/transparent. */
    static Color colour(String v, String what) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none") || s.equals("transparent")) {
            return null;
        }
        if (s.startsWith("#")) {
            String h = s.substring(1);
            if (!h.matches("[0-9a-f]+")) {
                throw bad(what, v);
            }
            return switch (h.length()) {
                case 3, 4 -> {
                    int r = Integer.parseInt(h.substring(0, 1), 16) * 17;
                    int g = Integer.parseInt(h.substring(1, 2), 16) * 17;
                    int b = Integer.parseInt(h.substring(2, 3), 16) * 17;
                    int a = h.length() == 4 ? Integer.parseInt(h.substring(3, 4), 16) * 17 : 255;
                    yield new Color(r, g, b, a);
                }
                case 6, 8 -> new Color(Integer.parseInt(h.substring(0, 2), 16), Integer.parseInt(h.substring(2, 4), 16),
                        Integer.parseInt(h.substring(4, 6), 16), h.length() == 8 ? Integer.parseInt(h.substring(6, 8), 16) : 255);
                default -> throw bad(what, v);
            };
        }
        int open = s.indexOf('(');
        if (open > 0 && s.endsWith(")")) {
            String fn = s.substring(0, open).trim();
            String[] a = s.substring(open + 1, s.length() - 1).trim().split("\\s*[,/]\\s*|\\s+");
            if (a.length != 3 && a.length != 4) {
                throw bad(what, v);
            }
            double alpha = a.length == 4 ? unit(a[3], what) : 1;
            return switch (fn) {
                case "rgb", "rgba" -> new Color(channel(a[0], what), channel(a[1], what), channel(a[2], what), (int) Math.round(alpha * 255));
                case "hsl", "hsla" -> hsl(number(a[0].replace("deg", ""), what), unit(a[1], what), unit(a[2], what), alpha);
                default -> throw bad(what, v);
            };
        }
        Integer named = NAMED.get(s);
        if (named == null) {
            throw new IllegalArgumentException("unknown colour \"" + v + "\" in " + what);
        }
        return new Color(named);
    }

    private static int channel(String v, String what) {
        double d = v.endsWith("%") ? number(v.substring(0, v.length() - 1), what) * 2.55 : number(v, what);
        return (int) Math.round(Math.max(0, Math.min(255, d)));
    }

    /** CSS hsl() to RGB (CSS Color 3, 4.2.4): hue in degrees, saturation and lightness in [0, 1]. */
    static Color hsl(double hue, double sat, double light, double alpha) {
        double h = ((hue % 360) + 360) % 360 / 360;
        double m2 = light <= 0.5 ? light * (sat + 1) : light + sat - light * sat;
        double m1 = light * 2 - m2;
        int r = (int) Math.round(255 * hue(m1, m2, h + 1.0 / 3));
        int g = (int) Math.round(255 * hue(m1, m2, h));
        int b = (int) Math.round(255 * hue(m1, m2, h - 1.0 / 3));
        return new Color(r, g, b, (int) Math.round(alpha * 255));
    }

    private static double hue(double m1, double m2, double h) {
        if (h < 0) {
            h += 1;
        }
        if (h > 1) {
            h -= 1;
        }
        if (h * 6 < 1) {
            return m1 + (m2 - m1) * h * 6;
        }
        if (h * 2 < 1) {
            return m2;
        }
        if (h * 3 < 2) {
            return m1 + (m2 - m1) * (2.0 / 3 - h) * 6;
        }
        return m1;
    }

    /** CSS colour keywords: the 16 basic ones, orange, and the greys and other names plotting code tends to use. */
    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("black", 0x000000), Map.entry("silver", 0xC0C0C0), Map.entry("gray", 0x808080), Map.entry("grey", 0x808080),
            Map.entry("white", 0xFFFFFF), Map.entry("maroon", 0x800000), Map.entry("red", 0xFF0000), Map.entry("purple", 0x800080),
            Map.entry("fuchsia", 0xFF00FF), Map.entry("magenta", 0xFF00FF), Map.entry("green", 0x008000), Map.entry("lime", 0x00FF00),
            Map.entry("olive", 0x808000), Map.entry("yellow", 0xFFFF00), Map.entry("navy", 0x000080), Map.entry("blue", 0x0000FF),
            Map.entry("teal", 0x008080), Map.entry("aqua", 0x00FFFF), Map.entry("cyan", 0x00FFFF), Map.entry("orange", 0xFFA500),
            Map.entry("darkgray", 0xA9A9A9), Map.entry("darkgrey", 0xA9A9A9), Map.entry("lightgray", 0xD3D3D3),
            Map.entry("lightgrey", 0xD3D3D3), Map.entry("dimgray", 0x696969), Map.entry("dimgrey", 0x696969),
            Map.entry("gainsboro", 0xDCDCDC), Map.entry("whitesmoke", 0xF5F5F5), Map.entry("darkred", 0x8B0000),
            Map.entry("darkblue", 0x00008B), Map.entry("darkgreen", 0x006400), Map.entry("darkorange", 0xFF8C00),
            Map.entry("steelblue", 0x4682B4), Map.entry("royalblue", 0x4169E1), Map.entry("crimson", 0xDC143C),
            Map.entry("firebrick", 0xB22222), Map.entry("forestgreen", 0x228B22), Map.entry("gold", 0xFFD700),
            Map.entry("pink", 0xFFC0CB), Map.entry("brown", 0xA52A2A), Map.entry("violet", 0xEE82EE),
            Map.entry("indigo", 0x4B0082), Map.entry("tomato", 0xFF6347), Map.entry("skyblue", 0x87CEEB),
            Map.entry("lightblue", 0xADD8E6), Map.entry("lightgreen", 0x90EE90), Map.entry("salmon", 0xFA8072),
            Map.entry("khaki", 0xF0E68C), Map.entry("beige", 0xF5F5DC), Map.entry("ivory", 0xFFFFF0),
            Map.entry("slategray", 0x708090), Map.entry("slategrey", 0x708090));

    // ------------------------------------------------------------------------------------ path data

    /** The path mini-language of SVG 1.1 (8.3), arcs converted to Java2D arcs. */
    static final class PathData {
        private PathData() {
        }

        static Path2D.Double parse(String d) {
            Path2D.Double p = new Path2D.Double();
            Scanner sc = new Scanner(d);
            double cx = 0, cy = 0, sx = 0, sy = 0, lcx = 0, lcy = 0;
            char prev = ' ';
            char cmd = ' ';
            boolean started = false;
            while (true) {
                sc.skipSeparators();
                if (sc.done()) {
                    break;
                }
                char c = sc.peek();
                if (Character.isLetter(c)) {
                    cmd = c;
                    sc.advance();
                } else if (cmd == ' ') {
                    throw bad("path data", d.length() > 60 ? d.substring(0, 60) + "…" : d);
                } else if (cmd == 'M') {
                    cmd = 'L';
                } else if (cmd == 'm') {
                    cmd = 'l';
                } else if (cmd == 'Z' || cmd == 'z') {
                    throw bad("path data", d.length() > 60 ? d.substring(0, 60) + "…" : d);
                }
                boolean rel = Character.isLowerCase(cmd);
                double ox = rel ? cx : 0;
                double oy = rel ? cy : 0;
                if (!started && Character.toUpperCase(cmd) != 'M') {
                    throw new IllegalArgumentException("path data must begin with a moveto: \"" + (d.length() > 60 ? d.substring(0, 60) + "…" : d) + "\"");
                }
                switch (Character.toUpperCase(cmd)) {
                    case 'M' -> {
                        cx = ox + sc.number();
                        cy = oy + sc.number();
                        p.moveTo(cx, cy);
                        sx = cx;
                        sy = cy;
                        started = true;
                    }
                    case 'L' -> {
                        cx = ox + sc.number();
                        cy = oy + sc.number();
                        p.lineTo(cx, cy);
                    }
                    case 'H' -> {
                        cx = ox + sc.number();
                        p.lineTo(cx, cy);
                    }
                    case 'V' -> {
                        cy = oy + sc.number();
                        p.lineTo(cx, cy);
                    }
                    case 'C' -> {
                        double x1 = ox + sc.number(), y1 = oy + sc.number();
                        lcx = ox + sc.number();
                        lcy = oy + sc.number();
                        cx = ox + sc.number();
                        cy = oy + sc.number();
                        p.curveTo(x1, y1, lcx, lcy, cx, cy);
                    }
                    case 'S' -> {
                        boolean smooth = "CcSs".indexOf(prev) >= 0;
                        double x1 = smooth ? 2 * cx - lcx : cx, y1 = smooth ? 2 * cy - lcy : cy;
                        lcx = ox + sc.number();
                        lcy = oy + sc.number();
                        cx = ox + sc.number();
                        cy = oy + sc.number();
                        p.curveTo(x1, y1, lcx, lcy, cx, cy);
                    }
                    case 'Q' -> {
                        lcx = ox + sc.number();
                        lcy = oy + sc.number();
                        cx = ox + sc.number();
                        cy = oy + sc.number();
                        p.quadTo(lcx, lcy, cx, cy);
                    }
                    case 'T' -> {
                        boolean smooth = "QqTt".indexOf(prev) >= 0;
                        lcx = smooth ? 2 * cx - lcx : cx;
                        lcy = smooth ? 2 * cy - lcy : cy;
                        cx = ox + sc.number();
                        cy = oy + sc.number();
                        p.quadTo(lcx, lcy, cx, cy);
                    }
                    case 'A' -> {
                        double rx = Math.abs(sc.number()), ry = Math.abs(sc.number()), rot = sc.number();
                        boolean large = sc.flag();
                        boolean sweep = sc.flag();
                        double x = ox + sc.number(), y = oy + sc.number();
                        arc(p, cx, cy, rx, ry, rot, large, sweep, x, y);
                        cx = x;
                        cy = y;
                    }
                    case 'Z' -> {
                        p.closePath();
                        cx = sx;
                        cy = sy;
                    }
                    default -> throw new IllegalArgumentException("unknown path command '" + cmd + "'");
                }
                prev = cmd;
            }
            return p;
        }

        /** Appends the elliptical arc from (x0, y0) to (x, y) (SVG 1.1 implementation notes F.6.5 and F.6.6). */
        static void arc(Path2D.Double p, double x0, double y0, double rx, double ry, double angle, boolean large, boolean sweep,
                double x, double y) {
            if (x0 == x && y0 == y) {
                return;
            }
            if (rx == 0 || ry == 0) {
                p.lineTo(x, y);
                return;
            }
            double phi = Math.toRadians(angle % 360);
            double cos = Math.cos(phi), sin = Math.sin(phi);
            double dx2 = (x0 - x) / 2, dy2 = (y0 - y) / 2;
            double x1 = cos * dx2 + sin * dy2;
            double y1 = -sin * dx2 + cos * dy2;
            double lambda = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry);
            if (lambda > 1) {
                double s = Math.sqrt(lambda);
                rx *= s;
                ry *= s;
            }
            double num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
            double den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
            double coef = Math.sqrt(Math.max(0, num / den)) * (large == sweep ? -1 : 1);
            double cx1 = coef * rx * y1 / ry;
            double cy1 = -coef * ry * x1 / rx;
            double ux = (x1 - cx1) / rx, uy = (y1 - cy1) / ry;
            double vx = (-x1 - cx1) / rx, vy = (-y1 - cy1) / ry;
            double start = Math.atan2(uy, ux);
            double extent = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
            if (!sweep && extent > 0) {
                extent -= 2 * Math.PI;
            } else if (sweep && extent < 0) {
                extent += 2 * Math.PI;
            }
            double cx = cos * cx1 - sin * cy1 + (x0 + x) / 2;
            double cy = sin * cx1 + cos * cy1 + (y0 + y) / 2;
            // Java2D's Arc2D measures angles counter-clockwise on a y-up screen: negate them for SVG's y-down
            Arc2D.Double a = new Arc2D.Double(-rx, -ry, 2 * rx, 2 * ry, -Math.toDegrees(start), -Math.toDegrees(extent), Arc2D.OPEN);
            AffineTransform t = new AffineTransform();
            t.translate(cx, cy);
            t.rotate(phi);
            p.append(t.createTransformedShape(a).getPathIterator(null), true);
        }

        /** Numbers and flags of path data and number lists. */
        static final class Scanner {
            private final String s;
            private int i;

            Scanner(String s) {
                this.s = s;
            }

            boolean done() {
                return i >= s.length();
            }

            char peek() {
                return s.charAt(i);
            }

            void advance() {
                i++;
            }

            void skipSeparators() {
                while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                    i++;
                }
            }

            boolean hasNumber() {
                skipSeparators();
                if (done()) {
                    return false;
                }
                char c = s.charAt(i);
                return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
            }

            boolean flag() {
                skipSeparators();
                if (done() || (s.charAt(i) != '0' && s.charAt(i) != '1')) {
                    throw bad("arc flag", s.length() > 60 ? s.substring(0, 60) + "…" : s);
                }
                return s.charAt(i++) == '1';
            }

            double number() {
                skipSeparators();
                int start = i;
                if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                    i++;
                }
                boolean digits = false;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                    digits = true;
                }
                if (i < s.length() && s.charAt(i) == '.') {
                    i++;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                        digits = true;
                    }
                }
                if (digits && i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int save = i;
                    i++;
                    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                        i++;
                    }
                    int exp = i;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (i == exp) {
                        i = save;
                    }
                }
                if (!digits) {
                    throw bad("number", s.length() > 60 ? s.substring(0, 60) + "…" : s);
                }
                return Double.parseDouble(s.substring(start, i));
            }
        }
    }
}
