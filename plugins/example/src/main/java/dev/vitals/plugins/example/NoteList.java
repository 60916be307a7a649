package dev.vitals.plugins.example;

import java.util.List;

/**
 * The body of {@code GET /api/example/notes}: JSON goes out through records, never through maps.
 *
 * @param notes the latest notes, newest first
 */
public record NoteList(List<Note> notes) {
}
