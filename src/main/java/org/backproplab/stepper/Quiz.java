package org.backproplab.stepper;

import java.util.List;

import org.backproplab.engine.Snapshot;

/**
 * Ask before telling: the number a step is about to reveal, as a question, and the student's answer checked against
 * it. Stepping forward asks for the node's value, backward for the gradient the node receives (after the
 * accumulation, so at a fork the sum of both paths), an update for the parameter's new value. The expected number is
 * the frame's own, the engine's; nothing is recomputed. Only scalars are asked (a matrix would be many numbers to
 * type); a step that reveals a matrix, or nothing, is shown without a question.
 *
 * <p>An answer is right when it is within 1 % of the value, or when it equals the value rounded to 3 significant
 * digits (so 0.731 for 0.7311 is right even where 1 % would be tighter); for a value of 0, when it is within 1e-9.
 */
public final class Quiz {

    /** The relative tolerance of a right answer. */
    public static final double TOLERANCE = 0.01;

    /**
     * What a step asks.
     *
     * @param phase       forward (a value), backward (a gradient) or update (a new value)
     * @param node        the node asked about
     * @param name        its name
     * @param expected    the number the step reveals
     * @param explanation the lines that give it, as the step-through view writes them
     */
    public record Question(Phase phase, int node, String name, double expected, List<String> explanation) {
    }

    /** A checked answer: whether it was right, and what was expected. */
    public record Answer(Question question, double given, boolean right) {
    }

    private int asked;
    private int right;

    /** The question of a frame about to be shown, or null when it reveals no scalar. */
    public static Question of(Frame next, StepGraph graph) {
        int node = next.activeNode();
        if (node < 0 || next.phase() == null) {
            return null;
        }
        Snapshot shown;
        if (next.phase() == Phase.BACKWARD) {
            // The node whose gradient this chain-rule step adds to: the one step changed.
            if (next.changed().size() != 1) {
                return null;
            }
            node = next.changed().iterator().next();
            shown = next.gradients()[node];
        } else {
            shown = next.values()[node];
        }
        if (shown == null || !shown.isScalar()) {
            return null;
        }
        return new Question(next.phase(), node, graph.node(node).name(), shown.item(),
                next.explanation() == null ? List.of() : next.explanation().lines());
    }

    /** Checks an answer and counts it in the score. */
    public Answer answer(Question q, double given) {
        boolean ok = isRight(given, q.expected());
        asked++;
        if (ok) {
            right++;
        }
        return new Answer(q, given, ok);
    }

    /** Within 1 %, or the same to 3 significant digits; for 0, within 1e-9. */
    public static boolean isRight(double given, double expected) {
        if (!Double.isFinite(given)) {
            return false;
        }
        if (expected == 0) {
            return Math.abs(given) <= 1e-9;
        }
        if (Math.abs(given - expected) <= TOLERANCE * Math.abs(expected)) {
            return true;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - 2);
        return Math.round(expected / scale) * scale == Math.round(given / scale) * scale;
    }

    /** How many answers so far. */
    public int asked() {
        return asked;
    }

    /** How many of them were right. */
    public int right() {
        return right;
    }

    /** A new iteration, or a reset: the score starts again. */
    public void restart() {
        asked = 0;
        right = 0;
    }
}
