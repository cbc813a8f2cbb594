package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads tokens into statements by recursive descent, one line at a time. Grammar, lowest precedence first:
 *
 * <pre>
 * line      = [ statement ] NEWLINE
 * statement = ("param" | "const") NAME "=" literal  |  ["loss"] NAME "=" expr
 * expr      = term { ("+" | "-") term }
 * term      = unary { ("*" | "/" | "@") unary }
 * unary     = "-" unary | power
 * power     = primary [ ("^" | "**") unary ]        (right-associative; -x^2 is -(x^2), 2^-1 is 0.5)
 * primary   = NUMBER | NAME | NAME "(" [ expr { "," expr } ] ")" | "(" expr ")" | literal
 * literal   = ["-"] NUMBER | "[" numbers "]" | "[" "[" numbers "]" { "," "[" numbers "]" } "]"
 * </pre>
 *
 * {@code param}, {@code const} and {@code loss} are keywords only when a name follows them, so they stay usable
 * as names. A line with a syntax error is reported and skipped, and parsing goes on with the next line.
 */
public final class Parser {

    /** Deeper nesting than this is surely a mistake, and would risk the stack. */
    static final int MAX_DEPTH = 100;
    /** More operands than this in one statement is surely a mistake, and would risk the compiler's stack. */
    static final int MAX_OPERANDS = 2000;
    private static final int MAX_DIAGNOSTICS = 50;
    private static final Set<String> KEYWORDS = Set.of("param", "const", "loss");

    /** A syntax error: unwinds to the start of the line. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Span span;

        SyntaxError(Span span, String message) {
            super(message, null, false, false);
            this.span = span;
        }
    }

    private final String file;
    private final List<Token> tokens;
    private int pos;
    private int depth;
    private int operands;
    /** The extent of each parenthesised expression, parentheses included, for the spans of what contains it. */
    private final Map<Expr, Span> parenthesised = new IdentityHashMap<>();

