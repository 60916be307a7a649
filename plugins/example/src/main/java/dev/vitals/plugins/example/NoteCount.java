package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;

/**
 * How many notes a service has.
 *
 * @param service the service
 * @param notes the number of its notes
 */
record NoteCount(EntityRef service, int notes) {
}
