package dev.vitals.plugins.priorities.backlog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The decision log written out: Markdown with one MADR-style record per decision, and CSV. */
public final class DecisionExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private DecisionExport() {
    }

    public static String markdown(List<Decision> decisions, ZoneId zone) {
        StringBuilder out = new StringBuilder("# Decision log\n");
        for (Decision d : decisions) {
            out.append("\n## ").append(d.id()).append(". ").append(headline(d)).append("\n\n");
            out.append("* Status: accepted\n");
            out.append("* Deciders: ").append(line(d.decidedBy())).append('\n');
            out.append("* Date: ").append(DAY.format(d.decidedAt().atZone(zone))).append("\n\n");
            out.append("### Context and Problem Statement\n\n");
            out.append(capitalised(d.level())).append(" ").append(d.item()).append(", \"").append(line(d.title()))
                    .append("\", owned by ").append(d.owner()).append(".\n\n");
            out.append("### Decision Outcome\n\n");
            out.append(change(d)).append(", because: ").append(line(d.reason())).append("\n");
        }
        return out.toString();
    }

    static String headline(Decision d) {
        return switch (d.kind()) {
            case "rank" -> "Rank of \"" + line(d.title()) + "\" among " + d.level() + " items of " + d.owner() + ": "
                    + d.from() + " → " + d.to();
            case "org-rank" -> "Top-priority rank of \"" + line(d.title()) + "\": " + d.from() + " → " + d.to();
            default -> "Status of \"" + line(d.title()) + "\": " + d.from() + " → " + d.to();
        };
    }

    private static String change(Decision d) {
        return d.kind().equals("status") ? "Status changed from " + d.from() + " to " + d.to()
                : "Moved from place " + d.from() + " to place " + d.to();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Keeps a value on one line, so that free text cannot add headings to the record. */
    private static String line(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").trim();
    }

    public static String csv(List<Decision> decisions) {
        StringBuilder out = new StringBuilder("id,item,title,level,owner,kind,from,to,reason,decided_by,decided_at\n");
        for (Decision d : decisions) {
            out.append(d.id()).append(',').append(d.item()).append(',').append(cell(d.title())).append(',')
                    .append(d.level()).append(',').append(cell(d.owner())).append(',').append(d.kind()).append(',')
                    .append(cell(d.from())).append(',').append(cell(d.to())).append(',').append(cell(d.reason()))
                    .append(',').append(cell(d.decidedBy())).append(',').append(d.decidedAt()).append('\n');
        }
        return out.toString();
    }

    /**
     * A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a leading =, +, - or @ is
     * prefixed with a quote mark so a spreadsheet does not run it as a formula.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