    private Parser(String file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** The statements of {@code source}, or every syntax error in it. */
    public static List<Statement> parse(String source, String file) throws LessonException {
        return new Parser(file, Lexer.tokenize(source)).statements();
    }

    private List<Statement> statements() throws LessonException {
        List<Statement> statements = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        while (!peek().is(Token.Kind.EOF) && errors.size() < MAX_DIAGNOSTICS) {
            if (peek().is(Token.Kind.NEWLINE)) {
                pos++;
                continue;
            }
            try {
                depth = 0;
                operands = 0;
                statements.add(statement());
                if (!peek().endsLine()) {
                    throw unexpected(peek(), "the end of the statement (one statement a line)");
                }
            } catch (SyntaxError e) {
                errors.add(Diagnostic.at(file, e.span, e.getMessage()));
                while (!peek().endsLine()) {
                    pos++;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new LessonException(errors);
        }
        return statements;
    }

    private Statement statement() {
        Token first = peek();
        String keyword = "";
        if (first.is(Token.Kind.NAME) && KEYWORDS.contains(first.text()) && peek(1).is(Token.Kind.NAME)) {
            keyword = first.text();
            pos++;
        }
        Token name = next();
        if (!name.is(Token.Kind.NAME)) {
            throw name.is(Token.Kind.ERROR) ? error(name)
                    : new SyntaxError(name.span(), "expected a statement such as 'x = 1', found " + name.describe());
        }
        Token equals = next();
        if (!equals.is(Token.Kind.EQUALS)) {
            throw equals.is(Token.Kind.ERROR) ? error(equals) : new SyntaxError(equals.span(),
                    "expected '=' after '" + name.text() + "', found " + equals.describe());
        }
        if (peek().endsLine()) {
            throw new SyntaxError(equals.span(), "'" + name.text() + "' is bound to nothing: write an expression after '='");
        }
        Expr value = expr();
        if ((keyword.equals("param") || keyword.equals("const")) && !Expr.isLiteral(value)
                && !LeafSources.isLeafCall(value)) {
            throw new SyntaxError(value.span(), keyword + " " + name.text() + " needs a literal on the right: a number,"
                    + " a row [1, 2], a matrix [[1, 2], [3, 4]] or data(rows, cols); compute it in a plain 'name = expression' line");
        }
        return switch (keyword) {
            case "param" -> new Statement.Param(name.text(), name.span(), value);
            case "const" -> new Statement.Const(name.text(), name.span(), value);
            case "loss" -> new Statement.Loss(name.text(), name.span(), value);
            default -> new Statement.Assign(name.text(), name.span(), value);
        };
    }

    private Expr expr() {
        enter();
        Expr left = term();
        while (peek().is(Token.Kind.PLUS) || peek().is(Token.Kind.MINUS)) {
            Token op = next();
            Expr right = term();
            left = new Expr.BinaryOp(op.is(Token.Kind.PLUS) ? Expr.Operator.ADD : Expr.Operator.SUB, left, right,
                    extent(left, right), op.span());
        }
        depth--;
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (peek().is(Token.Kind.STAR) || peek().is(Token.Kind.SLASH) || peek().is(Token.Kind.AT)) {
            Token op = next();
            Expr right = unary();
            Expr.Operator operator = switch (op.kind()) {
                case STAR -> Expr.Operator.MUL;
                case SLASH -> Expr.Operator.DIV;
                default -> Expr.Operator.MATMUL;
            };
            left = new Expr.BinaryOp(operator, left, right, extent(left, right), op.span());
        }
        return left;
    }

    private Expr unary() {
        if (peek().is(Token.Kind.MINUS)) {
            enter();
            Token minus = next();
            Expr operand = unary();
            depth--;
            return new Expr.Negate(operand, Span.between(minus.span(), extent(operand)), minus.span());
        }
        Expr base = primary();
        if (peek().is(Token.Kind.CARET)) {
            enter();
            Token op = next();
            Expr exponent = unary();
            depth--;
            return new Expr.Power(base, exponent, extent(base, exponent), op.span());
        }
        return base;
    }

    private Expr primary() {
        if (++operands > MAX_OPERANDS) {
            throw new SyntaxError(peek().span(), "the statement has more than " + MAX_OPERANDS
                    + " operands; split it over several lines");
        }
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Expr.NumberLit(t.number(), t.span());
            case NAME:
                if (peek().is(Token.Kind.LPAREN)) {
                    return call(t);
                }
                return new Expr.Name(t.text(), t.span());
            case LPAREN:
                if (peek().endsLine()) {
                    throw unclosed(t, peek(), ')');
                }
                Expr inner = expr();
                Token close = next();
                if (!close.is(Token.Kind.RPAREN)) {
                    throw unclosed(t, close, ')');
                }
                parenthesised.put(inner, Span.between(t.span(), close.span()));
                return inner;
            case LBRACKET:
                checkLiteralSize(t);
                return matrix(t);
            case ERROR:
                throw error(t);
            default:
                throw new SyntaxError(t.span(), "expected an expression, found " + t.describe());
        }
    }

    private Expr call(Token name) {
        Token open = next();
        List<Expr> args = new ArrayList<>();
        if (peek().is(Token.Kind.RPAREN)) {
            Token close = next();
            return new Expr.Call(name.text(), args, Span.between(name.span(), close.span()), name.span());
        }
        while (true) {
            if (peek().endsLine()) {
                throw unclosed(open, peek(), ')');
            }
            args.add(expr());
            Token t = next();
            if (t.is(Token.Kind.RPAREN)) {
                return new Expr.Call(name.text(), args, Span.between(name.span(), t.span()), name.span());
            }
            if (!t.is(Token.Kind.COMMA)) {
                throw unclosed(open, t, ')');
            }
        }
    }

    /**
     * Refuses a literal of more than {@link LessonLimits#MAX_TENSOR_SIZE} numbers before reading it, saying how many
     * it has: counting its tokens up to its closing bracket (or the end of the line) costs nothing, while reading
     * them into numbers is what filled the heap.
     */
    private void checkLiteralSize(Token open) {
        long numbers = 0;
        int rows = 0;
        int level = 1;
        for (int i = pos; i < tokens.size() && level > 0 && !tokens.get(i).endsLine(); i++) {
            switch (tokens.get(i).kind()) {
                case NUMBER -> numbers++;
                case LBRACKET -> rows += ++level == 2 ? 1 : 0;
                case RBRACKET -> level--;
                default -> { }
            }
        }
        if (numbers > LessonLimits.MAX_TENSOR_SIZE) {
            String shape = rows > 1 && numbers % rows == 0 ? ", a " + rows + "x" + numbers / rows + " matrix"
                    : rows > 1 ? " in " + LessonLimits.count(rows) + " rows" : "";
            throw new SyntaxError(open.span(), "the literal has " + LessonLimits.count(numbers) + " numbers" + shape
                    + "; a literal holds at most " + LessonLimits.count(LessonLimits.MAX_TENSOR_SIZE)
                    + " (256x256): a lesson is for matrices small enough to follow step by step");
        }
    }

    /** After '[': a row of numbers, or rows in brackets. */
    private Expr matrix(Token open) {
        List<double[]> rows = new ArrayList<>();
        Token close;
        if (peek().is(Token.Kind.LBRACKET)) {
            while (true) {
                Token rowOpen = next();
                if (!rowOpen.is(Token.Kind.LBRACKET)) {
                    throw rowOpen.endsLine() ? unclosed(open, rowOpen, ']') : unexpected(rowOpen,
                            "'[' to start row " + (rows.size() + 1) + " of the matrix");
                }
                double[] row = row(rowOpen);
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new SyntaxError(rowOpen.span(), "row " + (rows.size() + 1) + " of the matrix has "
                            + row.length + " numbers, row 1 has " + rows.get(0).length);
                }
                rows.add(row);
                close = next();
                if (close.is(Token.Kind.RBRACKET)) {
                    break;
                }
                if (!close.is(Token.Kind.COMMA)) {
                    throw close.endsLine() ? unclosed(open, close, ']') : unexpected(close, "',' or ']' after a row");
                }
            }
        } else {
            rows.add(row(open));
            close = tokens.get(pos - 1);
        }
        return new Expr.MatrixLit(rows.toArray(new double[0][]), Span.between(open.span(), close.span()));
    }

    /** After a row's '[': numbers up to and including ']'. */
    private double[] row(Token open) {
        List<Double> values = new ArrayList<>();
        if (peek().is(Token.Kind.RBRACKET)) {
            throw new SyntaxError(open.span(), "an empty row: a row needs at least one number");
        }
        while (true) {
            Token t = next();
            double sign = 1;
            if (t.is(Token.Kind.MINUS)) {
                sign = -1;
                t = next();
            }
            if (t.is(Token.Kind.ERROR)) {
                throw error(t);
            }
            if (!t.is(Token.Kind.NUMBER)) {
                throw t.endsLine() ? unclosed(open, t, ']') : unexpected(t, "a number (a literal holds only numbers)");
            }
            values.add(sign * t.number());
            Token sep = next();
            if (sep.is(Token.Kind.RBRACKET)) {
                return values.stream().mapToDouble(Double::doubleValue).toArray();
            }
            if (!sep.is(Token.Kind.COMMA)) {
                throw sep.endsLine() ? unclosed(open, sep, ']') : unexpected(sep, "',' or ']' in the row");
            }
        }
    }

    /** Where an operand is, with its parentheses if it had any. */
    private Span extent(Expr e) {
        return parenthesised.getOrDefault(e, e.span());
    }

    private Span extent(Expr from, Expr to) {
        return Span.between(extent(from), extent(to));
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new SyntaxError(peek().span(), "the expression is nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private SyntaxError unclosed(Token open, Token found, char closer) {
        if (found.is(Token.Kind.ERROR)) {
            return error(found);
        }
        if (found.endsLine()) {
            return new SyntaxError(open.span(), "unclosed '" + open.text() + "': no '" + closer + "' before the end of the line");
        }
        return new SyntaxError(found.span(), "expected '" + closer + "' to close the '" + open.text() + "' at "
                + open.span() + ", found " + found.describe());
    }

    private SyntaxError unexpected(Token found, String expected) {
        return found.is(Token.Kind.ERROR) ? error(found)
                : new SyntaxError(found.span(), "expected " + expected + ", found " + found.describe());
    }

    private static SyntaxError error(Token t) {
        return new SyntaxError(t.span(), t.error());
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    /** The next token; at the end of a line it stays there, so the line's end is never skipped. */
    private Token next() {
        Token t = peek();
        if (!t.endsLine()) {
            pos++;
        }
        return t;
    }
}
