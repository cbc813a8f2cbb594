package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns lesson text into tokens. Numbers are {@code 1}, {@code 4.0}, {@code .5}, {@code 2.5e-3} (a minus sign is
 * an operator, never part of the number); names are letters, digits and {@code _}, starting with a letter or
 * {@code _}; {@code **} is read as {@code ^}; {@code #} starts a comment to the end of the line. Lines end at
 * {@code \n}, {@code \r\n} or {@code \r}; a byte-order mark at the start is skipped.
 */
public final class Lexer {

    /** Characters that a Chinese keyboard types in place of an ASCII one, with the one that was meant. */
    private static final Map<Integer, String> FULL_WIDTH = Map.of(
            (int) '，', ",", (int) '（', "(", (int) '）', ")", (int) '［', "[", (int) '］', "]", (int) '＝', "=",
            (int) '＋', "+", (int) '－', "-", (int) '＊', "*", (int) '／', "/");

    /**
     * The text of each one-character symbol token, made once: a string per comma of a long literal would take more
     * memory than the numbers themselves.
     */
    private static final String[] SYMBOLS = new String[128];

    static {
        for (char c : "+-*/@^()[],=".toCharArray()) {
            SYMBOLS[c] = String.valueOf(c);
        }
    }

    private final int[] cps;
    private int pos;
    private int line = 1;
    private int column = 1;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String source) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        this.cps = text.codePoints().toArray();
    }

    /** The tokens of {@code source}, ending with {@link Token.Kind#EOF}; never throws. */
    public static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < cps.length) {
            int c = cps[pos];
            if (c == '\n' || c == '\r') {
                int length = c == '\r' && peek(1) == '\n' ? 2 : 1;
                add(Token.Kind.NEWLINE, "\n", length);
                line++;
                column = 1;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                advance(1);
            } else if (c == '#') {
                while (pos < cps.length && cps[pos] != '\n' && cps[pos] != '\r') {
                    advance(1);
                }
            } else if (isDigit(c) || c == '.' && isDigit(peek(1))) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                int end = pos;
                while (end < cps.length && isNamePart(cps[end])) {
                    end++;
                }
                add(Token.Kind.NAME, text(pos, end), end - pos);
            } else if (c == '*' && peek(1) == '*') {
                add(Token.Kind.CARET, "**", 2);
            } else {
                symbol(c);
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", new Span(line, column, column), 0, null));
    }

    private void symbol(int c) {
        Token.Kind kind = switch (c) {
            case '+' -> Token.Kind.PLUS;
            case '-' -> Token.Kind.MINUS;
            case '*' -> Token.Kind.STAR;
            case '/' -> Token.Kind.SLASH;
            case '@' -> Token.Kind.AT;
            case '^' -> Token.Kind.CARET;
            case '(' -> Token.Kind.LPAREN;
            case ')' -> Token.Kind.RPAREN;
            case '[' -> Token.Kind.LBRACKET;
            case ']' -> Token.Kind.RBRACKET;
            case ',' -> Token.Kind.COMMA;
            case '=' -> Token.Kind.EQUALS;
            default -> null;
        };
        if (kind != null) {
            add(kind, SYMBOLS[c], 1);
            return;
        }
        String shown = Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", c) : Character.toString(c);
        String message = "unexpected character '" + shown + "'";
        if (FULL_WIDTH.containsKey(c)) {
            message += " (a full-width character; did you mean '" + FULL_WIDTH.get(c) + "'?)";
        }
        error(Character.toString(c), 1, message);
    }

    /** Digits, an optional fraction and an optional exponent; anything glued to the end makes a bad number. */
    private void number() {
        int start = pos;
        int i = pos;
        while (i < cps.length && isDigit(cps[i])) {
            i++;
        }
        if (i < cps.length && cps[i] == '.') {
            i++;
            while (i < cps.length && isDigit(cps[i])) {
                i++;
            }
        }
        String problem = null;
        if (i < cps.length && (cps[i] == 'e' || cps[i] == 'E')) {
            int j = i + 1;
            if (j < cps.length && (cps[j] == '+' || cps[j] == '-')) {
                j++;
            }
            int digits = j;
            while (j < cps.length && isDigit(cps[j])) {
                j++;
            }
            if (j == digits) {
                problem = "the exponent needs digits, as in 2.5e-3";
            }
            i = j;
        }
        int end = i;
        while (end < cps.length && (isNamePart(cps[end]) || cps[end] == '.')) {
            end++;
        }
        String text = text(start, end);
        if (end > i && problem == null) {
            boolean letter = Character.isLetter(cps[i]) || cps[i] == '_';
            problem = letter ? "a number cannot run into a name; to multiply, write " + text(start, i) + " * "
                    + text(i, end) : "a number has at most one decimal point";
        }
        if (problem != null) {
            error(text, end - start, "bad number '" + text + "': " + problem);
            return;
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            error(text, end - start, "bad number '" + text + "': too large for a double (at most about 1.8e308)");
            return;
        }
        tokens.add(new Token(Token.Kind.NUMBER, text, new Span(line, column, column + end - start), value, null));
        advance(end - start);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNamePart(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private int peek(int ahead) {
        return pos + ahead < cps.length ? cps[pos + ahead] : -1;
    }

    private String text(int from, int to) {
        return new String(cps, from, to - from);
    }

    private void add(Token.Kind kind, String text, int length) {
        tokens.add(new Token(kind, text, new Span(line, column, column + length), 0, null));
        advance(length);
    }

    private void error(String text, int length, String message) {
        tokens.add(new Token(Token.Kind.ERROR, text, new Span(line, column, column + length), 0, message));
        advance(length);
    }

    private void advance(int n) {
        pos += n;
        column += n;
    }
}
