package dev.vitals.api.ui;

import gg.jte.Content;
import gg.jte.output.StringOutput;

/** The HTML a partial writes, as a page would receive it. */
final class Rendered {

    private Rendered() {
    }

    static String html(Content content) {
        StringOutput out = new StringOutput();
        content.writeTo(out);
        return out.toString();
    }
}
