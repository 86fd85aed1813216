package io.nngeom.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.nngeom.io.AtomicFiles;
import io.nngeom.run.InputException;
import io.nngeom.validate.ExperimentResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTML report of a validation run: {@code index.html} opens with the verdict and, when something failed, a box
 * with each failure and why (a known failure marked as known, with its reason); then a table of contents and one
 * collapsible section per area with one article per experiment (measured values with their bounds and ✓/✗,
 * parameters, criterion, notes, tables, figures at their natural size). The page is laid out by the jte templates
 * of {@code src/main/jte}, which escape every text they print, from a {@link ReportPage} built by
 * {@link ReportModel}. The report is static and self-contained: CSS inline, figures as files beside it, no scripts,
 * no network.
 *
 * <p>{@link #write} builds the report in a temporary directory next to the target and then swaps it in,
 * so a reader never sees a half-written report.
 */
public final class HtmlReport {
    /** Marks a directory as an nngeom report, so that it may be replaced by the next one. */
    public static final String MARKER = ".nngeom-report";

    /** The templates of src/main/jte, compiled to Java at build time (nothing is compiled at run time). */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "io.nngeom.report.templates");

    /** Tables longer than this are folded (an HTML details element: open it with a click, no script). */
    static final int FOLD_ROWS = 15;
    /** Makes temporary names unique within this process. */
    private static final AtomicLong COUNTER = new AtomicLong();

    private HtmlReport() {
    }

    /**
     * Writes the report into {@code outDir}, replacing a previous report there. Refuses (as bad input) to
     * replace a non-empty directory that is not an nngeom report, or a file.
     *
     * @return the path of {@code index.html}
     */
    public static Path write(Path outDir, ReportInfo info, List<ExperimentResult> results) {
        return writeDirectory(outDir, "validate", tmp -> render(tmp, info, results));
    }

    /** Renders the files of a report into a fresh directory. */
    @FunctionalInterface
    public interface Renderer {
        void render(Path dir) throws IOException;
    }

    /**
     * Writes a report directory as {@link #write} does (built in a temporary sibling, then swapped in; the same
     * refusals), its files rendered by {@code renderer}; {@code command} names the command in the marker file.
     *
     * @return the path of {@code index.html}
     */
    public static Path writeDirectory(Path outDir, String command, Renderer renderer) {
        Path out = outDir.toAbsolutePath().normalize();
        try {
            checkReplaceable(outDir, out);
            Path parent = out.getParent();
            Files.createDirectories(parent);
            AtomicFiles.removeStale(parent, "." + out.getFileName() + ".", ".tmp"); // left by killed runs
            AtomicFiles.removeStale(parent, "." + out.getFileName() + ".", ".old");
            Path tmp = Files.createDirectory(tempSibling(out, ".tmp"));
            AtomicFiles.removeOnExit(tmp); // Ctrl-C or SIGTERM while rendering
            try {
                renderer.render(tmp);
                Files.writeString(tmp.resolve(MARKER), "written by nngeom " + command + "; this directory is replaced by the next report\n");
                swapIn(tmp, out);
            } finally {
                if (Files.exists(tmp)) {
                    deleteTree(tmp);
                }
                AtomicFiles.done(tmp);
            }
            return out.resolve("index.html");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks, before any work is done, that {@code outDir} may receive a report: it is missing, empty, or a
     * previous nngeom report.
     *
     * @throws InputException naming {@code --out} otherwise
     */
    public static void checkTarget(Path outDir) {
        try {
            checkReplaceable(outDir, outDir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw InputException.of("--out " + outDir, "cannot read directory: " + e.getMessage());
        }
    }

    private static void checkReplaceable(Path given, Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw InputException.of("--out " + given, "exists and is not a directory");
        }
        if (Files.exists(out.resolve(MARKER))) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            if (ds.iterator().hasNext()) {
                throw InputException.of("--out " + given, "directory exists, is not empty and is not an nngeom report; choose another directory");
            }
        }
    }

    private static void swapIn(Path tmp, Path out) throws IOException {
        Path old = null;
        if (Files.exists(out)) {
            old = tempSibling(out, ".old");
            move(out, old);
        }
        move(tmp, out);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** A fresh hidden name next to {@code target}: {@code .NAME.<pid>-<clock>-<n><suffix>}. */
    private static Path tempSibling(Path target, String suffix) {
        String unique = ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & Long.MAX_VALUE, 36)
                + "-" + COUNTER.incrementAndGet();
        return target.resolveSibling("." + target.getFileName() + "." + unique + suffix);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Writes index.html and the figures into {@code dir}. */
    static void render(Path dir, ReportInfo info, List<ExperimentResult> results) throws IOException {
        ReportPage page = ReportModel.build(dir, info, results);
        StringOutput html = new StringOutput(1 << 16);
        TEMPLATES.render("index.jte", page, html);
        Files.writeString(dir.resolve("index.html"), html.toString(), StandardCharsets.UTF_8);
    }
}
