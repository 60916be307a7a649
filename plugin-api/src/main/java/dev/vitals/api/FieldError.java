package dev.vitals.api;

/**
 * What is wrong with one field of the input, in words that tell the caller how to fix it.
 *
 * @param field where the problem is: a JSON pointer-like path such as {@code [3].minute} or {@code objective}
 * @param reason what is wrong and what is expected, e.g. {@code "must be on a minute boundary, got 10:04:30Z"}
 * @since 1.0.0
 */
public record FieldError(String field, String reason) {
}
