package org.backproplab.course;

import java.util.ArrayList;
import java.util.List;

import org.backproplab.nn.OptimizerKind;
import org.backproplab.stepper.ShippedLessons;

/**
 * A question on a course page that asks before it tells: the learner answers, and only then sees the answer and why.
 * Three kinds, written after {@code -- exercise}: {@code number} (checked to a tolerance), {@code choice} (one of
 * the options) and {@code layer} (click, in the gradient-flow lab's bars, the layer whose gradient is smallest).
 */
public sealed interface Exercise {

    List<String> KINDS = List.of("number", "choice", "layer");

    Localized question();

    /** Why the answer is what it is: shown after the first try, right or wrong. */
    Localized why();

    /**
     * A number to compute. Right when it is within {@code tolerance} of the answer: an absolute difference, or with
     * {@code relative} a fraction of the answer ({@code tolerance: 1%}).
     *
     * @param engine where the app computes the answer itself, or null (then it is arithmetic the page states)
     */
    record NumberExercise(Localized question, double answer, double tolerance, boolean relative, Localized why,
                          EngineValue engine) implements Exercise {
        static final List<String> KEYS = List.of("question", "answer", "tolerance", "why", "lesson", "node", "of",
                "updates", "optimizer", "learning-rate");

        public boolean isRight(double given) {
            double allowed = relative ? tolerance * Math.abs(answer) : tolerance;
            return Double.isFinite(given) && Math.abs(given - answer) <= Math.max(allowed, 1e-12);
        }
    }

    /** One of the options is right; {@code answer} counts from 1 as the page shows them. */
    record ChoiceExercise(Localized question, List<Localized> options, int answer, Localized why) implements Exercise {
        static final List<String> KEYS = List.of("question", "option", "answer", "why");

        public ChoiceExercise {
            options = List.copyOf(options);
        }
    }

    /**
     * "Click the layer whose gradient is smallest": in the gradient-flow lab (which the page's setup opens), the layer
     * of configuration A with the smallest weight-gradient norm ‖∂L/∂W‖ at the step shown. {@code answer} is the layer
     * the author expects (from 1, the input side); the app checks the click against the lab's own figures.
     */
    record LayerExercise(Localized question, int answer, Localized why) implements Exercise {
        static final List<String> KEYS = List.of("question", "answer", "why");
    }

    /**
     * A number the engine computes: a node's value or gradient in a shipped lesson after some updates.
     *
     * @param gradient false: the node's value; true: ∂L/∂node
     */
    record EngineValue(String lesson, String node, boolean gradient, int updates, OptimizerKind optimizer,
                       double learningRate) {
    }

    static Exercise parse(String kind, Fields f) throws CourseException {
        Localized question = f.localized("question");
        Localized why = f.localized("why");
        return switch (kind) {
            case "number" -> {
                f.onlyKnown(NumberExercise.KEYS, "a number exercise");
                double answer = f.parse(f.required("answer", "exercise"), Values::number);
                var tol = f.get("tolerance");
                boolean relative = tol.isEmpty() || tol.get().value().endsWith("%");
                double tolerance = tol.isEmpty() ? 0.01 : f.parse(tol.get(), v -> v.endsWith("%")
                        ? Values.positive(v.substring(0, v.length() - 1)) / 100 : Values.positive(v));
                yield new NumberExercise(question, answer, tolerance, relative, why, engine(f));
            }
            case "choice" -> choice(f, question, why);
            default -> {
                f.onlyKnown(LayerExercise.KEYS, "a layer exercise");
                yield new LayerExercise(question, f.parse(f.required("answer", "exercise"),
                        v -> Values.integer(v, 1, 20)), why);
            }
        };
    }

    private static EngineValue engine(Fields f) throws CourseException {
        var lesson = f.get("lesson");
        if (lesson.isEmpty()) {
            for (String k : List.of("node", "of", "updates", "optimizer", "learning-rate")) {
                if (f.get(k).isPresent()) {
                    throw f.at(f.get(k).get(), "\"" + k + "\" says how the engine computes the answer: it needs "
                            + "\"lesson: …\" too");
                }
            }
            return null;
        }
        String name = f.parse(lesson.get(), v -> {
            String n = v.strip().replaceFirst("\\.bp$", "");
            if (!ShippedLessons.NAMES.contains(n)) {
                throw new IllegalArgumentException("expected a shipped lesson, not \"" + v + "\"");
            }
            return n;
        });
        Fields.Field node = f.required("node", "exercise");
        boolean gradient = f.choice("of", false, v -> Values.oneOf(v, List.of("value", "gradient")).equals("gradient"));
        EngineValue value = new EngineValue(name, node.value(), gradient, f.integer("updates", 0, 0, 10_000),
                f.choice("optimizer", OptimizerKind.SGD, OptimizerKind::parse),
                f.choice("learning-rate", 0.1, Values::positive));
        f.parse(node, v -> EngineAnswers.compute(value)); // the node exists and is one number
        return value;
    }

    /** {@code option:} lines in order, each {@code option.zh_CN:} belonging to the option above it. */
    private static Exercise choice(Fields f, Localized question, Localized why) throws CourseException {
        f.onlyKnown(ChoiceExercise.KEYS, "a choice exercise");
        List<Localized> options = new ArrayList<>();
        for (Fields.Field field : f.all()) {
            if (!field.key().equals("option")) {
                continue;
            }
            if (field.language().isEmpty()) {
                options.add(Localized.of(field.value()));
            } else if (options.isEmpty()) {
                throw f.at(field, "\"option." + field.language() + "\" translates the option above it; write "
                        + "\"option: …\" first");
            } else {
                options.set(options.size() - 1, options.get(options.size() - 1).with(field.language(), field.value()));
            }
        }
        if (options.size() < 2) {
            throw new CourseException(f.file(), f.headerLine(), 1, "a choice exercise needs at least two "
                    + "\"option: …\" lines, not " + options.size());
        }
        int answer = f.parse(f.required("answer", "exercise"), v -> Values.integer(v, 1, options.size()));
        return new ChoiceExercise(question, options, answer, why);
    }
}
