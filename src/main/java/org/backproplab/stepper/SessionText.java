package org.backproplab.stepper;

import java.util.Locale;

/**
 * Text inside one line of a session file: {@code \} is written {@code \\}, a carriage return {@code \r}, a line break
 * {@code \n}, and other control characters {@code \}{@code uXXXX}, so that every value stays on its line.
 */
final class SessionText {

    private SessionText() {
    }

    /** The text as one line of a session file: backslashes, line breaks and control characters escaped. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append('\t');
                default -> {
                    if (ch < 0x20 || ch == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The text that {@link #escape} wrote; throws, saying why, for an unknown or incomplete escape. */
    static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            switch (next) {
                case '\\' -> b.append('\\');
                case 'r' -> b.append('\r');
                case 'n' -> b.append('\n');
                case 'u' -> {
                    if (i + 6 > text.length() || !text.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                        throw new IllegalArgumentException("a \\u escape needs four hex digits");
                    }
                    b.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \"\\" + next + "\"");
            }
            i++;
        }
        return b.toString();
    }
}
