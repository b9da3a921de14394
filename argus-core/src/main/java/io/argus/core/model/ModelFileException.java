package io.argus.core.model;

import java.nio.file.Path;

/**
 * A model file (safetensors, https://github.com/huggingface/safetensors) that is malformed, truncated
 * or holds something Argus cannot represent; the message starts with the file path, then says what was
 * wrong, with the expected and the actual value.
 */
public class ModelFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Not serialized: Argus never uses Java serialization, and Path is not serializable. */
    private final transient Path file;

    /**
     * Creates the exception from a complete message, which must itself start with the file path.
     *
     * @param message the file path, then what was wrong, expected versus actual
     */
    public ModelFileException(String message) {
        super(message);
        this.file = null;
    }

    /**
     * Creates the exception from a complete message, which must itself start with the file path.
     *
     * @param message the file path, then what was wrong, expected versus actual
     * @param cause the underlying failure
     */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
    }

    /**
     * Creates the exception.
     *
     * @param file the offending file
     * @param problem what was wrong, expected versus actual
     */
    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /**
     * Creates the exception with its cause.
     *
     * @param file the offending file
     * @param problem what was wrong, expected versus actual
     * @param cause the underlying failure
     */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /**
     * The offending file, when it was given separately from the message.
     *
     * @return the path as given to the reader or writer, or null
     */
    public Path file() {
        return file;
    }
}
