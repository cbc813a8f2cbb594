package org.backproplab.labs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.backproplab.engine.Buffer;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Tensor;
import org.backproplab.labs.Landscape.Hessian;
import org.backproplab.labs.Landscape.Method;
import org.backproplab.labs.Landscape.Point;
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.labs.Landscape.XY;
import org.backproplab.lesson.Lesson;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.ParameterUpdate;
import org.backproplab.nn.TrainingStep;

/**
 * A path on a surface taken one update at a time, for a view that draws each: the gradient methods through the one
 * {@link TrainingStep} with the app's optimizer, Newton's method through {@link NewtonStep}. Each step reports the
 * gradient it used, the optimizer's state after it (from the optimizer's own update events) and the update's numbers
 * written out as the step-through view writes them. The walk stops at the first value that is not finite.
 */
public final class Walk {

    /**
     * One update.
     *
     * @param index    the step's number, from 1
     * @param before   where it started, with f there
     * @param gradient the gradient the update used (with the noise, when there is some)
     * @param after    where it ended, with f there
     * @param state    the optimizer's state after the update by its symbol: v (velocity), s (mean square), m and v
     *                 (Adam's moments); Newton's step: Δ
     * @param written  the update's numbers written out
     * @param damped   Newton only: the Hessian was not positive definite here, so the step was damped
     * @param finite   false when a value stopped being finite; the walk ends there
     */
    public record Step(int index, Point before, XY gradient, Point after, Map<String, XY> state, List<String> written,
                       boolean damped, boolean finite) {
    }

    private final Lesson lesson;
    private final Tensor x;
    private final Tensor y;
    private final Method method;
    private final Settings settings;
    private final TrainingStep step;
    private final Random noise;
    private Point current;
    private int steps;
    private boolean stopped;

    Walk(Lesson lesson, Method method, Settings settings) {
        this.lesson = lesson;
        this.x = lesson.tensor("x").orElseThrow();
        this.y = lesson.tensor("y").orElseThrow();
        this.method = method;
        this.settings = settings;
        this.step = method == Method.NEWTON ? null : new TrainingStep(optimizer(method, settings, List.of(x, y)),
                new Clipping.None());
        this.noise = new Random(settings.seed());
        lesson.forward();
        this.current = new Point(x.item(), y.item(), lesson.output().item());
        this.stopped = !finite(current);
    }

    /** The app's optimizer for a method, with the settings' μ, β₁ and β₂. */
    static Optimizer optimizer(Method method, Settings s, List<Tensor> params) {
        if (method.optimizer() == null) {
            throw new IllegalArgumentException("Newton's method has no first-order optimizer");
        }
        return method.optimizer().create(params, s.learningRate(),
                new OptimizerKind.Hyperparameters(s.momentum(), s.beta1(), s.beta2()));
    }

    /** Where the walk is now, with f there. */
    public Point current() {
        return current;
    }

    /** How many updates it has made. */
    public int steps() {
        return steps;
    }

    /** Whether a value stopped being finite (no more steps then). */
    public boolean stopped() {
        return stopped;
    }

    public Method method() {
        return method;
    }

    /** The next update; an {@link IllegalStateException} once the walk has stopped. */
    public Step next() {
        if (stopped) {
            throw new IllegalStateException("the walk stopped at step " + steps + ": a value was not finite");
        }
        steps++;
        Step s = method == Method.NEWTON ? newton() : descend();
        current = s.after();
        stopped = !s.finite();
        return s;
    }

