package org.backproplab.course;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.backproplab.data.ToyData;
import org.backproplab.labs.Landscape;
import org.backproplab.labs.Landscape.XY;
import org.backproplab.labs.Surface;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.stepper.ShippedLessons;

/**
 * A tab put into a stated state: the same {@code key: value} lines in a course page's setup block and in a setup
 * file (File ▸ Save setup writes the tab in view as one). {@code tab:} says which tab; each kind below lists its
 * keys, and a key left out takes the value the tab starts with. {@link #lines()} writes every key, so a saved setup
 * reads back equal.
 */
public sealed interface Setup {

    /** The tabs a setup can put into a state, as written after {@code tab:}. */
    List<String> TABS = List.of("step-through", "landscape", "playground", "gradient-flow", "mnist");

    /** Which tab, as written. */
    String tab();

    /** Its {@code key: value} lines, {@code tab:} first. */
    List<String> lines();

    /**
     * The step-through view with a shipped lesson, {@code steps} steps taken from its start (forward, backward and
     * update steps alike, as the Step button takes them).
     */
    record StepThrough(String lesson, int steps, OptimizerKind optimizer, double learningRate, Clipping clipping,
                       boolean quiz) implements Setup {
        static final List<String> KEYS = List.of("tab", "label", "lesson", "steps", "optimizer", "learning-rate",
                "clipping", "quiz");

        public String tab() { return "step-through"; }

        public List<String> lines() {
            return List.of("tab: " + tab(), "lesson: " + lesson, "steps: " + steps, "optimizer: " + optimizer.id(),
                    "learning-rate: " + Values.number(learningRate), "clipping: " + clippingText(clipping),
                    "quiz: " + Values.onOff(quiz));
        }
    }

    /**
     * The loss-landscape lab: a preset surface (or an expression over x and y), a start, the learning rate and
     * momentum, the racers, and how many updates they have taken.
     *
     * @param surface a preset's id, or null when {@code expression} is given
     * @param start null: the preset's start
     * @param learningRate 0: the preset's
     */
    record LandscapeLab(String surface, String expression, XY start, double learningRate, double momentum,
                        List<String> racers, int steps) implements Setup {
        /** The racers' ids: plain gradient descent, SGD with gradient noise, then as the lab lists them. */
        public static final List<String> RACERS = List.of("sgd", "noisy", "momentum", "nesterov", "rmsprop", "adam",
                "newton");
        static final List<String> KEYS = List.of("tab", "label", "surface", "expression", "start", "learning-rate",
                "momentum", "racers", "steps");

        public LandscapeLab {
            racers = List.copyOf(racers);
        }

        public String tab() { return "landscape"; }

        public List<String> lines() {
            List<String> lines = new ArrayList<>(List.of("tab: " + tab()));
            lines.add(surface != null ? "surface: " + surface : "expression: " + expression);
            if (start != null) {
                lines.add("start: " + Values.number(start.x()) + ", " + Values.number(start.y()));
            }
            if (learningRate > 0) {
                lines.add("learning-rate: " + Values.number(learningRate));
            }
            lines.add("momentum: " + Values.number(momentum));
            lines.add("racers: " + String.join(", ", racers));
            lines.add("steps: " + steps);
            return lines;
        }
    }

    /** The playground: a dataset with its noise, the hidden layers, the activation, learning rate and batch size. */
    record PlaygroundLab(ToyData.Kind dataset, double noise, List<Integer> hidden, Activation.Kind activation,
                         double learningRate, int batchSize) implements Setup {
        static final List<String> KEYS = List.of("tab", "label", "dataset", "noise", "hidden", "activation",
                "learning-rate", "batch-size");

        public PlaygroundLab {
            hidden = List.copyOf(hidden);
        }

        public String tab() { return "playground"; }

        public List<String> lines() {
            return List.of("tab: " + tab(), "dataset: " + dataset.id(), "noise: " + Values.number(noise),
                    "hidden: " + String.join(", ", hidden.stream().map(String::valueOf).toList()),
                    "activation: " + activation.id(), "learning-rate: " + Values.number(learningRate),
                    "batch-size: " + batchSize);
        }
    }

