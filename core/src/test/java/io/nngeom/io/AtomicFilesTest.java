package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long entries(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void writesAndCreatesParentDirectories() throws IOException {
        Path f = dir.resolve("a/b/c.txt");
        AtomicFiles.writeString(f, "héllo\n");
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("héllo\n");
        assertThat(entries(f.getParent())).isEqualTo(1);
    }

    @Test
    void writtenFilesHaveTheDefaultPermissions() throws IOException {
        Path reference = Files.write(dir.resolve("reference"), new byte[] {1});
        Path f = dir.resolve("atomic");
        AtomicFiles.write(f, new byte[] {1});
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(reference));
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path f = dir.resolve("x.bin");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        AtomicFiles.write(f, new byte[] {4});
        assertThat(Files.readAllBytes(f)).containsExactly(4);
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void aFailingWriteLeavesNoFileAndNoTempFile() throws IOException {
        Path f = dir.resolve("out.json");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[1000]);
            throw new IllegalStateException("boom");
        }));
        assertThat(e).hasMessage("boom");
        assertThat(entries(dir)).isZero();
    }

    @Test
    void aFailingWriteKeepsTheOldContent() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "old");
        String problem = InputErrors.problem(f, () -> AtomicFiles.write(f, out -> {
            out.write('n');
            throw new IOException("disk full");
        }));
        assertThat(problem).isEqualTo("cannot write: disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void aDirectoryInTheWayIsAnInputError() throws IOException {
        Path d = Files.createDirectory(dir.resolve("taken"));
        assertThat(InputErrors.problem(d, () -> AtomicFiles.writeString(d, "x"))).isEqualTo("cannot write: is a directory");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path below = file.resolve("sub/out.txt");
        assertThat(InputErrors.problem(below, () -> AtomicFiles.writeString(below, "x"))).startsWith("cannot write: ");
        assertThat(entries(dir)).isEqualTo(2);
    }
}
