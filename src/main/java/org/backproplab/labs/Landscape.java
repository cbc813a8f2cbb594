package org.backproplab.labs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.backproplab.engine.Binary;
import org.backproplab.engine.Tensor;
import org.backproplab.engine.Unary;
import org.backproplab.lesson.Diagnostic;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.nn.OptimizerKind;

/**
 * The loss-landscape lab's back end (issue 15): a surface f(x, y) written in the lesson language, and the
 * path an optimizer takes on it. The surface is compiled as a two-param lesson, so its gradient is the engine's own
 * backward pass, and each step is the one {@link org.backproplab.nn.TrainingStep} with the app's own optimizer (float64, the app's
 * defaults: μ 0.9, ρ 0.9, β₁ 0.9, β₂ 0.999, ε 1e-8). A path stops at the first value that is not finite.
 */
public final class Landscape {

    /** A point of the plane. */
    public record XY(double x, double y) {
    }

    /** The range of the plane a view draws. */
    public record Window(double xMin, double xMax, double yMin, double yMax) {
        public Window {
            if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))
                    || xMin >= xMax || yMin >= yMax) {
                throw new IllegalArgumentException("a window needs finite xMin < xMax and yMin < yMax, not x "
                        + xMin + " to " + xMax + ", y " + yMin + " to " + yMax);
            }
        }

        public double width() {
            return xMax - xMin;
        }

        public double height() {
            return yMax - yMin;
        }
    }

    /** A stationary point a preset is known to have. */
    public record Landmark(Kind kind, double x, double y) {
        /** What the point is. */
        public enum Kind { GLOBAL_MINIMUM, LOCAL_MINIMUM, SADDLE }

        public boolean isMinimum() {
            return kind != Kind.SADDLE;
        }
    }

    /**
     * The 2×2 matrix of second derivatives at a point, symmetric. The lab finds it by central differences of the
     * engine's gradients (see {@link Landscape#hessian}), not from second-derivative code.
     */
    public record Hessian(double xx, double xy, double yy) {
        /** Both eigenvalues, the smaller first. */
        public double[] eigenvalues() {
            double mid = (xx + yy) / 2;
            double radius = Math.hypot((xx - yy) / 2, xy);
            return new double[] {mid - radius, mid + radius};
        }

        public boolean positiveDefinite() {
            return eigenvalues()[0] > 0;
        }
    }

    /** How a path descends: the app's optimizers, and Newton's method. */
    public enum Method {
        /** Plain gradient descent (with gradient noise when the settings give some: SGD as a small batch makes it). */
        SGD(OptimizerKind.SGD),
        MOMENTUM(OptimizerKind.MOMENTUM),
        NESTEROV(OptimizerKind.NESTEROV),
        RMSPROP(OptimizerKind.RMSPROP),
        ADAM(OptimizerKind.ADAM),
        /** w ← w − η·H⁻¹·g with the Hessian from the engine's gradients; see {@link NewtonStep}. */
        NEWTON(null);

        private final OptimizerKind optimizer;

        Method(OptimizerKind optimizer) {
            this.optimizer = optimizer;
        }

        /** The app's optimizer behind it; null for Newton's method. */
        public OptimizerKind optimizer() {
            return optimizer;
        }

        /** sgd, momentum, nesterov, rmsprop, adam, newton. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The method of that id; an {@link IllegalArgumentException} naming the choices otherwise. */
        public static Method parse(String id) {
            for (Method m : values()) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--optimizer must be one of sgd, momentum, nesterov, rmsprop, adam, "
                    + "newton, not '" + id + "'");
        }
    }

    /**
     * What a path's optimizer is set to. The defaults are the app's everywhere: μ 0.9, β₁ 0.9, β₂ 0.999 (and RMSprop's
     * ρ 0.9 and ε 1e-8, which are fixed); noise σ is the standard deviation of the Gaussian noise added to each
     * component of the gradient, drawn from a generator seeded with {@code seed}.
     */
    public record Settings(double learningRate, double momentum, double beta1, double beta2, double noise, long seed) {
        public Settings {
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("the learning rate must be a positive number, not " + learningRate);
            }
            if (!(momentum >= 0 && momentum < 1) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("μ, β₁ and β₂ must be in [0, 1)");
            }
            if (!(noise >= 0) || !Double.isFinite(noise)) {
                throw new IllegalArgumentException("the gradient noise must be 0 or more, not " + noise);
            }
        }

        /** The app's defaults with this learning rate. */
        public static Settings of(double learningRate) {
            return new Settings(learningRate, DEFAULT_MOMENTUM, 0.9, 0.999, 0, 1);
        }

        public Settings withLearningRate(double v) {
            return new Settings(v, momentum, beta1, beta2, noise, seed);
        }

        public Settings withMomentum(double v) {
            return new Settings(learningRate, v, beta1, beta2, noise, seed);
        }

        public Settings withBeta1(double v) {
            return new Settings(learningRate, momentum, v, beta2, noise, seed);
        }

        public Settings withBeta2(double v) {
            return new Settings(learningRate, momentum, beta1, v, noise, seed);
        }

        public Settings withNoise(double v) {
            return new Settings(learningRate, momentum, beta1, beta2, v, seed);
        }

        public Settings withSeed(long v) {
            return new Settings(learningRate, momentum, beta1, beta2, noise, v);
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

    /** ∇f at one point, by the engine's backward pass. */
    public XY gradient(double x, double y) {
        Lesson lesson = compileUnchecked(x, y);
        return NewtonStep.gradient(lesson, lesson.tensor("x").orElseThrow(), lesson.tensor("y").orElseThrow());
    }

    /**
     * The Hessian at one point by central differences of the engine's gradients, with the step
     * {@link NewtonStep#differencingStep}; the two mixed derivatives are averaged, so the matrix is symmetric.
     */
    public Hessian hessian(double x, double y) {
        Lesson lesson = compileUnchecked(x, y);
        return NewtonStep.hessian(lesson, lesson.tensor("x").orElseThrow(), lesson.tensor("y").orElseThrow());
    }

    /** {@code steps} updates of the optimizer from (x0, y0): steps + 1 points, fewer if a value overflowed. */
    public Path run(OptimizerKind optimizer, double learningRate, double x0, double y0, int steps) {
        return run(optimizer, learningRate, DEFAULT_MOMENTUM, x0, y0, steps);
    }

    /** The same with the momentum μ of momentum and Nesterov given (the others have none). */
    public Path run(OptimizerKind optimizer, double learningRate, double momentum, double x0, double y0, int steps) {
        Method method = Method.valueOf(optimizer.name());
        return run(method, Settings.of(learningRate).withMomentum(momentum), x0, y0, steps);
    }

    /**
     * {@code steps} updates from (x0, y0): the start and the point after each update, steps + 1 points, fewer when a
     * value stopped being finite (then {@code stoppedAt} is that step).
     */
    public Path run(Method method, Settings settings, double x0, double y0, int steps) {
        Walk walk = walk(method, settings, x0, y0);
        List<Point> points = new ArrayList<>(steps + 1);
        points.add(walk.current());
        for (int i = 0; i < steps; i++) {
            Walk.Step step = walk.next();
            if (!step.finite()) {
                return new Path(points, step.index());
            }
            points.add(step.after());
        }
        return new Path(points, -1);
    }

    /** A path taken one update at a time, for a view that draws each. */
    public Walk walk(Method method, Settings settings, double x0, double y0) {
        return new Walk(compileUnchecked(x0, y0), method, settings);
    }

    /**
     * The surface as a lesson with two params at (x, y), for the step-through view: one update of it is one step of
     * the path. Its output is f, not a loss: a surface is not a network's loss.
     */
    public String lesson(double x, double y) {
        return "# Title: the surface f(x, y) = " + expression + "\n"
                + "# Teaches: one step of gradient descent on a surface, node by node: the backward pass gives\n"
                + "#   df/dx and df/dy, and the update moves (x, y) against them.\n"
                + "# 标题：曲面 f(x, y) = " + expression + "\n"
                + "# 本课内容：在曲面上一步一步地走梯度下降：反向传播给出 df/dx 和 df/dy，\n"
                + "#   更新让 (x, y) 沿它们的反方向移动。\n"
                + "param x = " + literal(x) + "\nparam y = " + literal(y) + "\nf = " + expression + "\n";
    }

    /**
     * The surface compiled with x and y given as equal-shaped matrices, one point per element, when f is made of
     * element-wise ops only; empty when it is not (a sum, a matrix product or a softmax mixes the points, so such a
     * surface is evaluated point by point).
     */
    Optional<Lesson> compileOver(Tensor xs, Tensor ys) {
        try {
            Lesson lesson = Lesson.compile(source(0, 0), "surface", Map.of("x", xs, "y", ys));
            for (Tensor t : lesson.nodes()) {
                if (!t.isLeaf() && !(t.op() instanceof Unary) && !(t.op() instanceof Binary)) {
                    return Optional.empty();
                }
            }
            boolean elementwise = lesson.output().rows() == xs.rows() && lesson.output().cols() == xs.cols();
            return elementwise ? Optional.of(lesson) : Optional.empty();
        } catch (LessonException e) {
            return Optional.empty(); // too many numbers for one lesson: the caller takes smaller pieces
        }
    }

    private Lesson compileUnchecked(double x, double y) {
        try {
            return compile(x, y);
        } catch (BadSurface e) {
            throw new IllegalStateException(e); // of() compiled it once already
        }
    }

    private String source(double x, double y) {
        return "param x = " + literal(x) + "\nparam y = " + literal(y) + "\n" + PREFIX + expression + "\n";
    }

    private Lesson compile(double x, double y) throws BadSurface {
        if (expression.contains("\n") || expression.contains("\r")) {
            throw new BadSurface(expression.indexOf('\n') + 1, "a surface is one expression on one line");
        }
        try {
            Lesson lesson = Lesson.compile(source(x, y), "surface");
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
    static String literal(double v) {
        String plain = new BigDecimal(v).toPlainString();
        return v < 0 ? "(" + plain + ")" : plain;
    }
}
