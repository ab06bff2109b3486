package org.scratchnet.web;

/**
 * A request the playground refuses, with a one-line message for the page and the HTTP status to
 * send (400 unless said otherwise). Never carries a stack trace to the client.
 */
public final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public BadRequest(String message) {
        this(400, message);
    }

    public BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
