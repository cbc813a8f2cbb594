package org.backproplab.stepper;

import static org.backproplab.stepper.SessionFile.MAGIC;
import static org.backproplab.stepper.SessionFile.VERSION;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backproplab.engine.DType;
import org.backproplab.engine.Snapshot;
import org.backproplab.lesson.LessonData;
import org.backproplab.lesson.LessonLimits;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.lesson.Diagnostic;
import org.backproplab.lesson.LessonException;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.OptimizerKind;

/**
 * Reads a session file in the format {@link SessionFile} describes: the first line as bytes, then the lines after it
 * in order, keeping count so that every {@link SessionFileException} names the line that is wrong.
 */
final class SessionReader {

    /** More params than any lesson can declare (a lesson has one statement a line). */
    private static final int MAX_PARAMS = 100_000;

    private final Path file;
    private final BufferedReader in;
    private int line = 1;

    /** {@link SessionFile#read}: parses the file, then restores the session once to be sure it fits its lesson. */
    static Session read(Path file) throws SessionFileException {
        Session session;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            checkStart(file, in);
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            session = new SessionReader(file, new BufferedReader(new InputStreamReader(in, decoder))).session();
        } catch (NoSuchFileException e) {
            throw new SessionFileException(file, 0, "there is no such file");
        } catch (CharacterCodingException e) {
            throw new SessionFileException(file, 0, "damaged: it is not UTF-8 text");
        } catch (IOException e) {
            throw new SessionFileException(file, 0, "it cannot be read: " + e.getMessage());
        }
        try {
            int nodes = session.restore().graph().size();
            if (session.selectedNode() >= nodes) {
                throw new SessionFileException(file, 0, "it inspects node " + session.selectedNode()
                        + ", but its lesson has " + nodes + " nodes");
            }
        } catch (LessonException e) {
            Diagnostic d = e.diagnostics().get(0);
            throw new SessionFileException(file, 0, "its lesson does not compile (lesson line " + d.line() + ":"
                    + d.column() + ": " + d.message() + ")");
        } catch (IllegalArgumentException e) {
            throw new SessionFileException(file, 0, "it does not fit its own lesson: " + e.getMessage());
        }
        return session;
    }

    /** The first line, read as bytes so that a big binary file is turned away without reading it. */
    private static void checkStart(Path file, InputStream in) throws IOException, SessionFileException {
        in.mark(64);
        byte[] head = in.readNBytes(64);
        in.reset();
        String start = new String(head, StandardCharsets.ISO_8859_1);
        if (start.startsWith("\u00ef\u00bb\u00bf")) { // a byte-order mark some editors add
            in.skipNBytes(3);
            start = start.substring(3);
        }
        if (!start.startsWith(MAGIC + " ")) {
            String what = start.startsWith("BPLAB-MODEL") ? "a model file (open it in the MNIST tab), not a session"
                    : "not a Backprop Lab session: it does not start with \"" + MAGIC + "\"";
            throw new SessionFileException(file, 0, "this is " + what);
        }
        int end = start.indexOf('\n');
        String version = start.substring(MAGIC.length() + 1, end < 0 ? start.length() : end).strip();
        if (!version.equals(Integer.toString(VERSION)) && !version.equals("1")) {
            throw new SessionFileException(file, 1, version.matches("\\d{1,9}") && Integer.parseInt(version) > VERSION
                    ? "session format " + version + " is from a newer Backprop Lab; this one reads format " + VERSION
                    : "damaged: \"" + version + "\" is not a session format");
        }
    }

    private SessionReader(Path file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    private Session session() throws IOException, SessionFileException {
        in.readLine(); // the first line, checked already
        String name = unescape(field("lesson-name"));
        OptimizerKind optimizer = optimizer(field("optimizer"));
        double lr = learningRate(field("learning-rate"));
        int selected = integer(field("selected-node"), -1);
        int iteration = integer(field("iteration"), 1);
        int steps = integer(field("steps"), 0);
        String[] update = words(field("update-optimizer"), 2);
        OptimizerKind updateOptimizer = optimizer(update[0]);
        double updateLr = learningRate(update[1]);
        Optimizer.State state = state();
        List<Checkpoint.Param> params = new ArrayList<>();
        String[] next = nextLine("param or losses").split(" ", 2);
        while (next[0].equals("param")) {
            params.add(param(next.length > 1 ? next[1] : "", DType.F64));
            next = nextLine("param or losses").split(" ", 2);
        }
        expect("losses", next[0]);
        double[] losses = losses(integer(next.length > 1 ? next[1] : "", 0));
        String text = lesson(integer(field("lesson"), 1));
        LessonData data = data();
        for (String rest; (rest = in.readLine()) != null; ) {
            line++;
            if (!rest.isBlank()) {
                throw problem("unexpected text after the end");
            }
        }
        if (losses.length != iteration - 1) {
            throw new SessionFileException(file, 0, "iteration " + iteration + " needs the losses of the "
                    + (iteration - 1) + " before it, but there are " + losses.length);
        }
        Checkpoint c = new Checkpoint(iteration, steps, params, updateOptimizer, updateLr, state, losses);
        return new Session(name, text, optimizer, lr, selected, c, data);
    }

    /** The numbers beside the lesson (format 2), up to the "end" line. */
    private LessonData data() throws IOException, SessionFileException {
        DType precision = DType.F64;
        Map<String, LessonData.Block> blocks = new LinkedHashMap<>();
        Map<String, String> network = new LinkedHashMap<>();
        long total = 0;
        for (String l = nextLine("end"); !l.equals("end"); l = nextLine("end")) {
            String[] w = l.split(" ", 2);
            String rest = w.length > 1 ? w[1] : "";
            switch (w[0]) {
                case "data-precision" -> precision = switch (rest) {
                    case "f32" -> DType.F32;
                    case "f64" -> DType.F64;
                    default -> throw problem("the precision is f32 or f64, not \"" + rest + "\"");
                };
                case "data" -> {
                    Checkpoint.Param p = param(rest, precision);
                    double[] v = p.value().values();
                    total += v.length;
                    if (v.length > LessonLimits.MAX_TENSOR_SIZE || total > LessonLimits.MAX_TOTAL_SIZE) {
                        throw problem("more numbers beside the lesson than a lesson may hold");
                    }
                    blocks.put(p.name(), new LessonData.Block(p.value().rows(), p.value().cols(), v));
                }
                case "network" -> {
                    String[] kv = rest.split(" ", 2);
                    network.put(kv[0], kv.length > 1 ? unescape(kv[1]) : "");
                }
                default -> throw problem("expected \"end\" after the lesson text");
            }
        }
        TrainingConfig config = null;
        if (!network.isEmpty()) {
            try {
                config = TrainingConfig.fromMap(network);
            } catch (IllegalArgumentException e) {
                throw problem("the network's settings do not read: " + e.getMessage());
            }
        }
        return blocks.isEmpty() && precision == DType.F64 && config == null ? LessonData.NONE
                : new LessonData(precision, blocks, config);
    }

    private Optimizer.State state() throws IOException, SessionFileException {
        String[] head = words(field("optimizer-state"), 3);
        long steps;
        try {
            steps = Long.parseLong(head[0]);
        } catch (NumberFormatException e) {
            steps = -1;
        }
        if (steps < 0) {
            throw problem("\"" + head[0] + "\" is not a number of steps");
        }
        int params = integer(head[1], 0);
        if (params > MAX_PARAMS) {
            // a count is read before the lines it announces: a damaged one must not make the reader loop for ever
            throw problem("an optimizer state for " + params + " params; a lesson has at most " + MAX_PARAMS);
        }
        int arrays = integer(head[2], 0);
        if (arrays > 2) {
            throw problem("no optimizer keeps " + arrays + " state arrays per param");
        }
        List<double[][]> state = new ArrayList<>();
        for (int p = 1; p <= params; p++) {
            double[][] a = new double[arrays][];
            for (int k = 0; k < arrays; k++) {
                String[] w = field("state").split(" ", 2);
                if (integer(w[0], 1) != p) {
                    throw problem("expected the state of param " + p + ", found that of " + w[0]);
                }
                a[k] = numbers(w.length > 1 ? w[1] : "", -1);
            }
            state.add(a);
        }
        return new Optimizer.State(steps, state);
    }

    /** A param line; its numbers read in {@code precision}: float32 ones were written as floats, and read back exactly. */
    private Checkpoint.Param param(String rest, DType precision) throws SessionFileException {
        String[] w = rest.split(" ", 3);
        String[] shape = w.length > 1 ? w[1].split("x", -1) : new String[0];
        if (w.length < 2 || w[0].isEmpty() || shape.length != 2) {
            throw problem("a param line is \"param NAME ROWSxCOLS values…\"");
        }
        int rows = integer(shape[0], 1);
        int cols = integer(shape[1], 1);
        long size = (long) rows * cols;
        double[] values = numbers(w.length > 2 ? w[2] : "", size, precision);
        return new Checkpoint.Param(w[0], new Snapshot(rows, cols, values));
    }

    private double[] losses(int count) throws IOException, SessionFileException {
        double[] losses = new double[Math.min(count, 1 << 16)]; // grown as they come: the count may be damaged
        for (int i = 0; i < count; i++) {
            if (i == losses.length) {
                losses = Arrays.copyOf(losses, (int) Math.min(count, 2L * losses.length));
            }
            losses[i] = number(nextLine("loss " + (i + 1) + " of " + count));
        }
        return losses;
    }

    private String lesson(int lines) throws IOException, SessionFileException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            String l = in.readLine();
            line++;
            if (l == null) {
                throw truncated("lesson line " + (i + 1) + " of " + lines);
            }
            if (!l.startsWith("|")) {
                throw problem("a line of the lesson text starts with \"|\"");
            }
            text.append(i > 0 ? "\n" : "").append(unescape(l.substring(1)));
        }
        return text.toString();
    }

    // ---- lines and words ----

    /** The next line that is not blank nor a comment. */
    private String nextLine(String expected) throws IOException, SessionFileException {
        while (true) {
            String l = in.readLine();
            line++;
            if (l == null) {
                throw truncated(expected);
            }
            if (!l.isBlank() && !l.startsWith("#")) {
                return l.strip();
            }
        }
    }

    /** The value of the next line, which must be "key value". */
    private String field(String key) throws IOException, SessionFileException {
        String[] w = nextLine(key).split(" ", 2);
        expect(key, w[0]);
        return w.length > 1 ? w[1] : "";
    }

    private void expect(String key, String found) throws SessionFileException {
        if (!found.equals(key)) {
            throw problem("expected \"" + key + "\", found \"" + found + "\"");
        }
    }

    private String[] words(String text, int count) throws SessionFileException {
        String[] w = text.isEmpty() ? new String[0] : text.split(" +");
        if (w.length != count) {
            throw problem("expected " + count + " values, found " + w.length);
        }
        return w;
    }

    private int integer(String text, int min) throws SessionFileException {
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw problem("\"" + text + "\" is not a whole number from " + min);
    }

    private double number(String text) throws SessionFileException {
        return number(text, DType.F64);
    }

    private double number(String text, DType precision) throws SessionFileException {
        try {
            return precision == DType.F32 ? Float.parseFloat(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw problem("\"" + text + "\" is not a number");
        }
    }

    /** The numbers of a line; {@code count} of them, or any number when negative. */
    private double[] numbers(String text, long count) throws SessionFileException {
        return numbers(text, count, DType.F64);
    }

    private double[] numbers(String text, long count, DType precision) throws SessionFileException {
        String[] w = text.isBlank() ? new String[0] : text.strip().split(" +");
        if (count >= 0 && w.length != count) {
            throw problem("expected " + count + " numbers, found " + w.length);
        }
        double[] v = new double[w.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(w[i], precision);
        }
        return v;
    }

    private OptimizerKind optimizer(String id) throws SessionFileException {
        try {
            return OptimizerKind.parse(id);
        } catch (IllegalArgumentException e) {
            throw problem("unknown optimizer \"" + id + "\"; one of " + OptimizerKind.ids());
        }
    }

    private double learningRate(String text) throws SessionFileException {
        double lr = number(text);
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw problem("the learning rate must be a positive number, not " + text);
        }
        return lr;
    }

    private String unescape(String text) throws SessionFileException {
        try {
            return SessionText.unescape(text);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    private SessionFileException problem(String what) {
        return new SessionFileException(file, line, what);
    }

    private SessionFileException truncated(String expected) {
        return new SessionFileException(file, 0, "truncated: it ends after line " + (line - 1) + ", before "
                + expected);
    }
}
