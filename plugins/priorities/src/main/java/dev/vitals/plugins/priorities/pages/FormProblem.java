package dev.vitals.plugins.priorities.pages;

import dev.vitals.api.FieldError;
import dev.vitals.api.Page;
import dev.vitals.api.ProblemException;
import dev.vitals.api.ui.Flash;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** A form that could not be saved: the problem in words with the fields at fault, and the way back. */
final class FormProblem {

    private FormProblem() {
    }

    /**
     * Runs a form's change; a refusal becomes a page with its status instead of the portal's error page, a success
     * leaves its confirmation for the page the browser goes back to.
     */
    static Page run(Context ctx, String back, String confirmation, Runnable change) {
        try {
            change.run();
            Flash.confirm(ctx, confirmation);
            return Page.seeOther(ctx, back);
        } catch (ProblemException e) {
            ctx.status(e.status());
            List<FieldError> errors = e.errors();
            return new Page("Not saved", Templates.render("problem.jte", Map.of("detail", e.getMessage(),
                    "errors", errors, "back", back)));
        }
    }
}
