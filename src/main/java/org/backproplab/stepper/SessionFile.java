package org.backproplab.stepper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import org.backproplab.engine.DType;
import org.backproplab.engine.Snapshot;
import org.backproplab.lesson.LessonData;
import org.backproplab.files.AtomicFile;

/**
 * Saves and reads a {@link Session} as UTF-8 text, one item a line, in this order:
 * <pre>
 * backprop-lab-session 1
 * # comments (lines starting with #) and blank lines are skipped, except inside the lesson text
 * lesson-name 03_two_layer_network.bp
 * optimizer adam
 * learning-rate 0.1
 * selected-node 4                      (-1: none)
 * iteration 3
 * steps 14                             (steps of that iteration shown)
 * update-optimizer adam 0.1            (what makes that iteration's update)
 * optimizer-state 2 2 2                (its steps taken, the lesson's params, state arrays per param)
 * state 1 0.0 0.0 0.0 0.0              (one line per state array: param number, in the lesson's order, values)
 * param W1 2x2 0.15 0.25 0.2 0.3       (every param of the graph at the start of the iteration)
 * losses 2                             (of iterations 1 and 2, one a line)
 * lesson 12                            (the lesson text, 12 lines, each after a "|")
 * |const x = [0.05, 0.10]
 * data-precision f32                   (format 2 only: the numbers beside the lesson, see LessonData)
 * data W1 784x10 0.0123 …              (one line per data(rows, cols) block)
 * network layers 784,10,10             (the MNIST settings the data is a network of, one per line)
 * end
 * </pre>
 * Numbers are written as Java writes a double, which reads back as the same double (NaN and ±Infinity too). In
 * text, {@code \} is written {@code \\}, a carriage return {@code \r}, a line break (in the name) {@code \n},
 * and other control characters {@code \}{@code uXXXX}. Reading checks everything — the first line, each line's
 * form and numbers, the end — and then compiles the lesson and puts a stepper back to be sure the session fits it;
 * any problem is a {@link SessionFileException} naming the file and the line. Saving is atomic ({@link AtomicFile}).
 * The reading is {@code SessionReader}'s, the escapes {@code SessionText}'s.
 */
public final class SessionFile {

    public static final String MAGIC = "backprop-lab-session";
    /** The newest format: 2 adds the numbers beside the lesson; a session without them is still written as 1. */
    public static final int VERSION = 2;
    /** The extension of session files, without the dot. */
    public static final String EXTENSION = "bpsession";

    private SessionFile() {
    }

    /** Writes the session to the file at once or not at all: a failure midway leaves an earlier file intact. */
    public static void write(Path file, Session session) throws IOException {
        write(file, session, UnaryOperator.identity());
    }

    /** As {@link #write(Path, Session)}, the bytes going through {@code through} (a test's failing stream). */
    static void write(Path file, Session session, UnaryOperator<OutputStream> through) throws IOException {
        AtomicFile.write(file, os -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(through.apply(os), StandardCharsets.UTF_8));
            write(session, out);
            out.flush();
        });
    }

    private static void write(Session s, Writer out) throws IOException {
        Checkpoint c = s.checkpoint();
        LessonData data = s.data();
        line(out, MAGIC + " " + (data.isEmpty() ? 1 : VERSION));
        line(out, "# A Backprop Lab step-through session: File > Open session. The numbers are exact doubles.");
        line(out, "lesson-name " + SessionText.escape(s.lessonName()));
        line(out, "optimizer " + s.optimizer().id());
        line(out, "learning-rate " + s.learningRate());
        line(out, "selected-node " + s.selectedNode());
        line(out, "iteration " + c.iteration());
        line(out, "steps " + c.steps());
        line(out, "update-optimizer " + c.optimizer().id() + " " + c.learningRate());
        List<double[][]> state = c.optimizerState().arrays();
        int arrays = state.isEmpty() ? 0 : state.get(0).length;
        line(out, "optimizer-state " + c.optimizerState().steps() + " " + state.size() + " " + arrays);
        for (int i = 0; i < state.size(); i++) {
            for (double[] a : state.get(i)) {
                line(out, "state " + (i + 1) + numbers(a));
            }
        }
        for (Checkpoint.Param p : c.parameters()) {
            Snapshot v = p.value();
            line(out, "param " + p.name() + " " + v.rows() + "x" + v.cols() + numbers(v.values()));
        }
        double[] losses = c.losses();
        line(out, "losses " + losses.length);
        for (double loss : losses) {
            line(out, Double.toString(loss));
        }
        String[] lesson = s.lessonText().split("\n", -1);
        line(out, "lesson " + lesson.length);
        for (String l : lesson) {
            line(out, "|" + SessionText.escape(l));
        }
        if (!data.isEmpty()) {
            boolean f32 = data.precision() == DType.F32;
            line(out, "data-precision " + (f32 ? "f32" : "f64"));
            for (Map.Entry<String, LessonData.Block> b : data.blocks().entrySet()) {
                LessonData.Block v = b.getValue();
                line(out, "data " + b.getKey() + " " + v.rows() + "x" + v.cols() + (f32 ? floats(v.values()) : numbers(v.values())));
            }
            if (data.network() != null) {
                for (Map.Entry<String, String> e : data.network().toMap().entrySet()) {
                    line(out, "network " + e.getKey() + " " + SessionText.escape(e.getValue()));
                }
            }
        }
        line(out, "end");
    }

    private static void line(Writer out, String text) throws IOException {
        out.write(text);
        out.write('\n');
    }

    /** Float32 numbers as Java writes a float: shorter, and they read back as the same float. */
    private static String floats(double[] values) {
        StringBuilder b = new StringBuilder(values.length * 12);
        for (double v : values) {
            b.append(' ').append((float) v);
        }
        return b.toString();
    }

    private static String numbers(double[] values) {
        StringBuilder b = new StringBuilder(values.length * 20);
        for (double v : values) {
            b.append(' ').append(v);
        }
        return b.toString();
    }

    /**
     * Reads a session and checks that it can be restored: the lesson compiles and the checkpoint fits it. Throws a
     * {@link SessionFileException} that says what is wrong, for a foreign, damaged, truncated or newer file.
     */
    public static Session read(Path file) throws SessionFileException {
        return SessionReader.read(file);
    }
}
