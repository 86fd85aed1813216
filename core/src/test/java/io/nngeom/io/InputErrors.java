package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nngeom.run.InputException;
import org.junit.jupiter.api.function.Executable;

/** Asserts the shape of user-facing errors: an {@link InputException} of one line "SOURCE: what is wrong". */
final class InputErrors {
    private InputErrors() {
    }

    /** Runs {@code body}, expects an InputException whose one-line message starts with "SOURCE: "; returns the part after it. */
    static String problem(Object source, Executable body) {
        InputException e = assertThrows(InputException.class, body);
        String m = e.getMessage();
        assertThat(m).doesNotContain("\n").doesNotContain("\r");
        assertThat(m).startsWith(source + ": ");
        return m.substring((source + ": ").length());
    }
}
