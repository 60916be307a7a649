package dev.vitals.core.catalog;

/**
 * Why one entity, document or file could not be imported.
 *
 * @param file the file or URL it came from
 * @param document the index of the YAML document in that file, from 0; -1 for the file as a whole
 * @param field the field at fault, e.g. {@code spec.owner}; empty for the document as a whole
 * @param reason what is wrong and what is expected
 */
public record ImportProblem(String file, int document, String field, String reason) {

    @Override
    public String toString() {
        return file + (document >= 0 ? " document " + document : "") + (field.isEmpty() ? "" : " field " + field)
                + ": " + reason;
    }
}
