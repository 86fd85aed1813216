package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during a write leaves no temporary file; one left by a killed process is removed by the next write. */
class AtomicFilesInterruptTest {
    @TempDir
    Path dir;

    /** Child process: starts writing {@code args[0]}, says "started", then waits to be terminated. */
    public static void main(String[] args) {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[100_000]);
            out.flush();
            System.out.println("started");
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sigtermDuringAWriteRemovesTheTemporaryFile() throws Exception {
        Path target = dir.resolve("out.bin");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AtomicFilesInterruptTest.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("started");
            assertThat(names()).hasSize(1).allMatch(n -> n.startsWith(".out.bin.") && n.endsWith(".tmp"));
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void aStaleTemporaryFileOfADeadProcessIsRemovedByTheNextWrite() throws IOException {
        Path dead = Files.writeString(dir.resolve(".m.json.999999999-abc-1.tmp"), "left by a killed run");
        Path live = Files.writeString(dir.resolve(".m.json." + ProcessHandle.current().pid() + "-abc-1.tmp"), "being written");
        AtomicFiles.writeString(dir.resolve("m.json"), "{}");
        assertThat(dead).doesNotExist();
        assertThat(live).exists();
    }
}
