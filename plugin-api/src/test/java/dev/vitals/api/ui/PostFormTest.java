package dev.vitals.api.ui;

import static dev.vitals.api.ui.Rendered.html;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.RequestCaller;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostFormTest {

    private static RequestCaller withToken(Optional<String> token) {
        return new RequestCaller() {
            @Override
            public String name() {
                return "rita";
            }

            @Override
            public boolean mayEdit(EntityRef entity) {
                return true;
            }

            @Override
            public Optional<String> formToken() {
                return token;
            }
        };
    }

    @Test
    void theFormCarriesTheSessionsFormTokenBeforeItsFields() {
        String html = html(PostForm.to(withToken(Optional.of("t0k3n")), "/p/example/notes",
                out -> out.writeContent("<button type=\"submit\">Save</button>")).withClass("edit"));

        assertEquals("<form method=\"post\" action=\"/p/example/notes\" class=\"edit\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"t0k3n\"><button type=\"submit\">Save</button></form>",
                html);
    }

    @Test
    void aCallerWithoutATokenStillGetsTheFieldEmpty() {
        assertEquals("<form method=\"post\" action=\"/x\"><input type=\"hidden\" name=\"_csrf\" value=\"\"></form>",
                html(PostForm.to(RequestCaller.NOBODY, "/x", out -> { })));
    }

    @Test
    void actionClassAndTokenAreEscaped() {
        assertEquals("<form method=\"post\" action=\"/x?a=1&amp;b=&#34;\" class=\"&#34;>\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"&#34;>&lt;\"></form>",
                html(PostForm.to(withToken(Optional.of("\"><")), "/x?a=1&b=\"", out -> { }).withClass("\">")));
    }
}
