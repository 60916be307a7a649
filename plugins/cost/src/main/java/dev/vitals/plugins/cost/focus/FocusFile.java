package dev.vitals.plugins.cost.focus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads a FOCUS CSV file row by row, as real exports write them: the columns in any order, {@code NULL} or nothing
 * for an absent value, a byte order mark, CRLF or LF, quoted JSON in {@code Tags}. Each row is checked and handed on
 * at once, so memory stays flat whatever the file's size; the first bad row stops the reading with a
 * {@link FocusProblem} naming row, column and reason.
 */
public final class FocusFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * RFC 4180 as FOCUS exports write it. A blank line is a record of one empty cell, skipped below without counting
     * as a row; no comment lines; records of any width, refused below against the header with its row; a character
     * after a closing quote is refused.
     */
    private static final CsvReader.CsvReaderBuilder FORMAT = CsvReader.builder()
            .commentStrategy(CommentStrategy.NONE)
            .skipEmptyLines(false)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .allowExtraCharsAfterClosingQuote(false)
            .trimWhitespacesAroundQuotes(false)
            .detectBomHeader(false);

    private static final String UNCLOSED = "the file ends inside a quoted cell, its closing quote is missing";

    private static final int BATCH = 256;
    private static final int BATCHES = 8;

    private final List<String> allocationKeys;

    /** @param allocationKeys the tag keys (or {@code x_…} columns) naming a row's service, first match wins */
    public FocusFile(List<String> allocationKeys) {
        this.allocationKeys = List.copyOf(allocationKeys);
    }

    /**
     * Reads the whole file.
     *
     * @param csv the file's text
     * @param sink receives each checked row, in file order
     * @return how many rows were read
     * @throws FocusProblem at the first row or header that cannot be imported
     * @throws IOException when the text cannot be read
     */
    public long read(Reader csv, Consumer<Charge> sink) throws IOException {
        QuotedCellText text = new QuotedCellText(withoutByteOrderMark(csv));
        try (CsvReader<CsvRecord> parser = FORMAT.ofCsvRecord(text)) {
            Lookahead records = new Lookahead(parser.iterator(), text);
            Optional<CsvRecord> first;
            try {
                first = records.next();
            } catch (CsvParseException | UncheckedIOException e) {
                throw new FocusProblem(1, Optional.empty(), "is not a CSV header: " + rootMessage(e));
            }
            if (first.isPresent() && records.unclosed()) {
                throw new FocusProblem(1, Optional.empty(), "is not a CSV header: " + UNCLOSED);
            }
            Header header = Header.of(first.map(CsvRecord::getFields).orElse(List.of()));
            try (Rows rows = new Rows(header, sink)) {
                long row = 1;
                while (true) {
                    Optional<CsvRecord> next;
                    try {
                        next = records.next();
                        if (next.isPresent() && records.unclosed()) {
                            throw new CsvParseException(UNCLOSED);
                        }
                    } catch (CsvParseException | UncheckedIOException e) {
                        throw rows.failedBefore(new FocusProblem(row + 1, Optional.empty(), "is not valid CSV: "
                                + rootMessage(e)));
                    }
                    if (next.isEmpty()) {
                        rows.finish();
                        return row - 1;
                    }
                    CsvRecord record = next.get();
                    row++;
                    int size = record.getFieldCount();
                    if (size == 1 && record.getField(0).isEmpty()) {
                        row--;          // a blank line, as some exports end with
                        continue;
                    }
                    if (size != header.size()) {
                        throw rows.failedBefore(new FocusProblem(row, Optional.empty(), "has " + size
                                + " cells where the header has " + header.size() + " columns"));
                    }
                    for (int i = 0; i < size; i++) {
                        // PostgreSQL text cannot hold NUL, and no FOCUS value has one.
                        if (record.getField(i).indexOf('\u0000') >= 0) {
                            throw rows.failedBefore(new FocusProblem(row, Optional.of(header.names().get(i)),
                                    "contains a NUL character"));
                        }
                    }
                    if (!rows.add(record, row)) {
                        rows.finish();          // a row before this one failed: finish throws its problem
                    }
                }
            }
        }
    }

    /**
     * The lexer's records one ahead, so that the last one is known as the last before it is used: only the last record
     * can be the one the file ends inside of, with its closing quote missing. A record the lexer cannot read is
     * thrown when its turn comes, after every record before it.
     */
    private static final class Lookahead {

        private final Iterator<CsvRecord> records;
        private final QuotedCellText text;
        private CsvRecord ahead;
        private RuntimeException failure;

        Lookahead(Iterator<CsvRecord> records, QuotedCellText text) {
            this.records = records;
            this.text = text;
            fetch();
        }

        /** @return the next record, or empty at the end */
        Optional<CsvRecord> next() {
            if (failure != null) {
                throw failure;
            }
            CsvRecord current = ahead;
            if (current != null) {
                fetch();
            }
            return Optional.ofNullable(current);
        }

        /** @return whether the record just returned was the last, and the file ended inside its quoted cell */
        boolean unclosed() {
            return ahead == null && failure == null && text.endedInsideQuotes();
        }

        private void fetch() {
            try {
                ahead = records.hasNext() ? records.next() : null;
            } catch (CsvParseException | UncheckedIOException e) {
                ahead = null;
                failure = e;
            }
        }
    }

    /**
     * The records on their way from the CSV lexer, on the reading thread, to a second thread that checks them, makes
     * the charges and hands them to the sink: on two cores one lexes the next rows while the other converts and
     * writes these. Batches of 256 records through a queue of 8, so memory stays flat.
     * The first problem wins in file order: a row the second thread refused came before any record still queued.
     */
    private final class Rows implements AutoCloseable {

        private static final List<Lexed> END = List.of();

        private final BlockingQueue<List<Lexed>> queue = new ArrayBlockingQueue<>(BATCHES);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread worker;
        private List<Lexed> batch = new ArrayList<>(BATCH);
        private boolean ended;

        Rows(Header header, Consumer<Charge> sink) {
            worker = new Thread(() -> {
                try {
                    for (List<Lexed> next = queue.take(); next != END; next = queue.take()) {
                        if (failure.get() != null) {
                            continue;           // drained, so that the reading thread never waits on a full queue
                        }
                        try {
                            for (Lexed lexed : next) {
                                sink.accept(new Cells(header, lexed.record(), lexed.row()).charge());
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, e);
                }
            }, "focus-rows");
            worker.setDaemon(true);
            worker.start();
        }

        /** @return false when an earlier row already failed, so reading on is of no use */
        boolean add(CsvRecord record, long row) throws IOException {
            batch.add(new Lexed(record, row));
            if (batch.size() == BATCH) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
            return failure.get() == null;
        }

        /** Waits until every row was handed on, and throws the problem of the first that failed. */
        void finish() throws IOException {
            end();
            Throwable failed = failure.get();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            if (failed != null) {
                throw new IOException("the rows could not be handed on", failed);
            }
        }

        /** The lexer's problem at a row, unless a row before it failed: that one is the file's first problem. */
        RuntimeException failedBefore(FocusProblem problem) throws IOException {
            finish();
            return problem;
        }

        @Override
        public void close() throws IOException {
            end();
        }

        private void end() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            if (!batch.isEmpty()) {
                put(batch);
            }
            put(END);
            try {
                worker.join();
            } catch (InterruptedException e) {
                worker.interrupt();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the rows were handed on");
            }
        }

        private void put(List<Lexed> rows) throws IOException {
            try {
                queue.put(rows);
            } catch (InterruptedException e) {
                worker.interrupt();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the rows were handed on");
            }
        }
    }

    /** A record as the lexer read it, with its row in the file. */
    private record Lexed(CsvRecord record, long row) {
    }

    /**
     * A {@code Tags} cell read and written again token by token, without the tree of nodes a million rows would
     * build and print: the text is the one the tree prints, so what is stored does not change. Only the usual flat
     * object of strings (booleans and nulls aside) takes this way; anything else (numbers, whose printed form
     * depends on how the tree holds them, nested values, a key given twice, text after the object, text that is no
     * JSON) gives empty, and the tree decides as before.
     *
     * @return the compact text and the object's string fields in order
     */
    private static Optional<ScannedTags> scan(String text) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(4);
        StringWriter out = new StringWriter(text.length());
        try (JsonParser parser = JSON.getFactory().createParser(text);
                JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            generator.writeStartObject();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String key = parser.currentName();
                for (Map.Entry<String, String> field : fields) {
                    if (field.getKey().equals(key)) {
                        return Optional.empty();
                    }
                }
                generator.writeFieldName(key);
                switch (parser.nextToken()) {
                    case VALUE_STRING -> {
                        String value = parser.getText();
                        fields.add(Map.entry(key, value));
                        generator.writeString(value);
                    }
                    case VALUE_TRUE, VALUE_FALSE -> {
                        fields.add(Map.entry(key, parser.getText()));      // "true" or "false", as the tree's
                        generator.writeBoolean(parser.getBooleanValue());
                    }
                    case VALUE_NULL -> {
                        fields.add(Map.entry(key, ""));         // a null names no service, as in the tree
                        generator.writeNull();
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
            generator.writeEndObject();
            generator.flush();
            return Optional.of(new ScannedTags(out.toString(), fields));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The usual {@code Tags} cell, a flat object of plain strings, booleans and nulls, read character by character:
     * Jackson's parser and generator cost a quarter of a row's conversion. Strings with a backslash or a control
     * character, numbers, nesting, a key given twice or anything unexpected give empty, and {@link #scan} decides as
     * before. The text is the one Jackson prints: no white space, and strings as written, since only control
     * characters, quotes and backslashes would need escaping.
     */
    private static Optional<ScannedTags> flat(String t) {
        int n = t.length();
        int i = blank(t, 0);
        if (i >= n || t.charAt(i) != '{') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(n).append('{');
        List<Map.Entry<String, String>> fields = new ArrayList<>(4);
        i = blank(t, i + 1);
        if (i < n && t.charAt(i) == '}') {
            i++;
        } else {
            while (true) {
                int keyEnd = plainString(t, i);
                if (keyEnd < 0) {
                    return Optional.empty();
                }
                String key = t.substring(i + 1, keyEnd - 1);
                for (Map.Entry<String, String> field : fields) {
                    if (field.getKey().equals(key)) {
                        return Optional.empty();
                    }
                }
                i = blank(t, keyEnd);
                if (i >= n || t.charAt(i) != ':') {
                    return Optional.empty();
                }
                i = blank(t, i + 1);
                if (!fields.isEmpty()) {
                    out.append(',');
                }
                out.append(t, keyEnd - key.length() - 2, keyEnd).append(':');
                if (i < n && t.charAt(i) == '"') {
                    int end = plainString(t, i);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    fields.add(Map.entry(key, t.substring(i + 1, end - 1)));
                    out.append(t, i, end);
                    i = end;
                } else if (t.startsWith("true", i) || t.startsWith("false", i)) {
                    String word = t.charAt(i) == 't' ? "true" : "false";
                    fields.add(Map.entry(key, word));
                    out.append(word);
                    i += word.length();
                } else if (t.startsWith("null", i)) {
                    fields.add(Map.entry(key, ""));
                    out.append("null");
                    i += 4;
                } else {
                    return Optional.empty();
                }
                i = blank(t, i);
                if (i < n && t.charAt(i) == ',') {
                    i = blank(t, i + 1);
                } else if (i < n && t.charAt(i) == '}') {
                    i++;
                    break;
                } else {
                    return Optional.empty();
                }
            }
        }
        if (blank(t, i) != n) {
            return Optional.empty();
        }
        return Optional.of(new ScannedTags(out.append('}').toString(), fields));
    }

    /** @return the index after JSON white space from {@code i} */
    private static int blank(String t, int i) {
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t' || t.charAt(i) == '\n'
                || t.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /** @return the index after a quoted string at {@code i} that needs no unescaping, or -1 */
    private static int plainString(String t, int i) {
        if (i >= t.length() || t.charAt(i) != '"') {
            return -1;
        }
        for (int j = i + 1; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '"') {
                return j + 1;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** A {@code Tags} object as the tree would print it, and its string fields in order. */
    private record ScannedTags(String text, List<Map.Entry<String, String>> fields) {
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    /** Where each column is: the FOCUS ones by name, case aside, and the {@code x_…} ones. */
    private record Header(Map<FocusColumn, Integer> focus, List<String> names, List<Integer> extra) {

        static Header of(List<String> names) {
            if (names.isEmpty()) {
                throw new FocusProblem(1, Optional.empty(), "the file is empty: a FOCUS file starts with a header");
            }
            Map<FocusColumn, Integer> focus = new EnumMap<>(FocusColumn.class);
            List<Integer> extra = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                // strip, not trim: trim would also drop control characters such as NUL from a column name.
                String name = names.get(i) == null ? "" : names.get(i).strip();
                for (FocusColumn column : FocusColumn.values()) {
                    if (column.header().equalsIgnoreCase(name)) {
                        focus.putIfAbsent(column, i);
                    }
                }
                if (name.toLowerCase(Locale.ROOT).startsWith("x_")) {
                    extra.add(i);
                }
            }
            List<String> missing = new ArrayList<>();
            for (FocusColumn column : FocusColumn.values()) {
                if (column.mandatory() && !focus.containsKey(column)) {
                    missing.add(column.header());
                }
            }
            if (!missing.isEmpty()) {
                throw new FocusProblem(1, Optional.of(missing.get(0)), "the header lacks the mandatory FOCUS "
                        + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing));
            }
            return new Header(focus, names.stream().map(n -> n == null ? "" : n.strip()).toList(), List.copyOf(extra));
        }

        int size() {
            return names.size();
        }
    }

    /** One record's cells, read as the types FOCUS gives them. */
    private final class Cells {

        private final Header header;
        private final CsvRecord record;
        private final long row;

        Cells(Header header, CsvRecord record, long row) {
            this.header = header;
            this.record = record;
            this.row = row;
        }

        Charge charge() {
            Optional<String> tagText = optional(FocusColumn.TAGS);
            Optional<ScannedTags> scanned = tagText.flatMap(t -> flat(t).or(() -> scan(t)));
            Optional<JsonNode> tags = scanned.isPresent() ? Optional.empty() : tags();
            Optional<ObjectNode> extra = extra();
            Instant billingStart = time(FocusColumn.BILLING_PERIOD_START);
            Instant billingEnd = time(FocusColumn.BILLING_PERIOD_END);
            Instant chargeStart = time(FocusColumn.CHARGE_PERIOD_START);
            Instant chargeEnd = time(FocusColumn.CHARGE_PERIOD_END);
            if (!billingEnd.isAfter(billingStart)) {
                throw problem(FocusColumn.BILLING_PERIOD_END, "must be after BillingPeriodStart");
            }
            if (chargeEnd.isBefore(chargeStart)) {
                throw problem(FocusColumn.CHARGE_PERIOD_END, "must not be before ChargePeriodStart");
            }
            return new Charge(row, required(FocusColumn.BILLING_ACCOUNT_ID), billingStart, billingEnd, chargeStart,
                    chargeEnd, required(FocusColumn.CHARGE_CATEGORY), optional(FocusColumn.CHARGE_CLASS),
                    required(FocusColumn.PROVIDER_NAME), optional(FocusColumn.INVOICE_ISSUER_NAME),
                    optional(FocusColumn.INVOICE_ID), optional(FocusColumn.SUB_ACCOUNT_ID),
                    optional(FocusColumn.SERVICE_CATEGORY), optional(FocusColumn.SERVICE_NAME), currency(),
                    amount(FocusColumn.BILLED_COST), amount(FocusColumn.EFFECTIVE_COST),
                    scanned.map(ScannedTags::text).or(() -> tags.map(JsonNode::toString)),
                    extra.map(ObjectNode::toString), allocationTag(scanned, tags, extra),
                    optional(FocusColumn.RESOURCE_ID));
        }

        private Optional<String> cell(int index) {
            String text = record.getField(index).trim();
            return text.isEmpty() || text.equals("NULL") ? Optional.empty() : Optional.of(text);
        }

        private Optional<String> optional(FocusColumn column) {
            Integer index = header.focus().get(column);
            return index == null ? Optional.empty() : cell(index);
        }

        private String required(FocusColumn column) {
            return optional(column).orElseThrow(() -> problem(column, "is required, the cell is empty"));
        }

        private Instant time(FocusColumn column) {
            String text = required(column);
            return FocusTimestamp.parse(text).orElseThrow(() -> problem(column, "'" + text + "' is not a date-time: "
                    + "expected " + FocusTimestamp.EXPECTED));
        }

        private BigDecimal amount(FocusColumn column) {
            String text = required(column);
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw problem(column, "'" + text + "' is not a number: expected a decimal such as 12.34 or 1.5E-7");
            }
        }

        private String currency() {
            String text = required(FocusColumn.BILLING_CURRENCY);
            if (!isCurrencyCode(text)) {
                throw problem(FocusColumn.BILLING_CURRENCY, "'" + text + "' is not an ISO 4217 currency code such "
                        + "as USD");
            }
            return text.toUpperCase(Locale.ROOT);
        }

        /** Three ASCII letters, as {@code [A-Za-z]{3}} says, without a regular expression's matcher per row. */
        private static boolean isCurrencyCode(String text) {
            if (text.length() != 3) {
                return false;
            }
            for (int i = 0; i < 3; i++) {
                char c = text.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                    return false;
                }
            }
            return true;
        }

        private Optional<JsonNode> tags() {
            Optional<String> text = optional(FocusColumn.TAGS);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                JsonNode tags = JSON.readTree(text.get());
                if (tags == null || !tags.isObject()) {
                    throw problem(FocusColumn.TAGS, "must be a JSON object such as {\"service\": \"checkout\"}");
                }
                return Optional.of(tags);
            } catch (JsonProcessingException e) {
                throw problem(FocusColumn.TAGS, "is not JSON: " + e.getOriginalMessage());
            }
        }

        private Optional<ObjectNode> extra() {
            if (header.extra().isEmpty()) {
                return Optional.empty();
            }
            ObjectNode extra = JSON.createObjectNode();
            for (int index : header.extra()) {
                extra.put(header.names().get(index), cell(index).orElse(null));
            }
            return Optional.of(extra);
        }

        /** The first allocation key the row carries, as a tag or an {@code x_…} column. */
        private Optional<String> allocationTag(Optional<ScannedTags> scanned,
                Optional<JsonNode> tags, Optional<ObjectNode> extra) {
            for (String key : allocationKeys) {
                Optional<String> value = scanned.flatMap(t -> valueOf(t.fields(), key))
                        .or(() -> tags.flatMap(t -> valueOf(t, key)))
                        .or(() -> extra.flatMap(e -> valueOf(e, key)));
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }

        private static Optional<String> valueOf(List<Map.Entry<String, String>> fields, String key) {
            for (Map.Entry<String, String> field : fields) {
                if (field.getKey().trim().equalsIgnoreCase(key) && !field.getValue().isBlank()) {
                    return Optional.of(field.getValue().trim());
                }
            }
            return Optional.empty();
        }

        private static Optional<String> valueOf(JsonNode object, String key) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                // Exports carry keys with stray spaces (" org") and in any case; people mean the same key.
                if (field.getKey().trim().equalsIgnoreCase(key) && field.getValue().isValueNode()
                        && !field.getValue().isNull() && !field.getValue().asText().isBlank()) {
                    return Optional.of(field.getValue().asText().trim());
                }
            }
            return Optional.empty();
        }

        private FocusProblem problem(FocusColumn column, String reason) {
            return new FocusProblem(row, Optional.of(header.names().get(header.focus().getOrDefault(column, 0)))
                    .filter(n -> header.focus().containsKey(column)).or(() -> Optional.of(column.header())), reason);
        }
    }
}
