package io.nngeom.cli;

/**
 * A command ran on valid input but could not deliver (training diverged, a certificate does not hold): exit
 * status 1 with the one-line message, no "internal error" and no stack trace unless {@code --debug}.
 */
public class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }
}
