package dev.vitals.plugins.priorities.pages;

/**
 * A team or program as the pages offer it.
 *
 * @param ref its reference, e.g. {@code group:default/payments}
 * @param title its title
 * @param program true for a program
 */
public record Owner(String ref, String title, boolean program) {
}
