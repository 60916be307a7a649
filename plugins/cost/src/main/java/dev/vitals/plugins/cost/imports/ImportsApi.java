package dev.vitals.plugins.cost.imports;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.plugins.cost.focus.FocusProblem;
import dev.vitals.plugins.cost.measures.EffectiveCostMeasures;
import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * {@code POST /api/cost/imports}: a FOCUS CSV file, plain or gzip, from an admin or an API token with scope
 * {@value #SCOPE}. The body is read as it arrives, never held whole.
 */
public final class ImportsApi {

    /** The token scope that lets a billing pipeline import files. */
    public static final String SCOPE = "cost:import";

    private static final Set<String> MEDIA_TYPES = Set.of("text/csv", "application/gzip", "application/x-gzip",
            "text/plain", "application/octet-stream");

    private final ChargeImport imports;
    private final ImportHistory history;
    private final EffectiveCostMeasures measures;
    private final Clock clock;

    public ImportsApi(ChargeImport imports, ImportHistory history, EffectiveCostMeasures measures, Clock clock) {
        this.imports = imports;
        this.history = history;
        this.measures = measures;
        this.clock = clock;
    }

    public void importFile(Context ctx) throws IOException {
        RequestCaller caller = RequestCaller.of(ctx);
        // The route lets editors through so that tokens with the scope reach it; among people only admins import.
        if (!caller.has(Role.ADMIN) && !cameWithToken(ctx)) {
            throw new ProblemException(403, caller.name() + " may not import billing data: admins and API tokens "
                    + "with scope " + SCOPE + " may", List.of());
        }
        String mediaType = mediaType(ctx);
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new ProblemException(415, "send the FOCUS file as text/csv or application/gzip, not " + mediaType,
                    List.of(new FieldError("Content-Type", "must be text/csv or application/gzip")));
        }
        ImportResult result;
        try (Reader csv = reader(ctx.bodyInputStream())) {
            result = imports.run(csv, caller.name(), clock.instant(), rows -> { });
        } catch (FocusProblem problem) {
            String field = problem.column().orElse("row " + problem.row());
            throw ProblemException.unprocessable("the file cannot be imported: " + problem.getMessage(),
                    List.of(new FieldError(field, "row " + problem.row() + ": " + problem.reason())));
        } catch (MissingRate missing) {
            throw ProblemException.unprocessable("the file bills in " + missing.currency() + ", which has no rate "
                    + "into " + history.reporting() + " for " + missing.month() + "; set it with PUT /api/cost/rates/"
                    + missing.currency() + "/" + missing.month() + " and import again",
                    List.of(new FieldError("BillingCurrency", "row " + missing.row() + ": no rate for "
                            + missing.currency() + " in " + missing.month())));
        }
        measures.publish(result.firstDay(), result.lastDay());
        ctx.status(201).json(result);
    }

    public void list(Context ctx) {
        ctx.json(history.list());
    }

    /** Gzip is told by its first two bytes, whatever the header says, so a mislabelled file still imports. */
    static Reader reader(InputStream body) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        InputStream plain = first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        return new InputStreamReader(plain, StandardCharsets.UTF_8);
    }

    private static String mediaType(Context ctx) {
        String type = ctx.contentType();
        if (type == null || type.isBlank()) {
            return "text/csv";
        }
        return type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean cameWithToken(Context ctx) {
        String authorization = ctx.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
