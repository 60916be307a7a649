package dev.vitals.web.pages;

import dev.vitals.api.FieldError;
import gg.jte.Content;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The page a browser sees when something goes wrong: what happened, which fields were at fault and what to do next,
 * inside the portal's whole frame (navigation included), so that the way on is one click away.
 */
public final class ErrorPage {

    private ErrorPage() {
    }

    public static void render(Context ctx, int status, String title, String detail) {
        render(ctx, status, title, detail, List.of());
    }

    public static void render(Context ctx, int status, String title, String detail, List<FieldError> errors) {
        Content body = Templates.content("error.jte", Map.of("status", status, "detail", detail,
                "advice", advice(status), "errors", errors));
        ctx.status(status);
        Layout layout = ctx.attribute(Layout.ATTRIBUTE);
        if (layout != null) {
            layout.render(ctx, title, body);
            ctx.status(status);
            return;
        }
        ctx.html(Templates.render("layout.jte", Map.of(
                "title", title,
                "nav", List.of(new NavLink("Home", "/")),
                "current", ctx.path(),
                "body", body)));
    }

    private static String advice(int status) {
        if (status == 404) {
            return "Check the address, or start again from the home page.";
        }
        if (status == 401 || status == 403) {
            return "Sign in with an account that has access, or ask an admin for the role you need.";
        }
        if (status >= 500) {
            return "Try again in a moment. If it keeps happening, an admin can see the error on the plugins page and in the portal's log.";
        }
        return "Go back and correct the input.";
    }
}
