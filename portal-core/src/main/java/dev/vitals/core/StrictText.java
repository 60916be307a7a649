package dev.vitals.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * What JSON allows but no field of the portal can hold: a NUL character (PostgreSQL's text refuses it), half of a
 * UTF-16 surrogate pair (not a character at all; it would be stored as '?'), and a number too large for a double
 * ({@code 1e400} reads as Infinity). Each is refused where it is read, so the problem names the field.
 */
final class StrictText {

    private StrictText() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("vitals-strict-text");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        module.addDeserializer(double.class, new FiniteDouble(Double.TYPE, 0.0));
        return module;
    }

    /** @return why the text cannot be stored, or null when it can */
    static String fault(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000), at position " + i;
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "must be Unicode text; position " + i + " holds half of a surrogate pair";
            }
        }
        return null;
    }

    private static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            String fault = text == null ? null : fault(text);
            if (fault != null) {
                throw InvalidFormatException.from(p, fault, text, String.class);
            }
            return text;
        }
    }

    private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

        FiniteDouble(Class<Double> type, Double empty) {
            super(type, empty);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw InvalidFormatException.from(p, "must be a finite number, got " + p.getText(), value,
                        Double.class);
            }
            return value;
        }
    }
}
