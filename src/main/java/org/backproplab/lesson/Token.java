package org.backproplab.lesson;

/**
 * One token of a lesson: its kind, its text as written, where it is, and for a number its value. A piece of text
 * the lexer cannot read becomes an {@link Kind#ERROR} token carrying the message, which the parser reports where
 * it meets it; that way every line is read to its end and recovery stays in one place.
 */
public record Token(Kind kind, String text, Span span, double number, String error) {

    /** The kinds of token. */
    public enum Kind {
        NUMBER, NAME, PLUS, MINUS, STAR, SLASH, AT, CARET, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, EQUALS,
        NEWLINE, EOF, ERROR
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** True for the end of a line or of the file. */
    public boolean endsLine() {
        return kind == Kind.NEWLINE || kind == Kind.EOF;
    }

    /** How the token is named in messages: {@code '+'}, {@code 'x'}, {@code the end of the line}. */
    public String describe() {
        return endsLine() ? "the end of the line" : "'" + text + "'";
    }
}
