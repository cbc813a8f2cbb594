package org.backproplab.course;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code key: value} lines of one block of a course (a setup, an exercise, a page's or the course's head) with
 * where each stands, so that every typed reading of a value can say at which line and column it is wrong. A key may
 * carry a language, {@code title.zh_CN}; the plain key is the default language.
 */
final class Fields {

    /** One line: the key without its language, the language ("" for none), the value, and where the value starts. */
    record Field(String key, String language, String value, int line, int column, int keyColumn) {
    }

    private final String file;
    /** The line of the block's header, where a missing key is reported. */
    private final int headerLine;
    private final List<Field> fields = new ArrayList<>();

    Fields(String file, int headerLine) {
        this.file = file;
        this.headerLine = headerLine;
    }

    String file() { return file; }

    int headerLine() { return headerLine; }

    List<Field> all() { return List.copyOf(fields); }

    /** Reads {@code key: value} (or {@code key.lang: value}) from one line; column counts from 1. */
    void add(String text, int line) throws CourseException {
        int indent = 0;
        while (indent < text.length() && Character.isWhitespace(text.charAt(indent))) {
            indent++;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new CourseException(file, line, indent + 1,
                    "expected \"key: value\" here (or \"-- text\" before text), not \"" + text.strip() + "\"");
        }
        String name = text.substring(indent, colon).strip();
        if (!name.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)?(\\.[a-z]{2}(_[A-Z]{2})?)?")) {
            throw new CourseException(file, line, indent + 1, "\"" + name + "\" is not a key: keys are small letters "
                    + "and hyphens, optionally followed by a language, as in title.zh_CN");
        }
        String key = name;
        String language = "";
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.substring(dot + 1).matches("[a-z]{2}(_[A-Z]{2})?")) {
            key = name.substring(0, dot);
            language = name.substring(dot + 1);
        }
        int valueStart = colon + 1;
        while (valueStart < text.length() && Character.isWhitespace(text.charAt(valueStart))) {
            valueStart++;
        }
        fields.add(new Field(key, language, text.substring(valueStart).strip(), line, valueStart + 1, indent + 1));
    }

    /** Refuses a key this block does not know, naming the ones it does; {@code what}: "a page", "an MNIST setup". */
    void onlyKnown(Collection<String> keys, String what) throws CourseException {
        for (Field f : fields) {
            if (!keys.contains(f.key())) {
                throw new CourseException(file, f.line(), f.keyColumn(), what + " has no key \"" + f.key()
                        + "\"; it knows " + String.join(", ", keys));
            }
        }
    }

    /** The default-language line of this key, if any; a second one is a mistake unless the key may repeat. */
    Optional<Field> get(String key) throws CourseException {
        Field found = null;
        for (Field f : fields) {
            if (f.key().equals(key) && f.language().isEmpty()) {
                if (found != null) {
                    throw new CourseException(file, f.line(), f.keyColumn(), "\"" + key + "\" is given twice (first "
                            + "on line " + found.line() + ")");
                }
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }

    Field required(String key, String what) throws CourseException {
        return get(key).orElseThrow(() -> new CourseException(file, headerLine, 1,
                "this " + what + " needs \"" + key + ": …\""));
    }

    /** The key in every language given; {@link Localized#EMPTY} if none. */
    Localized localized(String key) throws CourseException {
        Localized text = Localized.EMPTY;
        for (Field f : fields) {
            if (f.key().equals(key)) {
                if (text.byLanguage().containsKey(f.language())) {
                    throw new CourseException(file, f.line(), f.keyColumn(), "\"" + key
                            + (f.language().isEmpty() ? "" : "." + f.language()) + "\" is given twice");
                }
                text = text.with(f.language(), f.value());
            }
        }
        return text;
    }

    /** The value read by {@code parse}; its {@link IllegalArgumentException} becomes a mistake at the value. */
    <T> T parse(Field f, Function<String, T> parse) throws CourseException {
        try {
            return parse.apply(f.value());
        } catch (IllegalArgumentException e) {
            throw new CourseException(file, f.line(), f.column(), "\"" + f.key() + "\": " + e.getMessage());
        }
    }

    <T> T choice(String key, T fallback, Function<String, T> parse) throws CourseException {
        Optional<Field> f = get(key);
        return f.isEmpty() ? fallback : parse(f.get(), parse);
    }

    int integer(String key, int fallback, int min, int max) throws CourseException {
        return choice(key, fallback, v -> Values.integer(v, min, max));
    }

    double number(String key, double fallback) throws CourseException {
        return choice(key, fallback, Values::number);
    }

    boolean onOff(String key, boolean fallback) throws CourseException {
        return choice(key, fallback, Values::onOff);
    }

    CourseException at(Field f, String problem) {
        return new CourseException(file, f.line(), f.column(), problem);
    }
}