    /**
     * The gradient-flow lab: the data, batch size and seed both configurations share, whether B runs beside A, and
     * each configuration's network and training ({@code a.…} and {@code b.…} keys).
     *
     * @param dataset mnist, or a toy dataset's id
     */
    record GradientFlowLab(String dataset, int batchSize, long seed, boolean compare, Side a, Side b)
            implements Setup {
        public static final List<String> DATASETS = List.of("mnist", "spiral", "circle", "xor", "moons", "gaussian");

        /** One configuration. */
        public record Side(int depth, int width, Activation.Kind activation, Initializer.Scheme init,
                           boolean batchNorm, Clipping clipping, OptimizerKind optimizer, double learningRate) {
            static final List<String> KEYS = List.of("depth", "width", "activation", "init", "batch-norm", "clipping",
                    "optimizer", "learning-rate");

            /** The lab's first configuration: depth 10, width 64, sigmoid, Xavier, SGD 0.1, no clipping. */
            public static Side classic() {
                return new Side(10, 64, Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM, false,
                        Clipping.NONE, OptimizerKind.SGD, 0.1);
            }

            List<String> lines(String prefix) {
                return List.of(prefix + "depth: " + depth, prefix + "width: " + width,
                        prefix + "activation: " + activation.id(), prefix + "init: " + init.id(),
                        prefix + "batch-norm: " + Values.onOff(batchNorm),
                        prefix + "clipping: " + clippingText(clipping), prefix + "optimizer: " + optimizer.id(),
                        prefix + "learning-rate: " + Values.number(learningRate));
            }
        }

        public String tab() { return "gradient-flow"; }

        public List<String> lines() {
            List<String> lines = new ArrayList<>(List.of("tab: " + tab(), "dataset: " + dataset,
                    "batch-size: " + batchSize, "seed: " + seed, "compare: " + Values.onOff(compare)));
            lines.addAll(a.lines("a."));
            lines.addAll(b.lines("b."));
            return lines;
        }
    }

    /** The MNIST tab with one of its ready-made networks. */
    record MnistLab(String preset) implements Setup {
        public static final List<String> PRESETS = List.of("keras-classic", "mlp-128", "mlp-256-128", "mlp-800");
        static final List<String> KEYS = List.of("tab", "label", "preset");

        public String tab() { return "mnist"; }

        public List<String> lines() {
            return List.of("tab: " + tab(), "preset: " + preset);
        }
    }

    /** none, "norm 1", "value 0.5". */
    static String clippingText(Clipping c) {
        return c.mode() == Clipping.Mode.NONE ? "none" : c.id() + " " + Values.number(c.threshold());
    }

    /** The reverse of {@link #clippingText}. */
    static Clipping clipping(String v) {
        String[] parts = v.strip().split("\\s+");
        String mode = parts[0].toLowerCase(Locale.ROOT);
        if (mode.equals("none") && parts.length == 1) {
            return Clipping.NONE;
        }
        if ((mode.equals("norm") || mode.equals("value")) && parts.length == 2) {
            double threshold = Values.positive(parts[1]);
            return (mode.equals("norm") ? Clipping.Mode.NORM : Clipping.Mode.VALUE).with(threshold);
        }
        throw new IllegalArgumentException("expected none, \"norm T\" or \"value T\" (T a positive number), not \""
                + v + "\"");
    }

    /** A setup from its lines; every value is checked here, so that a button never fails when pressed. */
    static Setup parse(Fields f) throws CourseException {
        Fields.Field tab = f.required("tab", "setup");
        String kind = f.parse(tab, v -> Values.oneOf(v, TABS));
        return switch (kind) {
            case "step-through" -> stepThrough(f);
            case "landscape" -> landscape(f);
            case "playground" -> playground(f);
            case "gradient-flow" -> gradientFlow(f);
            default -> mnist(f);
        };
    }

    private static Setup stepThrough(Fields f) throws CourseException {
        f.onlyKnown(StepThrough.KEYS, "a step-through setup");
        String lesson = f.parse(f.required("lesson", "setup"), v -> {
            String name = v.strip().replaceFirst("\\.bp$", "");
            if (!ShippedLessons.NAMES.contains(name)) {
                throw new IllegalArgumentException("expected a shipped lesson (" + String.join(", ",
                        ShippedLessons.NAMES) + "), not \"" + v + "\"");
            }
            return name;
        });
        return new StepThrough(lesson, f.integer("steps", 0, 0, 10_000),
                f.choice("optimizer", OptimizerKind.SGD, OptimizerKind::parse),
                f.choice("learning-rate", 0.1, Values::positive), f.choice("clipping", Clipping.NONE, Setup::clipping),
                f.onOff("quiz", false));
    }

