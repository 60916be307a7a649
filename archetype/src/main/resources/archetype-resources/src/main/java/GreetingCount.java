package ${package};

import dev.vitals.api.EntityRef;

/**
 * How many greetings a service has.
 *
 * @param service the service
 * @param greetings the number of its greetings
 */
record GreetingCount(EntityRef service, int greetings) {
}
