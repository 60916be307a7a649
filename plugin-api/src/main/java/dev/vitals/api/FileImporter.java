package dev.vitals.api;

import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * A file importer a plugin offers on the portal's command line, for files too large or too many to send over HTTP:
 * {@code java -jar vitals.jar import <pluginId> FILE…} starts the portal's database and plugins without serving HTTP
 * and hands the plugin each file in turn, printing its progress and its summary. The first file that fails stops the
 * command with the exception's message.
 *
 * <pre>{@code
 * public Optional<FileImporter> fileImporter() {
 *     return Optional.of((file, progress) -> {
 *         long rows = billing.importFile(file, progress);      // calls progress.accept(rowsSoFar) now and then
 *         return rows + " rows";
 *     });
 * }
 * }</pre>
 *
 * @since 2.1.0
 */
@FunctionalInterface
public interface FileImporter {

    /**
     * Imports one file, as the plugin's HTTP import would.
     *
     * @param file the file as named on the command line
     * @param progress told how many records are done so far, as often as suits the plugin; the host prints each
     * @return one line saying what was imported, which the host prints
     * @throws Exception when the file is not imported; the host prints the message and the command fails
     * @since 2.1.0
     */
    String importFile(Path file, LongConsumer progress) throws Exception;
}
