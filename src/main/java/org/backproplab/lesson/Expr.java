package org.backproplab.lesson;

import java.util.List;

/**
 * An expression of the lesson language, as the parser read it. Every expression knows its {@link #span()} in
 * the source (what the UI highlights); operators and calls also know where their operator or function name is
 * (where a shape error is reported). Parentheses leave no node of their own.
 */
public sealed interface Expr {

    /** Where the whole expression is. */
    Span span();

    /** Where an error about this expression as a whole is reported: its operator, its function, its start. */
    default Span anchor() {
        return span();
    }

    /** A number such as {@code 2.5e-3}. */
    record NumberLit(double value, Span span) implements Expr {
    }

    /**
     * A row {@code [1, 2, 3]} (one row) or a matrix {@code [[1, 2], [3, 4]]}; every row has the same length.
     * The array is the parser's own: read it, do not change it.
     */
    record MatrixLit(double[][] rows, Span span) implements Expr {
    }

    /** A use of a bound name. */
    record Name(String name, Span span) implements Expr {
    }

    /** Unary minus, {@code -x}. */
    record Negate(Expr operand, Span span, Span operator) implements Expr {
        @Override
        public Span anchor() {
            return operator;
        }
    }

    /** {@code left op right} for the element-wise operators and {@code @}. */
    record BinaryOp(Operator operator, Expr left, Expr right, Span span, Span operatorSpan) implements Expr {
        @Override
        public Span anchor() {
            return operatorSpan;
        }
    }

    /** {@code base ^ exponent} (also written {@code **}); the exponent must be a constant. */
    record Power(Expr base, Expr exponent, Span span, Span operatorSpan) implements Expr {
        @Override
        public Span anchor() {
            return operatorSpan;
        }
    }

    /** {@code function(arguments)}. */
    record Call(String function, List<Expr> arguments, Span span, Span nameSpan) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public Span anchor() {
            return nameSpan;
        }
    }

    /** The binary operators, as written. */
    enum Operator {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MATMUL("@");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** True for what may stand on the right of {@code param} and {@code const}: a number (maybe negated), a row, a matrix. */
    static boolean isLiteral(Expr e) {
        return e instanceof NumberLit || e instanceof MatrixLit
                || e instanceof Negate n && n.operand() instanceof NumberLit;
    }
}
