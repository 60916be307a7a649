package dev.vitals.plugins.graph.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Kept answers in gzip, for clients that accept it. A kept answer is compressed once, when it is first asked for
 * compressed, and then sent as those bytes: a hub's blast radius is about 113 KB of JSON and 9 KB in gzip, and
 * during an incident every browser asks for it; compressing per request (what the portal does for any other answer)
 * would pay the same half millisecond of CPU on every ask, and sending it plain would copy twelve times the bytes.
 */
final class GzipAnswers {

    private GzipAnswers() {
    }

    /**
     * @param acceptEncoding the request's {@code Accept-Encoding}, or null when it has none
     * @return whether it admits gzip: named with a weight above 0, or not named and {@code *} admitted (RFC 9110,
     *     12.5.3)
     */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean admitted = weight(parts) > 0;
            if (name.equals("gzip") || name.equals("x-gzip")) {
                return admitted;
            }
            if (name.equals("*")) {
                any = admitted;
            }
        }
        return Boolean.TRUE.equals(any);
    }

    /** @return the bytes in gzip */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the stream writes to memory
        }
        return out.toByteArray();
    }

    private static double weight(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0; // a weight that is not a number admits nothing
                }
            }
        }
        return 1;
    }
}
