package org.backproplab.lesson;

/**
 * One line of a lesson that does something: binds a name. The four kinds differ in what the name becomes:
 * {@link Assign} a node (or a constant leaf when the right side is a literal), {@link Param} a trainable leaf,
 * {@link Const} a leaf that is never updated, {@link Loss} the node backprop starts from.
 */
public sealed interface Statement {

    /** The name being bound. */
    String name();

    /** Where the name is written. */
    Span nameSpan();

    /** The right side. */
    Expr value();

    /** The 1-based line of the statement. */
    default int line() {
        return nameSpan().line();
    }

    /** The keyword before the name, or "" for a plain binding. */
    String keyword();

    /** {@code name = expr}. */
    record Assign(String name, Span nameSpan, Expr value) implements Statement {
        @Override
        public String keyword() {
            return "";
        }
    }

    /** {@code param name = literal}. */
    record Param(String name, Span nameSpan, Expr value) implements Statement {
        @Override
        public String keyword() {
            return "param";
        }
    }

    /** {@code const name = literal}. */
    record Const(String name, Span nameSpan, Expr value) implements Statement {
        @Override
        public String keyword() {
            return "const";
        }
    }

    /** {@code loss name = expr}. */
    record Loss(String name, Span nameSpan, Expr value) implements Statement {
        @Override
        public String keyword() {
            return "loss";
        }
    }
}
