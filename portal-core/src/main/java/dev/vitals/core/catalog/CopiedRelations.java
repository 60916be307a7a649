package dev.vitals.core.catalog;

import dev.vitals.api.CatalogRelation;
import dev.vitals.api.EntityRef;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * The catalog's relations as plugins read them, through {@code COPY ... TO STDOUT} in PostgreSQL's text format.
 *
 * <p>At 50,000 services the catalog has 377,810 relations but only about 65,000 distinct references: read as result
 * set columns, every row made three new strings to look up, and decoding, hashing and collecting them was most of the
 * read. Here each row arrives as one array of bytes, each field is looked up by its bytes, and only a text not seen
 * before becomes a string (and, when first asked, one {@link EntityRef}, shared by all its relations).
 *
 * <p>The relations are sorted here, not by PostgreSQL (its one sort of them spilled to disk and took 1.5–1.8 s), in
 * {@link String#compareTo} order of the three texts: the distinct texts are sorted once, and each row becomes one
 * {@code long} of its three texts' ranks, so the rows sort as numbers.
 */
final class CopiedRelations {

    /** A rank takes this many bits of a row's key, three ranks to a key. */
    private static final int RANK_BITS = 21;
    private static final long RANK_MASK = (1L << RANK_BITS) - 1;

    private final Texts texts = new Texts();
    private int[] rows = new int[3 * 1024];
    private int count;

    private CopiedRelations() {
    }

    /**
     * Reads the relations and the entities' references; run it in a repeatable-read transaction so both are one
     * snapshot.
     *
     * @param h a handle in a transaction
     * @param relationsSql the relations' select: source, type in the API's words, target
     * @param roles each program's stakeholder roles, keyed by program and team reference
     * @return the relations, ordered by source, type and target
     */
    static List<CatalogRelation> read(Handle h, String relationsSql, Map<String, String> roles) {
        CopiedRelations read = new CopiedRelations();
        try {
            CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
            read.copy(copy, "COPY (SELECT ref FROM core.catalog_entities) TO STDOUT", true);
            read.copy(copy, "COPY (" + relationsSql + ") TO STDOUT", false);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("the catalog's relations could not be read", e, null);
        }
        return read.sorted(roles);
    }

    private void copy(CopyManager copy, String sql, boolean entities) throws SQLException {
        CopyOut out = copy.copyOut(sql);
        byte[] row;
        // One data message is one row, ending in a newline; a tab or newline inside a field is escaped.
        while ((row = out.readFromCopy()) != null) {
            int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
            if (entities) {
                texts.of(row, 0, end).entity = true;
                continue;
            }
            int first = indexOf(row, 0, end);
            int second = indexOf(row, first + 1, end);
            if (count * 3 == rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            rows[3 * count] = texts.of(row, 0, first).id;
            rows[3 * count + 1] = texts.of(row, first + 1, second).id;
            rows[3 * count + 2] = texts.of(row, second + 1, end).id;
            count++;
        }
    }

    private static int indexOf(byte[] row, int from, int end) {
        for (int i = from; i < end; i++) {
            if (row[i] == '\t') {
                return i;
            }
        }
        throw new IllegalStateException("a catalog relation row without three fields");
    }

    private List<CatalogRelation> sorted(Map<String, String> roles) {
        List<Text> all = texts.all;
        Text[] byRank = all.toArray(Text[]::new);
        Arrays.sort(byRank, Comparator.comparing(text -> text.value));
        for (int rank = 0; rank < byRank.length; rank++) {
            byRank[rank].rank = rank;
        }
        List<CatalogRelation> relations = new ArrayList<>(count);
        if (byRank.length <= RANK_MASK) {
            long[] keys = new long[count];
            for (int r = 0; r < count; r++) {
                keys[r] = (long) all.get(rows[3 * r]).rank << (2 * RANK_BITS)
                        | (long) all.get(rows[3 * r + 1]).rank << RANK_BITS | all.get(rows[3 * r + 2]).rank;
            }
            Arrays.sort(keys);
            for (long key : keys) {
                relation(byRank[(int) (key >>> (2 * RANK_BITS))], byRank[(int) (key >>> RANK_BITS & RANK_MASK)],
                        byRank[(int) (key & RANK_MASK)], roles).ifPresent(relations::add);
            }
        } else {
            // More distinct texts than a key holds ranks for: the rows sort by their ranks one by one.
            Integer[] order = new Integer[count];
            Arrays.setAll(order, r -> r);
            Arrays.sort(order, Comparator.<Integer>comparingInt(r -> all.get(rows[3 * r]).rank)
                    .thenComparingInt(r -> all.get(rows[3 * r + 1]).rank)
                    .thenComparingInt(r -> all.get(rows[3 * r + 2]).rank));
            for (int r : order) {
                relation(all.get(rows[3 * r]), all.get(rows[3 * r + 1]), all.get(rows[3 * r + 2]), roles)
                        .ifPresent(relations::add);
            }
        }
        return Collections.unmodifiableList(relations);
    }

    private static Optional<CatalogRelation> relation(Text source, Text type, Text target, Map<String, String> roles) {
        Optional<EntityRef> from = source.ref();
        Optional<EntityRef> to = target.ref();
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> role = type.value.equals("stakeholder")
                ? Optional.ofNullable(roles.get(source.value + " " + target.value)) : Optional.empty();
        return Optional.of(new CatalogRelation(from.get(), type.value, to.get(), target.entity, role));
    }

    /** One distinct text read, and whether an entity has it. */
    private static final class Text {
        private final byte[] bytes;
        private final int hash;
        private final int id;
        private final String value;
        private boolean entity;
        private int rank;
        private Optional<EntityRef> ref;

        Text(byte[] bytes, int hash, int id) {
            this.bytes = bytes;
            this.hash = hash;
            this.id = id;
            this.value = unescaped(bytes);
        }

        /** @return the one reference this text stands for, parsed when first asked; empty when it is not one */
        Optional<EntityRef> ref() {
            if (ref == null) {
                try {
                    ref = Optional.of(EntityRef.parse(value));
                } catch (IllegalArgumentException e) {
                    ref = Optional.empty();
                }
            }
            return ref;
        }
    }

    /** The distinct texts read, each kept once and found by its bytes as COPY writes them. */
    private static final class Texts {
        private final List<Text> all = new ArrayList<>();
        private Text[] table = new Text[1 << 16];

        Text of(byte[] row, int from, int to) {
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + row[i];
            }
            hash ^= hash >>> 16;
            int mask = table.length - 1;
            for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
                Text text = table[slot];
                if (text == null) {
                    text = new Text(Arrays.copyOfRange(row, from, to), hash, all.size());
                    all.add(text);
                    table[slot] = text;
                    if (2 * all.size() > table.length) {
                        grow();
                    }
                    return text;
                }
                if (text.hash == hash && Arrays.equals(text.bytes, 0, text.bytes.length, row, from, to)) {
                    return text;
                }
            }
        }

        private void grow() {
            table = new Text[table.length * 2];
            int mask = table.length - 1;
            for (Text text : all) {
                int slot = text.hash & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = text;
            }
        }
    }

    /**
     * @param field a field as COPY's text format writes it
     * @return its text: COPY writes a backslash as two and a control character as a backslash and a letter
     */
    static String unescaped(byte[] field) {
        int backslash = -1;
        for (int i = 0; i < field.length && backslash < 0; i++) {
            if (field[i] == '\\') {
                backslash = i;
            }
        }
        if (backslash < 0) {
            return new String(field, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[field.length];
        int n = 0;
        for (int i = 0; i < field.length; i++) {
            byte b = field[i];
            if (b != '\\' || i + 1 == field.length) {
                out[n++] = b;
                continue;
            }
            byte next = field[++i];
            out[n++] = switch (next) {
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> 0x0b;
                default -> next;
            };
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
