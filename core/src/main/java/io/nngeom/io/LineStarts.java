package io.nngeom.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A reader that remembers where each line starts (after {@code \n}, {@code \r\n} or a lone {@code \r}), so that a
 * character position can be turned into a 1-based line number without keeping the text: 4 bytes per line.
 */
final class LineStarts extends FilterReader {
    private int[] starts = {0};
    private int lines = 1;
    private long pos;
    private boolean afterCr;

    LineStarts(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            see(buf[off + i]);
        }
        return n;
    }

    private void see(char c) {
        if (afterCr && c != '\n') {
            add(pos); // a lone \r ended the line before this character
        }
        afterCr = c == '\r';
        pos++;
        if (c == '\n') {
            add(pos);
        }
    }

    private void add(long start) {
        if (lines == starts.length) {
            starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = (int) Math.min(start, Integer.MAX_VALUE);
    }

    /** The 1-based line of a character position (of characters read so far). */
    int lineOf(long position) {
        int k = Arrays.binarySearch(starts, 0, lines, (int) Math.min(position, Integer.MAX_VALUE));
        return k >= 0 ? k + 1 : -k - 1;
    }
}
