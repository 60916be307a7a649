package dev.vitals.plugins.priorities.backlog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The levels of the backlog, from the broadest down; every item's parent is one level up. */
public enum Level {
    THEME, EPIC, FEATURE, STORY, TASK;

    /** @return the name as the API writes it, e.g. {@code epic} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the level a parent of this level must have; empty for themes, which have none */
    public Optional<Level> parentLevel() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** @return the level of this level's children; empty for tasks */
    public Optional<Level> childLevel() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** @return the plural a heading uses, e.g. {@code Epics} */
    public String plural() {
        String word = wire();
        return Character.toUpperCase(word.charAt(0)) + word.substring(1) + "s";
    }

    public static Optional<Level> parse(String text) {
        return Arrays.stream(values()).filter(l -> l.wire().equals(text)).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Level::wire).toList());
    }
}