    private static Setup landscape(Fields f) throws CourseException {
        f.onlyKnown(LandscapeLab.KEYS, "a landscape setup");
        var surface = f.get("surface");
        var expression = f.get("expression");
        if (surface.isPresent() == expression.isPresent()) {
            throw new CourseException(f.file(), f.headerLine(), 1,
                    "a landscape setup needs either \"surface: …\" (a preset) or \"expression: …\", not both");
        }
        List<String> ids = Arrays.stream(Surface.values()).map(Surface::id).toList();
        String preset = surface.isPresent() ? f.parse(surface.get(), v -> Values.oneOf(v, ids)) : null;
        if (expression.isPresent()) {
            try {
                Landscape.of(expression.get().value());
            } catch (Landscape.BadSurface e) { // at the mistake's own column in the line
                Fields.Field at = expression.get();
                throw new CourseException(f.file(), at.line(), at.column() + e.column() - 1, "\"expression\": "
                        + e.getMessage().replaceFirst("^column \\d+: ", ""));
            }
        }
        XY start = f.choice("start", null, v -> {
            List<String> xy = Values.list(v);
            if (xy.size() != 2) {
                throw new IllegalArgumentException("expected \"x, y\", not \"" + v + "\"");
            }
            return new XY(Values.number(xy.get(0)), Values.number(xy.get(1)));
        });
        double momentum = f.choice("momentum", 0.9, v -> {
            double m = Values.number(v);
            if (!(m >= 0 && m < 1)) {
                throw new IllegalArgumentException("must be in [0, 1), not " + v.strip());
            }
            return m;
        });
        List<String> racers = f.choice("racers", List.of("sgd", "momentum"), v -> {
            List<String> list = Values.list(v);
            if (list.isEmpty()) {
                throw new IllegalArgumentException("name at least one of " + String.join(", ", LandscapeLab.RACERS));
            }
            return list.stream().map(r -> Values.oneOf(r, LandscapeLab.RACERS)).distinct().toList();
        });
        return new LandscapeLab(preset, expression.map(Fields.Field::value).orElse(null), start,
                f.choice("learning-rate", 0.0, Values::positive), momentum, racers, f.integer("steps", 0, 0, 10_000));
    }

    private static Setup playground(Fields f) throws CourseException {
        f.onlyKnown(PlaygroundLab.KEYS, "a playground setup");
        List<Integer> hidden = f.choice("hidden", List.of(4, 2), v -> {
            List<Integer> sizes = Values.list(v).stream().map(s -> Values.integer(s, 1, 8)).toList();
            if (sizes.size() > 6) {
                throw new IllegalArgumentException("at most 6 hidden layers, not " + sizes.size());
            }
            return sizes;
        });
        double noise = f.choice("noise", 0.0, v -> {
            double n = Values.number(v);
            if (!(n >= 0 && n <= 0.5)) {
                throw new IllegalArgumentException("must be 0 to 0.5, not " + v.strip());
            }
            return n;
        });
        return new PlaygroundLab(f.choice("dataset", ToyData.Kind.CIRCLE, ToyData.Kind::parse), noise, hidden,
                f.choice("activation", Activation.Kind.TANH, Activation.Kind::parse),
                f.choice("learning-rate", 0.03, Values::positive), f.integer("batch-size", 10, 1, 30));
    }

    private static Setup gradientFlow(Fields f) throws CourseException {
        List<String> keys = new ArrayList<>(List.of("tab", "label", "dataset", "batch-size", "seed", "compare"));
        for (String k : GradientFlowLab.Side.KEYS) {
            keys.add("a." + k);
            keys.add("b." + k);
        }
        f.onlyKnown(keys, "a gradient-flow setup");
        GradientFlowLab.Side a = side(f, "a.", GradientFlowLab.Side.classic());
        return new GradientFlowLab(f.choice("dataset", "mnist", v -> Values.oneOf(v, GradientFlowLab.DATASETS)),
                f.integer("batch-size", 64, 1, 2048), f.integer("seed", 1, 0, Integer.MAX_VALUE),
                f.onOff("compare", true), a, side(f, "b.", a));
    }

    /** B's keys left out take A's values, so a pair that differs in one cure says just that one. */
    private static GradientFlowLab.Side side(Fields f, String p, GradientFlowLab.Side d) throws CourseException {
        return new GradientFlowLab.Side(f.integer(p + "depth", d.depth(), 2, 20), f.integer(p + "width", d.width(), 8,
                256), f.choice(p + "activation", d.activation(), Activation.Kind::parse),
                f.choice(p + "init", d.init(), Initializer.Scheme::parse), f.onOff(p + "batch-norm", d.batchNorm()),
                f.choice(p + "clipping", d.clipping(), Setup::clipping),
                f.choice(p + "optimizer", d.optimizer(), OptimizerKind::parse),
                f.choice(p + "learning-rate", d.learningRate(), Values::positive));
    }

    private static Setup mnist(Fields f) throws CourseException {
        f.onlyKnown(MnistLab.KEYS, "an MNIST setup");
        return new MnistLab(f.parse(f.required("preset", "setup"), v -> Values.oneOf(v, MnistLab.PRESETS)));
    }
}
