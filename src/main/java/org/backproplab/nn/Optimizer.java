package org.backproplab.nn;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Buffer;
import org.backproplab.engine.F32Buffer;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.concurrent.Parallel;

/**
 * Gradient descent on a list of parameters. The base zeroes gradients, applies L2 weight decay
 * (g ← ∂L/∂w + λ·w) and keeps per-parameter state; each subclass writes its update rule, from simple to
 * complex: SGD, momentum, RMSprop, Adam. The rule is written twice, side by side: per element in float64
 * for lessons (exact, and what the step-through view shows), and as one loop over float32 arrays for bulk
 * training, which the JIT turns into vector instructions (a tenth of a nanosecond per weight instead of ten).
 * A test holds the two to the same numbers.
 */
public abstract sealed class Optimizer permits Optimizer.Sgd, Optimizer.Momentum, Optimizer.RmsProp, Optimizer.Adam {

    protected final List<Tensor> parameters;
    private final Map<Tensor, double[][]> state = new IdentityHashMap<>();
    private final Map<Tensor, float[][]> stateF32 = new IdentityHashMap<>();
    private double learningRate;
    private double weightDecay;
    private long steps;

    protected Optimizer(List<Tensor> parameters, double learningRate) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
    }

    public double learningRate() { return learningRate; }

    /** Changes the learning rate, e.g. by a schedule between epochs. */
    public void setLearningRate(double learningRate) { this.learningRate = learningRate; }

    public double weightDecay() { return weightDecay; }

    public Optimizer withWeightDecay(double lambda) {
        this.weightDecay = lambda;
        return this;
    }

    /** How many steps have been taken. */
    public long steps() { return steps; }

    public List<Tensor> parameters() { return parameters; }

    public void step() {
        step(null);
    }

    /** Updates every parameter from its current gradient, reporting each update when watched. */
    public void step(ParameterUpdate.Listener listener) {
        steps++;
        beginStep();
        for (Tensor p : parameters) {
            Snapshot before = listener == null ? null : p.snapshot();
            Buffer w = p.value();
            Buffer g = p.grad();
            if (w instanceof F32Buffer fw) {
                float[][] s = stateF32.computeIfAbsent(p, t -> new float[stateNames().size()][t.size()]);
                float[] ws = fw.array();
                float[] gs = ((F32Buffer) g).array();
                float decay = (float) weightDecay;
                int n = ws.length;
                if (n >= PARALLEL_SIZE) {
                    // Element-wise, so any split gives the same numbers; both cores share the memory traffic.
                    int chunk = (n + PARTS - 1) / PARTS;
                    Parallel.run(PARTS, part -> updateF32(ws, gs, s, decay, part * chunk,
                            Math.min(n, (part + 1) * chunk)));
                } else {
                    updateF32(ws, gs, s, decay, 0, n);
                }
            } else {
                double[][] s = state.computeIfAbsent(p, t -> new double[stateNames().size()][t.size()]);
                for (int i = 0; i < w.length(); i++) {
                    double wi = w.get(i);
                    w.set(i, wi - update(g.get(i) + weightDecay * wi, s, i));
                }
            }
            if (listener != null) {
                Map<String, Snapshot> named = new LinkedHashMap<>();
                List<String> names = stateNames();
                for (int k = 0; k < names.size(); k++) {
                    named.put(names.get(k), new Snapshot(p.rows(), p.cols(), stateValues(p, k)));
                }
                listener.on(new ParameterUpdate(p, before, p.gradSnapshot(), p.snapshot(), learningRate, rule(), named));
            }
        }
    }

    /**
     * What the optimizer remembers, to save and put back (a step-through session): how many steps it has taken and,
     * per parameter in the order of {@link #parameters()}, its state arrays (none for SGD, the velocity for momentum,
     * the mean square for RMSprop, m and v for Adam), each as long as the parameter. A parameter not yet updated
     * has zeros, as it would start with.
     */
    public record State(long steps, List<double[][]> arrays) {
        public State {
            arrays = arrays.stream().map(State::copy).toList();
        }

        @Override
        public List<double[][]> arrays() {
            return arrays.stream().map(State::copy).toList();
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int k = 0; k < a.length; k++) {
                c[k] = a[k].clone();
            }
            return c;
        }
    }

    /** A copy of what the optimizer remembers now. */
    public State state() {
        List<double[][]> arrays = new ArrayList<>();
        int count = stateNames().size();
        for (Tensor p : parameters) {
            boolean started = state.containsKey(p) || stateF32.containsKey(p);
            double[][] s = new double[count][];
            for (int k = 0; k < count; k++) {
                s[k] = started ? stateValues(p, k) : new double[p.size()];
            }
            arrays.add(s);
        }
        return new State(steps, arrays);
    }

    /**
     * Puts back what {@link #state()} took (of an optimizer of the same kind on parameters of the same shapes), so
     * that the next step makes exactly the numbers it would have made. Throws, and changes nothing, when it does
     * not fit.
     */
    public void restore(State saved) {
        List<double[][]> arrays = saved.arrays();
        if (saved.steps() < 0 || arrays.size() != parameters.size()) {
            throw new IllegalArgumentException("the optimizer state has " + arrays.size() + " parameters and "
                    + saved.steps() + " steps; " + id() + " here has " + parameters.size() + " parameters");
        }
        int count = stateNames().size();
        for (int i = 0; i < arrays.size(); i++) {
            Tensor p = parameters.get(i);
            double[][] s = arrays.get(i);
            if (s.length != count) {
                throw new IllegalArgumentException(id() + " keeps " + count + " state arrays per parameter, not "
                        + s.length);
            }
            for (double[] a : s) {
                if (a.length != p.size()) {
                    throw new IllegalArgumentException("the state of parameter " + (i + 1) + " has " + a.length
                            + " values, but it has " + p.size());
                }
            }
        }
        steps = saved.steps();
        state.clear();
        stateF32.clear();
        for (int i = 0; i < arrays.size(); i++) {
            Tensor p = parameters.get(i);
            double[][] s = arrays.get(i);
            if (p.value() instanceof F32Buffer) {
                float[][] f = new float[count][p.size()];
                for (int k = 0; k < count; k++) {
                    for (int j = 0; j < f[k].length; j++) {
                        f[k][j] = (float) s[k][j]; // exact: the doubles came from floats
                    }
                }
                stateF32.put(p, f);
            } else {
                state.put(p, s);
            }
        }
    }

    private double[] stateValues(Tensor p, int k) {
        if (state.containsKey(p)) {
            return state.get(p)[k];
        }
        float[] f = stateF32.get(p)[k];
        double[] d = new double[f.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Called once at the start of each step, after the step count has advanced: per-step constants. */
    protected void beginStep() {
    }

    /** The amount to subtract from element i given its gradient g, updating the state s[k][i]. */
    protected abstract double update(double g, double[][] s, int i);

    /** The same rule over float32 arrays, elements from to to: w ← w − (its step), with g + λ·w as the gradient. */
    protected abstract void updateF32(float[] w, float[] g, float[][] s, float decay, int from, int to);

    /** Parameters at least this large are updated on all the kernel threads. */
    private static final int PARALLEL_SIZE = 1 << 14;
    private static final int PARTS = 4;

    /** The names of the state arrays, in the order of s. */
    protected abstract List<String> stateNames();

    /** The update rule in symbols. */
    public abstract String rule();

    /** The optimizer's name as on the command line: sgd, momentum, rmsprop, adam. */
    public abstract String id();

    /** Plain gradient descent: w ← w − η·g. */
    public static final class Sgd extends Optimizer {
        public Sgd(List<Tensor> parameters, double learningRate) { super(parameters, learningRate); }
        @Override protected double update(double g, double[][] s, int i) { return learningRate() * g; }

        @Override
        protected void updateF32(float[] w, float[] g, float[][] s, float decay, int from, int to) {
            float lr = (float) learningRate();
            for (int i = from; i < to; i++) {
                w[i] -= lr * (g[i] + decay * w[i]);
            }
        }
        @Override protected List<String> stateNames() { return List.of(); }
        @Override public String rule() { return "w ← w − η·∂L/∂w"; }
        @Override public String id() { return "sgd"; }
    }

    /**
     * Momentum, as PyTorch writes it: v ← μ·v + g, w ← w − η·v; with Nesterov, w ← w − η·(g + μ·v).
     */
    public static final class Momentum extends Optimizer {
        private final double mu;
        private final boolean nesterov;

        public Momentum(List<Tensor> parameters, double learningRate, double momentum, boolean nesterov) {
            super(parameters, learningRate);
            this.mu = momentum;
            this.nesterov = nesterov;
        }

        public Momentum(List<Tensor> parameters, double learningRate) {
            this(parameters, learningRate, 0.9, false);
        }

        @Override
        protected double update(double g, double[][] s, int i) {
            double v = mu * s[0][i] + g;
            s[0][i] = v;
            return learningRate() * (nesterov ? g + mu * v : v);
        }

        @Override
        protected void updateF32(float[] w, float[] g, float[][] s, float decay, int from, int to) {
            float lr = (float) learningRate();
            float m = (float) mu;
            float[] vel = s[0];
            for (int i = from; i < to; i++) {
                float gi = g[i] + decay * w[i];
                float v = m * vel[i] + gi;
                vel[i] = v;
                w[i] -= lr * (nesterov ? gi + m * v : v);
            }
        }

        @Override protected List<String> stateNames() { return List.of("velocity v"); }

        @Override
        public String rule() {
            return nesterov ? "v ← μ·v + g;  w ← w − η·(g + μ·v)" : "v ← μ·v + g;  w ← w − η·v";
        }

        @Override public String id() { return "momentum"; }
    }

    /** RMSprop: s ← ρ·s + (1 − ρ)·g², w ← w − η·g / (√s + ε), with ρ = 0.9 and ε = 1e-8. */
    public static final class RmsProp extends Optimizer {
        /** The default decay of the mean square: it remembers about the last ten squared gradients. */
        public static final double RHO = 0.9;
        /** The default ε, added to √s so that a parameter with no gradient yet does not divide by zero (Adam's). */
        public static final double EPSILON = Adam.EPSILON;
        private final double rho;
        private final double eps;

        public RmsProp(List<Tensor> parameters, double learningRate, double rho, double eps) {
            super(parameters, learningRate);
            this.rho = rho;
            this.eps = eps;
        }

        public RmsProp(List<Tensor> parameters, double learningRate) {
            this(parameters, learningRate, RHO, EPSILON);
        }

        @Override
        protected double update(double g, double[][] s, int i) {
            double sq = rho * s[0][i] + (1 - rho) * g * g;
            s[0][i] = sq;
            return learningRate() * g / (Math.sqrt(sq) + eps);
        }

        @Override
        protected void updateF32(float[] w, float[] g, float[][] s, float decay, int from, int to) {
            float lr = (float) learningRate();
            float r = (float) rho;
            float e = (float) eps;
            float[] sq = s[0];
            for (int i = from; i < to; i++) {
                float gi = g[i] + decay * w[i];
                float si = r * sq[i] + (1 - r) * gi * gi;
                sq[i] = si;
                w[i] -= lr * gi / ((float) Math.sqrt(si) + e);
            }
        }

        @Override protected List<String> stateNames() { return List.of("mean square s"); }
        @Override public String rule() { return "s ← ρ·s + (1 − ρ)·g²;  w ← w − η·g / (√s + ε)"; }
        @Override public String id() { return "rmsprop"; }
    }

    /**
     * Adam with bias correction: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g²,
     * w ← w − η·m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ); β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
     */
    public static final class Adam extends Optimizer {
        private final double beta1;
        private final double beta2;
        private final double eps;
        private double correction1;
        private double correction2;

        /** The default ε, added to √v̂ so that a parameter with no gradient yet does not divide by zero. */
        public static final double EPSILON = 1e-8;

        public Adam(List<Tensor> parameters, double learningRate, double beta1, double beta2, double eps) {
            super(parameters, learningRate);
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
        }

        public Adam(List<Tensor> parameters, double learningRate) {
            this(parameters, learningRate, 0.9, 0.999, EPSILON);
        }

        @Override
        protected void beginStep() {
            correction1 = 1 - Math.pow(beta1, steps());
            correction2 = 1 - Math.pow(beta2, steps());
        }

        @Override
        protected double update(double g, double[][] s, int i) {
            double m = beta1 * s[0][i] + (1 - beta1) * g;
            double v = beta2 * s[1][i] + (1 - beta2) * g * g;
            s[0][i] = m;
            s[1][i] = v;
            double mHat = m / correction1;
            double vHat = v / correction2;
            return learningRate() * mHat / (Math.sqrt(vHat) + eps);
        }

        /** The corrections folded into the step: η·m̂/(√v̂ + ε) = η·√c₂/c₁ · m/(√v + ε·√c₂). */
        @Override
        protected void updateF32(float[] w, float[] g, float[][] s, float decay, int from, int to) {
            float step = (float) (learningRate() * Math.sqrt(correction2) / correction1);
            float e = (float) (eps * Math.sqrt(correction2));
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float c1 = (float) (1 - beta1);
            float c2 = (float) (1 - beta2);
            float[] m = s[0];
            float[] v = s[1];
            for (int i = from; i < to; i++) {
                float gi = g[i] + decay * w[i];
                float mi = b1 * m[i] + c1 * gi;
                float vi = b2 * v[i] + c2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] -= step * mi / ((float) Math.sqrt(vi) + e);
            }
        }

        @Override protected List<String> stateNames() { return List.of("first moment m", "second moment v"); }

        @Override
        public String rule() {
            return "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  w ← w − η·m̂ / (√v̂ + ε)";
        }

        @Override public String id() { return "adam"; }
    }

    /** Makes an optimizer by its command-line name with default hyperparameters (see {@link OptimizerKind}). */
    public static Optimizer create(String id, List<Tensor> parameters, double learningRate) {
        return OptimizerKind.parse(id).create(parameters, learningRate);
    }
}
