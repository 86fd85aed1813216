package io.nngeom.cli.lowrank;

import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.Tables;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The joint law of a lowrank command: {@code --pxy FILE} or {@code --data FILE --x COL --y COL}. */
final class LawOptions {
    @Option(names = "--pxy", paramLabel = "FILE",
            description = "Joint table P[y][x] of probabilities or counts: CSV (optional header of x names, optional first column of y names) or NPY.")
    Path pxy;

    @Option(names = "--data", paramLabel = "FILE", description = "CSV of paired categorical samples (with a header); use with --x and --y.")
    Path data;

    @Option(names = "--x", paramLabel = "COL", description = "Column of X in --data.")
    String x;

    @Option(names = "--y", paramLabel = "COL", description = "Column of Y in --data.")
    String y;

    JointDistribution read() {
        if (pxy != null && data != null) {
            throw new InputException("--pxy and --data: give one of them, not both");
        }
        if (pxy != null) {
            if (x != null || y != null) {
                throw new InputException("--x/--y: only with --data");
            }
            return Tables.readJoint(pxy);
        }
        if (data != null) {
            if (x == null || y == null) {
                throw new InputException("--data: needs both --x COL and --y COL");
            }
            return Tables.readSamples(data, x, y);
        }
        throw new InputException("--pxy FILE or --data FILE --x COL --y COL: no joint law given");
    }
}
