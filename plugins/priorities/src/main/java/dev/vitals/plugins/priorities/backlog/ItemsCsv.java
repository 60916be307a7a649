package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Items as CSV, in the API's shape: one column per field of {@link NewItem}, nested ones as {@code rice.reach},
 * services joined with {@code ;}. Export adds the read-only {@code id}, {@code rank}, {@code riceScore} and
 * {@code wsjfScore}, which an import ignores, so an exported file imports as it is. An import is all or nothing, as
 * an array posted to {@code /items}; its errors name the row from 0 ({@code [3].quarter}).
 */
public final class ItemsCsv {

    static final List<String> COLUMNS = List.of("key", "title", "level", "parent", "parentKey", "owner", "horizon",
            "investment", "status", "estimateWeeks", "quarter", "services", "rice.reach", "rice.impact",
            "rice.confidence", "rice.effort", "wsjf.businessValue", "wsjf.timeCriticality", "wsjf.riskReduction",
            "wsjf.jobSize");
    static final Set<String> READ_ONLY = Set.of("id", "rank", "riceScore", "wsjfScore");
    static final int MAX_ROWS = 1000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    public static final RouteDoc EXPORT = RouteDoc.of("Export backlog items as CSV, in the API's shape")
            .query(RouteParam.optional("level", "theme, epic, feature, story or task"),
                    RouteParam.optional("owner", "a team (payments) or a program (program:availability)"),
                    RouteParam.optional("status", "proposed, ready, in-progress, done or dropped"),
                    RouteParam.optional("quarter", "e.g. 2027-Q1"),
                    RouteParam.optional("sort", "rank (the default), rice or wsjf"))
            .returns(200, RouteDoc.Body.text("text/csv", String.join(",", header()) + "\n"));

    public static final RouteDoc IMPORT = RouteDoc.of("Import backlog items from CSV, all or nothing")
            .description("The columns of the export (id, rank and the scores are ignored); title, level, owner, "
                    + "horizon and investment are required. Up to 1,000 rows, checked and stored as an array posted "
                    + "to /items: parents by id or by the key of an earlier row, errors naming the row from 0.")
            .accepts(RouteDoc.Body.text("text/csv", """
                    key,title,level,parentKey,owner,horizon,investment,estimateWeeks,quarter,services
                    PAY-1,Reliable checkout,theme,,payments,immediate,foundation,,,
                    PAY-2,Card retries,epic,PAY-1,payments,immediate,foundation,6,2027-Q1,billing-api
                    """))
            .returns(201, RouteDoc.Body.json(Item[].class));

    private final ItemsApi items;
    private final ItemStore store;

