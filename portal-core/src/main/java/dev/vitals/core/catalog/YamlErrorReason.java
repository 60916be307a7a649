package dev.vitals.core.catalog;

import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Says why a document is not valid YAML by line and column, without its text. SnakeYAML's messages carry a snippet
 * of the document, and some problems name what was found there (a duplicate key, an alias, a character); a catalog
 * file may hold anything, and import errors are shown on pages and in API answers, so only wording known to be
 * SnakeYAML's own is kept.
 */
final class YamlErrorReason {

    /** Problems whose whole text is SnakeYAML's: grammar words, token names in angle brackets, limits as numbers. */
    private static final List<Pattern> OWN_WORDING = List.of(
            Pattern.compile("(mapping values|sequence entries|mapping keys) are not allowed here"),
            Pattern.compile("could not find expected ':'"),
            Pattern.compile("found unexpected (end of stream|document separator)"),
            Pattern.compile("expected (<[a-z ]+>|'<[a-z ]+>'|'[,\\]}]' or '[,\\]}]'), but (found|got) '?<[a-z ]+>'?"),
            Pattern.compile("Number of aliases for non-scalar nodes exceeds the specified max=\\d+"),
            Pattern.compile("Nesting Depth exceeded max \\d+"),
            Pattern.compile("The incoming YAML document exceeds the limit: \\d+ code points\\."),
            Pattern.compile("Recursive key for mapping is detected, but it is not configured to be allowed\\."));
    private static final Pattern CONTEXT = Pattern.compile("while (scanning|parsing|constructing) an? [a-z -]+");

    private YamlErrorReason() {
    }

    static String of(YAMLException e) {
        if (e instanceof DuplicateKeyException d) {
            return "not valid YAML" + at(d.getProblemMark()) + ": a key appears twice in one mapping";
        }
        if (e instanceof MarkedYAMLException m) {
            Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            String context = m.getContext() != null && CONTEXT.matcher(m.getContext().trim()).matches()
                    ? m.getContext().trim() + ", " : "";
            return "not valid YAML" + at(mark) + ": " + context + wording(m.getProblem());
        }
        return "not valid YAML: " + wording(e.getMessage());
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String wording(String problem) {
        String first = problem == null ? "" : problem.lines().findFirst().orElse("").trim();
        return OWN_WORDING.stream().anyMatch(p -> p.matcher(first).matches()) ? first : "the text does not parse here";
    }
}
