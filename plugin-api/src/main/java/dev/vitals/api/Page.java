package dev.vitals.api;

import gg.jte.Content;

/**
 * What a plugin page renders: a title and the body, which the host wraps in the portal's layout (header,
 * navigation, one look).
 *
 * @param title the page title, shown in the browser tab and as the heading
 * @param body the page's content, usually a precompiled jte template of the plugin
 */
public record Page(String title, Content body) {
}