    public ItemsCsv(ItemsApi items, ItemStore store) {
        this.items = items;
        this.store = store;
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("id", "rank"));
        header.addAll(COLUMNS);
        header.addAll(List.of("riceScore", "wsjfScore"));
        return header;
    }

    /** {@code GET /items.csv}. */
    public void export(Context ctx) {
        ItemList list = store.list(ItemsApi.filter(ctx), ItemsApi.sort(ctx), 1, 100_000, items.score());
        StringBuilder out = new StringBuilder(String.join(",", header())).append('\n');
        for (Item i : list.items()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(i.id()), String.valueOf(i.rank()),
                    text(i.key()), i.title(), i.level(), i.parent() == null ? "" : String.valueOf(i.parent()), "",
                    i.owner(), i.horizon(), i.investment(), i.status(), number(i.estimateWeeks()), text(i.quarter()),
                    String.join(";", i.services())));
            RiceInputs rice = i.rice();
            cells.addAll(rice == null ? List.of("", "", "", "") : List.of(number(rice.reach()), number(rice.impact()),
                    number(rice.confidence()), number(rice.effort())));
            WsjfInputs wsjf = i.wsjf();
            cells.addAll(wsjf == null ? List.of("", "", "", "") : List.of(number(wsjf.businessValue()),
                    number(wsjf.timeCriticality()), number(wsjf.riskReduction()), number(wsjf.jobSize())));
            cells.add(number(i.riceScore()));
            cells.add(number(i.wsjfScore()));
            out.append(String.join(",", cells.stream().map(DecisionExport::cell).toList())).append('\n');
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"backlog.csv\"").result(out.toString());
    }

    /** {@code POST /items.csv}. */
    public void importCsv(Context ctx) {
        List<NewItem> rows = read(utf8(ctx.bodyAsBytes()));
        ctx.status(201).json(items.create(ctx, rows, true));
    }

    /** The body as text; bytes that are not UTF-8 are refused rather than turned into U+FFFD and stored. */
    static String utf8(byte[] body) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProblemException(400, "the file is not UTF-8 text; send CSV as UTF-8",
                    List.of(new FieldError("(file)", "must be UTF-8 text")));
        }
    }

    static List<NewItem> read(String csv) {
        List<FieldError> errors = new ArrayList<>();
        List<NewItem> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), FORMAT)) {
            List<String> names = parser.getHeaderNames();
            for (String name : names) {
                if (!COLUMNS.contains(name) && !READ_ONLY.contains(name)) {
                    errors.add(new FieldError(name, "is not a column of an item; the columns are "
                            + String.join(", ", header())));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable("nothing was stored: the header names unknown columns", errors);
            }
            int row = 0;
            for (CSVRecord record : parser) {
                if (row >= MAX_ROWS) {
                    throw ProblemException.unprocessable("nothing was stored", List.of(new FieldError("(file)",
                            "holds more than " + MAX_ROWS + " rows; split it")));
                }
                rows.add(row(record, "[" + row + "].", errors));
                row++;
            }
        } catch (CSVException | UncheckedIOException e) {
            throw ProblemException.unprocessable("nothing was stored: the file is not valid CSV",
                    List.of(new FieldError("(file)", String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("nothing was stored: " + errors.size() + " fields are wrong", errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("nothing was stored", List.of(new FieldError("(file)",
                    "holds no rows under its header")));
        }
        return rows;
    }

    private static NewItem row(CSVRecord record, String prefix, List<FieldError> errors) {
        Function<String, String> text = column -> {
            String value = record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
            return value.isEmpty() ? null : value;
        };
        Function<String, BigDecimal> number = column -> {
            String value = text.apply(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                errors.add(new FieldError(prefix + column, "must be a number, got '" + value + "'"));
                return null;
            }
        };
        Long parent = null;
        BigDecimal parentNumber = number.apply("parent");
        if (parentNumber != null) {
            try {
                parent = parentNumber.longValueExact();
            } catch (ArithmeticException e) {
                errors.add(new FieldError(prefix + "parent", "must be an item's id"));
            }
        }
        String services = text.apply("services");
        RiceInputs rice = anyOf(text, "rice.reach", "rice.impact", "rice.confidence", "rice.effort")
                ? new RiceInputs(number.apply("rice.reach"), number.apply("rice.impact"),
                        number.apply("rice.confidence"), number.apply("rice.effort")) : null;
        WsjfInputs wsjf = anyOf(text, "wsjf.businessValue", "wsjf.timeCriticality", "wsjf.riskReduction",
                "wsjf.jobSize") ? new WsjfInputs(number.apply("wsjf.businessValue"),
                        number.apply("wsjf.timeCriticality"), number.apply("wsjf.riskReduction"),
                        number.apply("wsjf.jobSize")) : null;
        return new NewItem(text.apply("key"), text.apply("title"), text.apply("level"), parent,
                text.apply("parentKey"), text.apply("owner"), text.apply("horizon"), text.apply("investment"),
                text.apply("status"), number.apply("estimateWeeks"), text.apply("quarter"),
                services == null ? null : Arrays.stream(services.split(";")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList(), rice, wsjf);
    }

    private static boolean anyOf(Function<String, String> text, String... columns) {
        return Arrays.stream(columns).anyMatch(c -> text.apply(c) != null);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
