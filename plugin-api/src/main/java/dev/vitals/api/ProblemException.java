package dev.vitals.api;

import java.util.List;

/**
 * Thrown from a route handler to answer with an RFC 9457 {@code application/problem+json} body. The host renders
 * it; nothing the handler wrote before is kept.
 *
 * @since 1.0.0
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    /**
     * @param status the HTTP status, 4xx; the problem's title is the status's reason phrase
     * @param detail this occurrence in words: what is wrong and what to do
     * @param errors the fields at fault, possibly none
     */
    public ProblemException(int status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** 422: the input was well-formed but its content is wrong. @param detail in words @param errors the fields */
    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(422, detail, errors);
    }

    /** 409: the input contradicts what is already stored. @param detail in words @return the exception */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail, List.of());
    }

    /** 404: the thing named in the URL does not exist. @param detail in words @return the exception */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail, List.of());
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the fields at fault */
    public List<FieldError> errors() {
        return errors;
    }
}
