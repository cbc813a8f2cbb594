package org.backproplab.stepper;

import java.util.Locale;
import org.backproplab.lesson.Lesson;

/**
 * What an update lowers and the step-through chart follows, one number per iteration: the loss of a lesson with a
 * {@code loss} statement, else its output itself. Output and loss are different things, and lessons 01 and 02 have
 * no loss, so the view names whichever it is.
 *
 * <p>Without a loss the engine does exactly what it does with one: backward is seeded with 1 at the output, and each
 * update moves every param against the output's gradient. So an update then lowers the output, as if it were the
 * loss: gradient descent on the output itself. A matrix counts as the sum of its elements, in both cases, since the
 * seed is 1 for every element ({@link org.backproplab.nn.TrainingStep#loss}).
 *
 * @param what   the loss, or the output
 * @param summed true when the node is a matrix, so the number followed is the sum of its elements
 */
public record Minimised(What what, boolean summed) {

    /** Whether the lesson has a loss. */
    public enum What {
        /** A {@code loss} statement chose the output: the loss. */
        LOSS,
        /** No {@code loss} statement: the last statement's node, the output. */
        OUTPUT;

        /** {@code loss} or {@code output}: the CSV column, the end of a message key, a file name's last word. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Minimised {
        if (what == null) {
            throw new IllegalArgumentException("what is minimised must be given");
        }
    }

    /** The loss, or the output when the lesson has no {@code loss} statement. */
    public static Minimised of(Lesson lesson) {
        return new Minimised(lesson.hasLossStatement() ? What.LOSS : What.OUTPUT, !lesson.output().isScalar());
    }

    public boolean isLoss() {
        return what == What.LOSS;
    }

    /** The message key {@code base} says for this: {@code base.loss} or {@code base.output}. */
    public String key(String base) {
        return base + "." + what.word();
    }

    /**
     * The column of a table of the numbers followed (data for scripts, never translated): {@code loss} or
     * {@code output}, {@code loss_sum} or {@code output_sum} for a matrix.
     */
    public String column() {
        return what.word() + (summed ? "_sum" : "");
    }
}
