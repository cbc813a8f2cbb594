package org.backproplab.nn;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Choices written as words (on the command line, in files and forms): each enum constant by its id. */
public final class Ids {

    private Ids() {
    }

    /** The usual id of a choice: its name in lower case ({@code LEAKY_RELU} → {@code leaky_relu}). */
    public static String of(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    /** The choice whose id is {@code text}, ignoring case and surrounding spaces; empty when none is. */
    public static <E extends Enum<E>> Optional<E> find(E[] choices, Function<E, String> id, String text) {
        String wanted = text.trim();
        for (E choice : choices) {
            if (id.apply(choice).equalsIgnoreCase(wanted)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
