package io.nngeom.run;

/**
 * Bad input from the user: a file, an option or a value that nngeom cannot accept. The message is one line
 * that names the file or option and says what is wrong; the CLI prints it and exits with status 2 (no stack
 * trace unless {@code --debug}). Library code throws it only for input that came from the user; programming
 * errors stay {@link IllegalArgumentException}.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(oneLine(message));
    }

    public InputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Line breaks quoted from a user's file (a name, a dtype) are shown escaped, so the message stays one line. */
    private static String oneLine(String m) {
        return m == null ? null : m.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** "{@code source}: {@code problem}", the shape of every message, e.g. "data.csv: line 4: 'x' is not a number". */
    public static InputException of(Object source, String problem) {
        return new InputException(source + ": " + problem);
    }
}