    private Step descend() {
        Point before = current;
        double[] raw = new double[2];
        double[] used = new double[2];
        Map<String, double[]> state = new LinkedHashMap<>();
        String[] rule = new String[1];
        TrainingStep.Watcher watcher = new TrainingStep.Watcher() {
            @Override
            public void backpropagated(double loss) {
                raw[0] = x.grad().get(0);
                raw[1] = y.grad().get(0);
                used[0] = addNoise(x.grad());
                used[1] = addNoise(y.grad());
            }

            @Override
            public ParameterUpdate.Listener updateListener() {
                return u -> {
                    int k = u.parameter() == x ? 0 : 1;
                    for (var e : u.state().entrySet()) {
                        String symbol = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
                        state.computeIfAbsent(symbol, n -> new double[2])[k] = e.getValue().item();
                    }
                    rule[0] = u.rule();
                };
            }
        };
        step.run(lesson.objective(), watcher);
        lesson.forward();
        Point after = new Point(x.item(), y.item(), lesson.output().item());
        Map<String, XY> named = new LinkedHashMap<>();
        state.forEach((k, v) -> named.put(k, new XY(v[0], v[1])));
        List<String> written = new ArrayList<>();
        String eta = number(settings.learningRate());
        if (settings.noise() > 0) {
            written.add("g = ∇f + σ·ξ = " + pair(raw[0], raw[1]) + " + " + pair(used[0] - raw[0], used[1] - raw[1])
                    + " = " + pair(used[0], used[1]));
        }
        String g = settings.noise() > 0 ? "g" : "∇f";
        if (method == Method.SGD) {
            written.add("(x, y) ← (x, y) − η·" + g + " = " + pair(before.x(), before.y()) + " − " + eta + " × "
                    + pair(used[0], used[1]) + " = " + pair(after.x(), after.y()));
        } else {
            written.add(rule[0]);
            written.add("g = " + (settings.noise() > 0 ? "" : "∇f = ") + pair(used[0], used[1]) + ",  η = " + eta);
            named.forEach((k, v) -> written.add(k + " = " + pair(v.x(), v.y())));
            written.add("(x, y): " + pair(before.x(), before.y()) + " → " + pair(after.x(), after.y()));
        }
        boolean finite = finite(before) && finite(after) && Double.isFinite(used[0]) && Double.isFinite(used[1]);
        return new Step(steps, before, new XY(used[0], used[1]), after, named, written, false, finite);
    }

    private Step newton() {
        Point before = current;
        XY raw = NewtonStep.gradient(lesson, x, y);
        double gx = addNoise(x.grad());
        double gy = addNoise(y.grad());
        Hessian h = NewtonStep.hessian(lesson, x, y);
        NewtonStep.Delta d = NewtonStep.delta(gx, gy, h, settings.learningRate());
        x.value().set(0, before.x() + d.dx());
        y.value().set(0, before.y() + d.dy());
        lesson.forward();
        Point after = new Point(x.item(), y.item(), lesson.output().item());
        List<String> written = new ArrayList<>();
        if (settings.noise() > 0) {
            written.add("g = ∇f + σ·ξ = " + pair(raw.x(), raw.y()) + " + " + pair(gx - raw.x(), gy - raw.y()));
        }
        written.add("g = " + pair(gx, gy) + ",  η = " + number(settings.learningRate()));
        double[] lambda = h.eigenvalues();
        written.add("H = [[" + number(h.xx()) + ", " + number(h.xy()) + "], [" + number(h.xy())
                + ", " + number(h.yy()) + "]],  λ = " + number(lambda[0]) + ", " + number(lambda[1]));
        String inverse = d.damped() ? "|H|⁻¹" : "H⁻¹";
        written.add("(x, y) ← (x, y) − η·" + inverse + "·g = " + pair(before.x(), before.y()) + " + "
                + pair(d.dx(), d.dy()) + " = " + pair(after.x(), after.y()));
        boolean finite = finite(before) && finite(after) && Double.isFinite(d.dx()) && Double.isFinite(d.dy());
        return new Step(steps, before, new XY(gx, gy), after, Map.of("Δ", new XY(d.dx(), d.dy())), written,
                d.damped(), finite);
    }

    /** Adds N(0, σ²) to a scalar gradient when the settings ask for noise; returns the gradient used. */
    private double addNoise(Buffer grad) {
        if (settings.noise() > 0) {
            grad.set(0, grad.get(0) + settings.noise() * noise.nextGaussian());
        }
        return grad.get(0);
    }

    /** Four significant digits, as the step-through view writes its numbers. */
    private static String number(double v) {
        return Numbers.significant(v, 4);
    }

    private static String pair(double a, double b) {
        return "(" + number(a) + ", " + number(b) + ")";
    }

    private static boolean finite(Point p) {
        return Double.isFinite(p.x()) && Double.isFinite(p.y()) && Double.isFinite(p.f());
    }
}
