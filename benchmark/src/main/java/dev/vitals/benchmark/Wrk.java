package dev.vitals.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a URL with wrk ({@code apt-get install wrk}), a load generator in C, so that the client costs the shared
 * cores little next to the portal. A Lua script, when given, builds each request (a POST body with a fresh id).
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private Wrk() {
    }

    /**
     * @param perSecond requests answered per second
     * @param p50Millis median latency
     * @param p99Millis 99th percentile latency
     * @param errors answers other than 2xx or 3xx
     */
    record Result(double perSecond, double p50Millis, double p99Millis, long errors) {
    }

    /**
     * @param url the URL
     * @param connections open connections, each with one request in flight
     * @param seconds how long
     * @param bearer the token sent
     * @param script a Lua script that builds the requests, if any
     */
    static Result run(String url, int connections, int seconds, String bearer, Optional<Path> script)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + Math.min(2, connections), "-c" + connections,
                "-d" + seconds + "s", "--latency", "-H", "Authorization: Bearer " + bearer));
        script.ifPresent(s -> command.addAll(List.of("-s", s.toString())));
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Matcher errors = ERRORS.matcher(out);
        return new Result(number(RATE, out), millis(P50, out), millis(P99, out),
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    /** Writes {@code lua} to a temporary file for {@link #run}. */
    static Path script(String lua) throws Exception {
        Path file = Files.createTempFile("wrk", ".lua");
        Files.writeString(file, lua);
        return file;
    }

    private static double number(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in wrk's output: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in wrk's output: " + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
