package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsTheSubcommands() {
        Cli r = Cli.run("--help");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("Usage: nngeom").contains("validate");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutACommandTheListIsShown() {
        Cli r = Cli.run();
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("Commands:").contains("validate");
    }

    @Test
    void versionNamesNngeomAndItsVersion() {
        Cli r = Cli.run("--version");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.outLines().get(0)).isEqualTo("nngeom " + RunInfo.currentVersion());
    }

    @Test
    void unknownCommandOrOptionIsOneLineExitTwo() {
        Cli a = Cli.run("frobnicate");
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.errLines()).hasSize(1);
        assertThat(a.err()).startsWith("nngeom: ").contains("frobnicate");

        Cli b = Cli.run("validate", "--frobnicate");
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.errLines()).containsExactly("nngeom: Unknown option: '--frobnicate'");
        assertThat(b.out()).isEmpty();
    }

    @Test
    void aMistypedCommandGetsASuggestionOnTheSameLine() {
        Cli r = Cli.run("trian", "--data", "x.csv");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("'trian'").contains("did you mean train");
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"validate", "train", "eval", "info"}) {
            Cli r = Cli.run(c, "--help");
            assertThat(r.code()).as(c).isEqualTo(0);
            assertThat(r.out()).as(c).contains("Usage: nngeom " + c).contains("--json").contains("--seed");
        }
    }

    @Test
    void badOptionValueNamesTheOption() {
        Cli r = Cli.run("validate", "--seed", "abc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--seed").contains("abc");
    }

    @Test
    void debugAddsTheStackTraceToParameterErrors() {
        Cli r = Cli.run("validate", "--seed", "abc", "--debug");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("nngeom: ").contains("--seed");
        assertThat(r.errLines().size()).isGreaterThan(1);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void debugAddsTheStackTraceToInputErrors() {
        Cli plain = Cli.run("validate", "--only", "nothing.*");
        assertThat(plain.errLines()).hasSize(1);
        Cli debug = Cli.run("validate", "--only", "nothing.*", "--debug");
        assertThat(debug.code()).isEqualTo(2);
        assertThat(debug.errLines().get(0)).isEqualTo(plain.errLines().get(0));
        assertThat(debug.err()).contains("InputException").contains("\tat ");
    }

    @Test
    void inputExceptionAnywhereInTheCauseChainIsExitTwo() {
        StringWriter err = new StringWriter();
        int code = Main.handle(new RuntimeException("wrapper", InputException.of("data.csv", "line 3: 'x' is not a number")),
                new PrintWriter(err), false);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("nngeom: data.csv: line 3: 'x' is not a number" + System.lineSeparator());
    }

    @Test
    void missingFileFromTheFileSystemIsExitTwo() {
        StringWriter err = new StringWriter();
        int code = Main.handle(new UncheckedIOException(new NoSuchFileException("model.json")), new PrintWriter(err), false);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("nngeom: model.json: no such file or directory");
    }

    @Test
    void otherExceptionsAreInternalErrorsExitOneWithOneLine() {
        StringWriter err = new StringWriter();
        int code = Main.handle(new IllegalStateException("bug\nsecond line"), new PrintWriter(err), false);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString()).contains("internal error").contains("bug second line").contains("--debug");

        StringWriter err2 = new StringWriter();
        Main.handle(new IllegalStateException("bug"), new PrintWriter(err2), true);
        assertThat(err2.toString()).contains("\tat ");
    }
}
