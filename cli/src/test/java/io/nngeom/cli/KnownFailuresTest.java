package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --known-failures}: known failures still count as failed, but only unknown ones give exit 1. */
class KnownFailuresTest {
    @TempDir
    Path tmp;

    private Cli validate(String only, Path list) {
        return Cli.run("validate", "--quick", "--only", only, "--out", tmp.resolve("rep-" + System.nanoTime()).toString(),
                "--known-failures", list.toString(), "--quiet");
    }

    @Test
    void everyFailureKnownGivesExitZeroButStillCountsAsFailed() {
        Path list = TestData.write(tmp.resolve("known.txt"), "# checks that do not hold\nselftest.fail  the bound is violated by design\n");
        Cli r = validate("selftest.pass,selftest.fail", list);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("known failure selftest.fail: the bound is violated by design");
        assertThat(r.lastOutLine()).isEqualTo("1 passed, 1 failed");
    }

    @Test
    void anUnknownFailureStillGivesExitOne() {
        Path list = TestData.write(tmp.resolve("known.txt"), "selftest.fail  by design\n");
        Cli r = validate("selftest.fail,selftest.throws", list);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.lastOutLine()).isEqualTo("0 passed, 2 failed");
    }

    @Test
    void aListedExperimentThatPassesIsPointedOut() {
        Path list = TestData.write(tmp.resolve("known.txt"), "selftest.pass  should fail but does not\n");
        Cli r = validate("selftest.pass", list);
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("selftest.pass is listed in").contains("did not fail");
    }

    @Test
    void malformedListsAreOneLineErrors() {
        Path unknown = TestData.write(tmp.resolve("a.txt"), "no.such.experiment  reason\n");
        Path noReason = TestData.write(tmp.resolve("b.txt"), "\nselftest.fail\n");
        for (Path list : new Path[] {unknown, noReason, tmp.resolve("missing.txt")}) {
            Cli r = validate("selftest.pass", list);
            assertThat(r.code()).as(list.toString()).isEqualTo(2);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.err()).contains(list.getFileName().toString());
        }
        assertThat(validate("selftest.pass", noReason).err()).contains("line 2").contains("needs a reason");
    }
}
