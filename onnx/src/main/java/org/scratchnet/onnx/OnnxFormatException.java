package org.scratchnet.onnx;

/** A one-line problem with an ONNX file or graph; the message starts with the file's name. */
public final class OnnxFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxFormatException(String message) {
        super(message.replace('\n', ' ').replace('\r', ' '));
    }
}
