package org.backproplab.labs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Diagnostic;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.TrainingStep;

/**
 * The loss-landscape lab's back end (issue 15, first part): a surface f(x, y) written in the lesson language, and the
 * path an optimizer takes on it. The surface is compiled as a two-param lesson, so its gradient is the engine's own
 * backward pass, and each step is the one {@link TrainingStep} with the app's own optimizer (float64, the app's
 * defaults: μ 0.9, ρ 0.9, β₁ 0.9, β₂ 0.999, ε 1e-8). A path stops at the first value that is not finite.
 */
public final class Landscape {

    /** The surfaces a teacher starts from, each with what it teaches. */
    public enum Surface {
        BOWL("x^2 + y^2"),
        RAVINE("0.1*x^2 + 10*y^2"),
        ROSENBROCK("(1 - x)^2 + 100*(y - x^2)^2"),
        SADDLE("x^2 - y^2"),
        DOUBLE_WELL("x^4 - 3*x^2 + x + y^2"),
        HIMMELBLAU("(x^2 + y - 11)^2 + (x + y^2 - 7)^2");

        private final String expression;

        Surface(String expression) {
            this.expression = expression;
        }

        /** f(x, y) in the lesson language. */
        public String expression() {
            return expression;
        }

        /** The written name: bowl, ravine, rosenbrock, saddle, double_well, himmelblau. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One point of a path: where the optimizer is and the surface's value there. */
    public record Point(double x, double y, double f) {
    }

    /** A path: the start and every point after a step; {@code stoppedAt} is the step that overflowed, or -1. */
    public record Path(List<Point> points, int stoppedAt) {
        public Path {
            points = List.copyOf(points);
        }

        public Point last() {
            return points.get(points.size() - 1);
        }
    }

    /** A surface that cannot be compiled, with the lesson language's message and the column in the expression. */
    public static final class BadSurface extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;

        BadSurface(int column, String message) {
            super("column " + column + ": " + message, null, false, false);
            this.column = column;
        }

        /** The 1-based column in the expression the message points at. */
        public int column() {
            return column;
        }
    }

    /** The app's momentum μ everywhere. */
    public static final double DEFAULT_MOMENTUM = 0.9;
    private static final String PREFIX = "loss f = ";
    private final String expression;

    private Landscape(String expression) {
        this.expression = expression;
    }

    /** The surface of an expression in x and y; refused with the lesson language's message when it is not one. */
    public static Landscape of(String expression) throws BadSurface {
        Landscape surface = new Landscape(expression.strip());
        surface.compile(0, 0); // checked once, here: a path never meets a compile error
        return surface;
    }

    /** A preset surface. */
    public static Landscape of(Surface surface) {
        try {
            return of(surface.expression());
        } catch (BadSurface e) {
            throw new IllegalStateException("preset " + surface.id() + ": " + e.getMessage(), e);
        }
    }

    public String expression() {
        return expression;
    }

    /** f at one point, by the engine's forward pass. */
    public double value(double x, double y) {
        Lesson lesson = compileUnchecked(x, y);
        lesson.forward();
        return lesson.output().item();
    }

    /** {@code steps} updates of the optimizer from (x0, y0): steps + 1 points, fewer if a value overflowed. */
    public Path run(OptimizerKind optimizer, double learningRate, double x0, double y0, int steps) {
        return run(optimizer, learningRate, DEFAULT_MOMENTUM, x0, y0, steps);
    }

    /** The same with the momentum μ of momentum and Nesterov given (the others have none). */
    public Path run(OptimizerKind optimizer, double learningRate, double momentum, double x0, double y0, int steps) {
        Lesson lesson = compileUnchecked(x0, y0);
        Tensor x = lesson.tensor("x").orElseThrow();
        Tensor y = lesson.tensor("y").orElseThrow();
        List<Tensor> params = List.of(x, y);
        Optimizer rule = switch (optimizer) {
            case MOMENTUM, NESTEROV -> new Optimizer.Momentum(params, learningRate, momentum,
                    optimizer == OptimizerKind.NESTEROV);
            default -> optimizer.create(params, learningRate);
        };
        TrainingStep step = new TrainingStep(rule, new Clipping.None());
        List<Point> points = new ArrayList<>(steps + 1);
        for (int i = 0; i < steps; i++) {
            double px = x.item();
            double py = y.item();
            TrainingStep.Result r = step.run(lesson.objective());
            points.add(new Point(px, py, r.loss()));
            if (!Double.isFinite(r.loss()) || !Double.isFinite(x.item()) || !Double.isFinite(y.item())) {
                return new Path(points, i + 1);
            }
        }
        lesson.forward();
        points.add(new Point(x.item(), y.item(), lesson.output().item()));
        return new Path(points, Double.isFinite(lesson.output().item()) ? -1 : steps);
    }

    private Lesson compileUnchecked(double x, double y) {
        try {
            return compile(x, y);
        } catch (BadSurface e) {
            throw new IllegalStateException(e); // of() compiled it once already
        }
    }

    private Lesson compile(double x, double y) throws BadSurface {
        if (expression.contains("\n") || expression.contains("\r")) {
            throw new BadSurface(expression.indexOf('\n') + 1, "a surface is one expression on one line");
        }
        String source = "param x = " + literal(x) + "\nparam y = " + literal(y) + "\n" + PREFIX + expression + "\n";
        try {
            Lesson lesson = Lesson.compile(source, "surface");
            if (lesson.output().size() != 1) {
                throw new BadSurface(1, "f(x, y) must be one number, not a " + lesson.output().rows() + "x"
                        + lesson.output().cols() + " matrix");
            }
            return lesson;
        } catch (LessonException e) {
            Diagnostic d = e.first();
            int column = d.line() == 3 ? Math.max(1, d.column() - PREFIX.length()) : 1;
            throw new BadSurface(column, d.message());
        }
    }

    /** A decimal the lexer reads back exactly: no exponent, every digit of the double. */
    private static String literal(double v) {
        String plain = new BigDecimal(v).toPlainString();
        return v < 0 ? "(" + plain + ")" : plain;
    }
}
