package dev.vitals.plugins.priorities.pages;

import io.javalin.http.Context;

/** Where a form sends the browser once saved: a page of this plugin the form names, never another site. */
final class Back {

    private Back() {
    }

    static String to(Context ctx, String prefix, String fallback) {
        String back = ctx.formParam("back");
        if (back != null && back.startsWith(prefix) && !back.startsWith("//") && !back.contains("\\")
                && back.chars().noneMatch(c -> c < 0x20)) {
            return back;
        }
        return fallback;
    }
}
