package dev.vitals.web.pages;

/**
 * A link in the top navigation.
 *
 * @param label the text
 * @param href where it goes
 */
public record NavLink(String label, String href) {
}
