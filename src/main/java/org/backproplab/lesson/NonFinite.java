package org.backproplab.lesson;

import java.util.List;
import org.backproplab.engine.Buffer;
import org.backproplab.engine.Tensor;

/**
 * The first number of a lesson's run that is not finite (NaN, Infinity or -Infinity): the step, the pass, the node
 * and the element. Everything computed from it is likely NaN or infinite too, so the first one is where to look
 * (lesson 08 without clipping: Infinity in h2's forward pass at step 3, NaN from step 4's update on).
 *
 * @param step   the training step, from 1; or {@link #AFTER_TRAINING} for the pass after the last step (with no
 *               training steps, the only pass)
 * @param phase  the part of the step that made it
 * @param node   the node as messages name it: {@code node h2}, {@code param w}, {@code 'h10 - 1' (part of L, line 14)}
 * @param number the number: NaN or an infinity
 * @param row    its row in the node's value or gradient, from 1
 * @param column its column, from 1
 * @param matrix whether the node has more than one element (then the row and column are worth saying)
 */
public record NonFinite(int step, Phase phase, String node, double number, int row, int column, boolean matrix) {

    /** {@link #step()} of the forward and backward pass that follows the training steps. */
    public static final int AFTER_TRAINING = 0;

    /** Which part of a step made the number. */
    public enum Phase {
        /** A node's value, computed by the forward pass. */
        FORWARD,
        /** A node's gradient, as the backward pass made it (before any clipping). */
        BACKWARD,
        /** A param's new value, made by the optimizer's update. */
        UPDATE
    }

    /** What went non-finite, in words: {@code node h2 = Infinity in the forward pass}. */
    public String what() {
        String at = matrix ? " at row " + row + ", column " + column : "";
        return switch (phase) {
            case FORWARD -> node + " = " + number + at + " in the forward pass";
            case BACKWARD -> "the gradient of " + node + " = " + number + at + " in the backward pass";
            case UPDATE -> "the update made " + node + " = " + number + at;
        };
    }

    /** Looks for the first non-finite number of a run, pass by pass, until it finds one. */
    static final class Watch {
        private final Lesson lesson;
        private NonFinite found;

        Watch(Lesson lesson) {
            this.lesson = lesson;
        }

        /** The first non-finite number seen, or null. */
        NonFinite found() {
            return found;
        }

        /**
         * After a forward and backward pass: the values in the order the forward pass made them, then the gradients
         * in the order the backward pass made them.
         */
        void passed(int step) {
            List<Tensor> nodes = lesson.nodes();
            for (int i = 0; i < nodes.size() && found == null; i++) {
                look(step, Phase.FORWARD, nodes.get(i), nodes.get(i).value());
            }
            for (int i = nodes.size() - 1; i >= 0 && found == null; i--) {
                look(step, Phase.BACKWARD, nodes.get(i), nodes.get(i).grad());
            }
        }

        /** After the update: the params' new values. */
        void updated(int step) {
            for (Tensor p : lesson.parameters()) {
                if (found == null) {
                    look(step, Phase.UPDATE, p, p.value());
                }
            }
        }

        private void look(int step, Phase phase, Tensor t, Buffer numbers) {
            for (int i = 0; i < numbers.length(); i++) {
                double v = numbers.get(i);
                if (!Double.isFinite(v)) {
                    found = new NonFinite(step, phase, name(t), v, i / t.cols() + 1, i % t.cols() + 1, t.size() > 1);
                    return;
                }
            }
        }

        /** {@code node h2}, {@code param w}, {@code const x}; a part of a statement by its text and line. */
        private String name(Tensor t) {
            Lesson.Origin origin = lesson.origin(t).orElse(null);
            if (origin == null) {
                return "node " + t.label();
            }
            Statement s = lesson.statements().get(origin.statement());
            if (origin.span().equals(s.value().span())) {
                String kind = t.isTrainable() ? "param" : t.isLeaf() ? "const" : "node";
                return kind + " " + s.name();
            }
            String text = origin.span().in(lesson.source());
            return "'" + text + "' (part of " + s.name() + ", line " + s.line() + ")";
        }
    }
}
