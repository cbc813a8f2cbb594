package org.backproplab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.backproplab.engine.ForwardMode;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonTraining;
import org.backproplab.nn.Clipping;

/** What {@code eval} prints about a lesson after its training steps: the JSON object or the readable table. */
final class EvalReport {

    /** The tangents of {@code eval --tangent}: which leaf (as the option named it) and every node's tangent. */
    record Tangents(TangentOption of, ForwardMode.Tangents pass) {
    }

    private final Lesson lesson;
    private final LessonTraining.Settings settings;
    private final LessonTraining.Result result;
    private final Tangents tangents;

    /** @param tangents the forward-mode tangents, or null without {@code --tangent} */
    EvalReport(Lesson lesson, LessonTraining.Settings settings, LessonTraining.Result result, Tangents tangents) {
        this.lesson = lesson;
        this.settings = settings;
        this.result = result;
        this.tangents = tangents;
    }

    /**
     * {@code {"output": name, "loss": value, "steps": N, "values": {name: value}, "grads": {name: gradient}}}
     * for every bound name's latest binding, in the order names were first bound, and with {@code --tangent NAME}
     * also {@code "tangent_of": NAME, "tangents": {name: tangent}}. The loss is null in a lesson without a
     * {@code loss} statement: its output is not a loss (its value is under {@code values}, by its name).
     */
    JsonWriter json() {
        JsonWriter w = new JsonWriter();
        w.raw("{\n  \"output\": ").string(lesson.outputName());
        w.raw(",\n  \"loss\": ");
        if (lesson.hasLossStatement()) {
            w.tensor(lesson.output().snapshot(), "loss");
        } else {
            w.raw("null"); // no loss, which is not a NaN: no warning
        }
        w.raw(",\n  \"steps\": ").raw(Integer.toString(settings.steps()));
        section(w, "values", Tensor::snapshot);
        section(w, "grads", Tensor::gradSnapshot);
        if (tangents != null) {
            w.raw(",\n  \"tangent_of\": ").string(tangents.of().text());
            section(w, "tangents", tangents.pass()::of);
        }
        return w.raw("\n}\n");
    }

    private void section(JsonWriter w, String key, Function<Tensor, Snapshot> what) {
        w.raw(",\n  \"" + key + "\": {");
        boolean first = true;
        for (Map.Entry<String, Tensor> e : lesson.bindings().entrySet()) {
            w.raw(first ? "\n    " : ",\n    ").string(e.getKey()).raw(": ");
            w.tensor(what.apply(e.getValue()), key + "." + e.getKey());
            first = false;
        }
        w.raw("\n  }");
    }

    /** A header saying what ran, then one row per name: kind, shape, value, gradient (and tangent). */
    String table() {
        StringBuilder b = new StringBuilder();
        b.append(lesson.fileName()).append(": output ").append(lesson.outputName()).append(" = ")
                .append(format(lesson.output().snapshot()))
                .append(lesson.hasLossStatement() ? " (the loss)" : " (the last statement; there is no loss statement)")
                .append('\n');
        b.append(training()).append('\n');
        if (tangents != null) {
            b.append(tangents.of().describe(tangents.pass().leaf())).append('\n');
        }
        b.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(tangents == null ? new String[] {"name", "kind", "shape", "value", "gradient"}
                : new String[] {"name", "kind", "shape", "value", "gradient", "tangent"});
        for (Map.Entry<String, Tensor> e : lesson.bindings().entrySet()) {
            Tensor t = e.getValue();
            String[] row = {e.getKey(), kind(t), t.rows() + "x" + t.cols(), format(t.snapshot()),
                format(t.gradSnapshot())};
            if (tangents != null) {
                row = Arrays.copyOf(row, 6);
                row[5] = format(tangents.pass().of(t));
            }
            rows.add(row);
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private String training() {
        if (settings.steps() == 0) {
            return "no training steps (--steps 0): one forward and one backward pass";
        }
        StringBuilder b = new StringBuilder();
        b.append(settings.steps()).append(settings.steps() == 1 ? " step" : " steps").append(" of ")
                .append(settings.optimizer()).append(", learning rate ").append(Numbers.format(settings.learningRate()));
        if (!result.outputs().isEmpty() && result.outputs().get(0).isScalar()) {
            b.append("; output before the first step ").append(format(result.outputs().get(0)));
        }
        if (settings.clipping() instanceof Clipping.ByNorm byNorm) {
            b.append("\ngradient norm clipped to ").append(Numbers.format(byNorm.maxNorm()))
                    .append(" in ").append(result.clippedSteps()).append(" of ").append(settings.steps())
                    .append(" steps; norm before clipping: first step ")
                    .append(Numbers.significant(result.clipping().get(0).normBefore(), 6)).append(", last step ")
                    .append(Numbers.significant(result.lastClipping().normBefore(), 6));
        }
        return b.toString();
    }

    private String kind(Tensor t) {
        if (t == lesson.output()) {
            return lesson.hasLossStatement() ? "loss" : "output";
        }
        return t.isTrainable() ? "param" : t.isLeaf() ? "const" : "node";
    }

    /** 6 significant digits; a matrix as its rows. */
    static String format(Snapshot s) {
        if (s.isScalar()) {
            return Numbers.significant(s.item(), 6);
        }
        StringBuilder b = new StringBuilder("[");
        for (int r = 0; r < s.rows(); r++) {
            b.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < s.cols(); c++) {
                b.append(c == 0 ? "" : ", ").append(Numbers.significant(s.get(r, c), 6));
            }
            b.append(']');
        }
        return b.append(']').toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
