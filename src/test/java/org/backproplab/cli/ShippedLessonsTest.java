package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Clipping;

/**
 * Every lesson in resources/lessons, run through {@code eval --json}, against numbers worked out by hand: the
 * published ones (CS231n's notes, Matt Mazur's worked example) where they exist, else the chain rule written out
 * here in plain arithmetic, independent of the engine.
 */
class ShippedLessonsTest {

    static final Path LESSONS = Path.of("resources", "lessons");
    static final Set<String> TESTED = Set.of("01_circuit.bp", "02_sigmoid_neuron.bp", "03_two_layer_network.bp",
            "04_softmax_cross_entropy.bp", "05_batchnorm.bp", "06_vanishing_sigmoid.bp", "07_relu_chain.bp",
            "08_exploding_chain.bp", "09_gradient_descent.bp", "10_mse_vs_cross_entropy.bp",
            "11_dead_relu_max_gate.bp", "12_forward_mode.bp");

    static Stream<String> lessons() throws IOException {
        try (Stream<Path> files = Files.list(LESSONS)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static JsonNode eval(String lesson, String... options) {
        String[] args = Stream.concat(Stream.of(LESSONS.resolve(lesson).toString(), "--json"), Stream.of(options))
                .toArray(String[]::new);
        Eval.Run run = Eval.run(args);
        assertEquals("", run.err(), lesson);
        return run.json();
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void everyShippedLessonHasATestHere() throws IOException {
        assertEquals(TESTED, lessons().collect(Collectors.toSet()));
    }

    /** The header the step-through view shows a part of (stepper.LessonHeader): a title and an explanation per language. */
    @ParameterizedTest
    @MethodSource("lessons")
    void startsWithATitleAndWhatItTeachesInEnglishAndChinese(String name) throws IOException {
        List<String> lines = Files.readAllLines(LESSONS.resolve(name), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("# Title: "), name);
        assertTrue(lines.get(1).startsWith("# Teaches: "), name);
        int chinese = 0;
        while (lines.get(chinese).startsWith("#") && !lines.get(chinese).startsWith("# 本课内容：")) {
            chinese++;
        }
        assertTrue(lines.get(chinese).startsWith("# 本课内容："), name + " has a Chinese description in its header");
        assertTrue(lines.get(chinese - 1).startsWith("# 标题："), name + " has a Chinese title above it");
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void jsonIsTheDocumentedObjectAndMatchesTheEngine(String name) throws IOException, LessonException {
        // Two plain steps blow the exploding chain up to Infinity: that must read back as null, with a warning.
        JsonNode json = Eval.run(LESSONS.resolve(name).toString(), "--json", "--steps", "2").json();
        assertEquals(List.of("output", "loss", "steps", "values", "grads"), Eval.fieldNames(json));
        String text = Files.readString(LESSONS.resolve(name));
        Lesson engine = Lesson.compile(text, LESSONS.resolve(name).toString());
        LessonTraining.run(engine, new LessonTraining.Settings(2, OptimizerKind.SGD, 0.1, Clipping.NONE));
        Eval.assertMatchesEngine(json, engine);
    }

    @Test
    void circuit() {
        JsonNode j = eval("01_circuit.bp");
        assertEquals("f", j.get("output").asText());
        assertTrue(j.get("loss").isNull(), "no loss statement: the output f is not a loss");
        assertEquals(-12, Eval.scalar(j, "values", "f"));
        assertEquals(3, Eval.scalar(j, "values", "q"));
        assertEquals(-4, Eval.scalar(j, "grads", "x"));
        assertEquals(-4, Eval.scalar(j, "grads", "y"));
        assertEquals(3, Eval.scalar(j, "grads", "z"));
        assertEquals(-4, Eval.scalar(j, "grads", "q"));
        assertEquals(1, Eval.scalar(j, "grads", "f"));
    }

    @Test
    void sigmoidNeuron() {
        JsonNode j = eval("02_sigmoid_neuron.bp");
        // The notes: f = 0.73; dx0 = 0.39, dw0 = -0.20, dx1 = -0.59, dw1 = -0.39, dw2 = 0.20.
        double f = sigmoid(1);
        double local = f * (1 - f);
        assertEquals(1, Eval.scalar(j, "values", "dot"));
        assertEquals(f, Eval.scalar(j, "values", "f"), 1e-16);
        assertEquals(0.7311, f, 5e-5);
        assertEquals(-1 * local, Eval.scalar(j, "grads", "w0"), 1e-16);
        assertEquals(-2 * local, Eval.scalar(j, "grads", "w1"), 1e-16);
        assertEquals(local, Eval.scalar(j, "grads", "w2"), 1e-16);
        assertEquals(2 * local, Eval.scalar(j, "grads", "x0"), 1e-16);
        assertEquals(-3 * local, Eval.scalar(j, "grads", "x1"), 1e-16);
        assertEquals(0.3932, Eval.scalar(j, "grads", "x0"), 5e-5);
        assertEquals(-0.5898, Eval.scalar(j, "grads", "x1"), 5e-5);
    }

    @Test
    void twoLayerNetworkAsInMazursExample() {
        JsonNode j = eval("03_two_layer_network.bp");
        assertEquals(0.298371109, j.get("loss").doubleValue(), 5e-10);
        assertEquals(0.593269992, Eval.values(j, "h")[0][0], 5e-10);
        assertEquals(0.596884378, Eval.values(j, "h")[0][1], 5e-10);
        assertEquals(0.75136507, Eval.values(j, "out")[0][0], 5e-9);
        assertEquals(0.772928465, Eval.values(j, "out")[0][1], 5e-10);
        assertEquals(0.082167041, Eval.grads(j, "W2")[0][0], 5e-10);
        assertEquals(0.000438568, Eval.grads(j, "W1")[0][0], 5e-10);

        JsonNode step = eval("03_two_layer_network.bp", "--steps", "1", "--lr", "0.5");
        double[][] w1 = Eval.values(step, "W1");
        double[][] w2 = Eval.values(step, "W2");
        // W1 = [[w1, w3], [w2, w4]] and W2 = [[w5, w7], [w6, w8]] in the post's names.
        assertEquals(0.149780716, w1[0][0], 5e-10);
        assertEquals(0.19956143, w1[1][0], 5e-9);
        assertEquals(0.24975114, w1[0][1], 5e-9);
        assertEquals(0.29950229, w1[1][1], 5e-9);
        assertEquals(0.35891648, w2[0][0], 5e-9);
        assertEquals(0.408666186, w2[1][0], 5e-10);
        assertEquals(0.511301270, w2[0][1], 5e-10);
        assertEquals(0.561370121, w2[1][1], 5e-10);
        assertEquals(0.35, Eval.scalar(step, "values", "b1"), "constants stay put");
        // The post prints 0.291027924 here; its own updated weights, put through the forward pass, give this:
        double h1 = sigmoid(0.149780716 * 0.05 + 0.19956143 * 0.10 + 0.35);
        double h2 = sigmoid(0.24975114 * 0.05 + 0.29950229 * 0.10 + 0.35);
        double o1 = sigmoid(0.35891648 * h1 + 0.408666186 * h2 + 0.60);
        double o2 = sigmoid(0.511301270 * h1 + 0.561370121 * h2 + 0.60);
        double error = 0.5 * (Math.pow(0.01 - o1, 2) + Math.pow(0.99 - o2, 2));
        assertEquals(0.291027774, error, 5e-10);
        assertEquals(error, step.get("loss").doubleValue(), 1e-9);
    }

    @Test
    void softmaxCrossEntropyOverABatch() {
        JsonNode j = eval("04_softmax_cross_entropy.bp");
        double e = Math.E;
        // logits: row 1 = [1, 0, -1] (X row [1, 0] picks W's first row), row 2 = [0, 2, 0] (2 × W's second row).
        assertArrayEquals(new double[][] {{1, 0, -1}, {0, 2, 0}}, Eval.values(j, "logits"));
        double z1 = e + 1 + 1 / e;
        double z2 = 2 + e * e;
        double[][] p = {{e / z1, 1 / z1, 1 / e / z1}, {1 / z2, e * e / z2, 1 / z2}};
        double[][] t = {{1, 0, 0}, {0, 1, 0}};
        assertEquals(((Math.log(z1) - 1) + (Math.log(z2) - 2)) / 2, j.get("loss").doubleValue(), 1e-15);
        double[][] dLogits = new double[2][3];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                dLogits[r][c] = (p[r][c] - t[r][c]) / 2;
            }
        }
        assertClose(dLogits, Eval.grads(j, "logits"), 1e-15);
        assertClose(new double[][] {dLogits[0], scale(dLogits[1], 2)}, Eval.grads(j, "W"), 1e-15);
        assertClose(new double[][] {{dLogits[0][0] + dLogits[1][0], dLogits[0][1] + dLogits[1][1],
            dLogits[0][2] + dLogits[1][2]}}, Eval.grads(j, "b"), 1e-15);
        assertClose(p, Eval.values(j, "probs"), 1e-15);
        assertClose(new double[2][3], Eval.grads(j, "probs"), 0);

        JsonNode step = eval("04_softmax_cross_entropy.bp", "--steps", "1", "--lr", "1");
        double[][] w0 = {{1, 0, -1}, {0, 1, 0}};
        double[][] dw = {dLogits[0], scale(dLogits[1], 2)};
        double[][] w = Eval.values(step, "W");
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(w0[r][c] - dw[r][c], w[r][c], 1e-15);
            }
        }
        assertTrue(step.get("loss").doubleValue() < j.get("loss").doubleValue());
    }

    @Test
    void batchnormLayer() {
        JsonNode j = eval("05_batchnorm.bp");
        double[][] x = {{1, 10}, {2, 20}, {3, 60}};
        double[] gamma = {1, 2};
        double[] beta = {0, 0.5};
        double[][] w = {{1, 0}, {0, 0}, {0, 1}};
        double[] mean = {2, 30};
        double[] var = {2.0 / 3, 1400.0 / 3};
        double[][] y = new double[3][2];
        double[][] dx = new double[3][2];
        double[] dGamma = new double[2];
        double[] dBeta = new double[2];
        double loss = 0;
        for (int c = 0; c < 2; c++) {
            double inv = 1 / Math.sqrt(var[c] + 1e-5);
            double[] xhat = new double[3];
            double sumG = 0;
            double sumGX = 0;
            for (int r = 0; r < 3; r++) {
                xhat[r] = (x[r][c] - mean[c]) * inv;
                y[r][c] = gamma[c] * xhat[r] + beta[c];
                loss += y[r][c] * w[r][c];
                sumG += w[r][c];
                sumGX += w[r][c] * xhat[r];
            }
            dGamma[c] = sumGX;
            dBeta[c] = sumG;
            for (int r = 0; r < 3; r++) {
                dx[r][c] = gamma[c] * inv / 3 * (3 * w[r][c] - sumG - xhat[r] * sumGX);
            }
        }
        assertClose(y, Eval.values(j, "y"), 1e-12);
        assertEquals(loss, j.get("loss").doubleValue(), 1e-12);
        assertClose(new double[][] {dGamma}, Eval.grads(j, "gamma"), 1e-12);
        assertClose(new double[][] {dBeta}, Eval.grads(j, "beta"), 0);
        assertClose(dx, Eval.grads(j, "x"), 1e-12);
        assertClose(w, Eval.grads(j, "y"), 0);
        double[][] got = Eval.grads(j, "x");
        for (int c = 0; c < 2; c++) {
            assertEquals(0, got[0][c] + got[1][c] + got[2][c], 1e-12, "each column of dL/dx sums to 0");
        }
        // Both columns come out with mean 0 and (almost) variance 1 before gamma and beta.
        assertEquals(-Math.sqrt(1.5), Eval.values(j, "y")[0][0], 1e-5);
    }

    /** The chain rule down ten layers of h = act(w·h), all w = 1, from x = 0.5, for L = (h10 − 1)². */
    static double[][] chain(boolean sigmoid) {
        double[] h = new double[11];
        h[0] = 0.5;
        for (int i = 1; i <= 10; i++) {
            h[i] = sigmoid ? sigmoid(h[i - 1]) : Math.max(0, h[i - 1]);
        }
        double[] dw = new double[11];
        double g = 2 * (h[10] - 1);
        for (int i = 10; i >= 1; i--) {
            double dz = g * (sigmoid ? h[i] * (1 - h[i]) : 1);
            dw[i] = dz * h[i - 1];
            g = dz;
        }
        dw[0] = g;
        return new double[][] {h, dw};
    }

    @Test
    void deepSigmoidChainGradientsVanish() {
        JsonNode j = eval("06_vanishing_sigmoid.bp");
        double[][] hand = chain(true);
        assertEquals(Math.pow(hand[0][10] - 1, 2), j.get("loss").doubleValue(), 1e-15);
        for (int i = 1; i <= 10; i++) {
            assertEquals(hand[0][i], Eval.scalar(j, "values", "h" + i), 1e-15);
            assertEquals(hand[1][i], Eval.scalar(j, "grads", "w" + i), Math.abs(hand[1][i]) * 1e-12);
        }
        assertEquals(hand[1][0], Eval.scalar(j, "grads", "x"), Math.abs(hand[1][0]) * 1e-12);
        double first = Eval.scalar(j, "grads", "w1");
        double last = Eval.scalar(j, "grads", "w10");
        assertEquals(-0.101, last, 5e-4);
        assertTrue(Math.abs(first / last) < 2e-6, "w1's gradient is a millionth of w10's: " + first / last);
    }

    @Test
    void reluTwinKeepsEveryGradient() {
        JsonNode j = eval("07_relu_chain.bp");
        assertEquals(0.25, j.get("loss").doubleValue());
        for (int i = 1; i <= 10; i++) {
            assertEquals(0.5, Eval.scalar(j, "values", "h" + i));
            assertEquals(-0.5, Eval.scalar(j, "grads", "w" + i));
        }
        assertEquals(-1, Eval.scalar(j, "grads", "x"));
        assertEquals(chain(false)[1][1], Eval.scalar(j, "grads", "w1"));
    }

    @Test
    void explodingChainIsTamedByClipping() {
        JsonNode j = eval("08_exploding_chain.bp");
        assertEquals(59049, Eval.scalar(j, "values", "h10"));
        assertEquals(59048.0 * 59048, j.get("loss").doubleValue());
        assertEquals(2.0 * 59048 * 10 * 19683, Eval.scalar(j, "grads", "w"));
        assertEquals(23_244_835_680.0, Eval.scalar(j, "grads", "w"));

        JsonNode one = eval("08_exploding_chain.bp", "--steps", "1");
        assertEquals(3 - 0.1 * 23_244_835_680.0, Eval.scalar(one, "values", "w"), 1e-3);

        Eval.Run wild = Eval.run(LESSONS.resolve("08_exploding_chain.bp").toString(), "--json", "--steps", "3");
        assertTrue(wild.json().get("loss").isNull(), "three plain steps overflow");
        assertEquals(List.of(
                "warning: step 3 of 3: node h2 = Infinity in the forward pass (the first non-finite value)",
                "warning: NaN or infinite numbers in loss, values.w, values.h1, values.h2, values.h3"
                + " and 20 more; JSON has no such numbers, so they are printed as null"), wild.errLines());

        JsonNode tamed = eval("08_exploding_chain.bp", "--steps", "10", "--clip-norm", "1");
        // Each clipped step moves w by lr × 1 = 0.1: 3 → 2 in ten steps; then h10 = 2^10 = 1024.
        assertEquals(2, Eval.scalar(tamed, "values", "w"), 1e-12);
        assertEquals(1024, Eval.scalar(tamed, "values", "h10"), 1e-8);
        assertEquals(1023.0 * 1023, tamed.get("loss").doubleValue(), 1046529 * 1e-11);
        assertEquals(20.0 * 512 * 1023, Eval.scalar(tamed, "grads", "w"), 10475520 * 1e-11);
    }

    @Test
    void explodingChainWarnsOfItsFirstNonFiniteValueInTheTableAndInJson() {
        // Issue 13, row 14: the table printed Infinity and NaN silently while --json warned; now both name the first.
        String lesson = LESSONS.resolve("08_exploding_chain.bp").toString();
        String first = "warning: step 3 of 5: node h2 = Infinity in the forward pass (the first non-finite value)";
        Eval.Run table = Eval.run(lesson, "--steps", "5");
        assertEquals(0, table.exit());
        assertEquals(List.of(first), table.errLines());
        assertTrue(table.out().contains("\nw     param  1x1    NaN    NaN\n"), table.out());
        Eval.Run json = Eval.run(lesson, "--steps", "5", "--json");
        assertEquals(0, json.exit());
        assertEquals(first, json.errLines().get(0));
        assertEquals(2, json.errLines().size(), "and the line that says which entries are null");
        assertTrue(json.json().get("values").get("w").isNull());
        Eval.Run tamed = Eval.run(lesson, "--steps", "10", "--clip-norm", "1");
        assertEquals("", tamed.err(), "clipped, every number stays finite");
    }

    /** w − 3 is multiplied by (1 − 2η) at every update of L = (w − 3)², from w = 0. */
    static double descended(double eta, int steps) {
        double w = 0;
        for (int i = 0; i < steps; i++) {
            w -= eta * 2 * (w - 3);
        }
        return w;
    }

    @Test
    void gradientDescentOnOneParameterCrawlsLandsOrDiverges() {
        JsonNode j = eval("09_gradient_descent.bp");
        assertEquals(9, j.get("loss").doubleValue());
        assertEquals(-6, Eval.scalar(j, "grads", "w"));
        JsonNode one = eval("09_gradient_descent.bp", "--steps", "1", "--lr", "0.1");
        assertEquals(0.6, Eval.scalar(one, "values", "w"), 1e-15, "w = 0 − 0.1 · (−6)");
        assertEquals(5.76, one.get("loss").doubleValue(), 1e-14);
        for (double eta : new double[] {0.01, 0.1, 1.1}) {
            JsonNode ten = eval("09_gradient_descent.bp", "--steps", "10", "--lr", Double.toString(eta));
            double w = descended(eta, 10);
            assertEquals(3 - 3 * Math.pow(1 - 2 * eta, 10), w, 1e-12);
            assertEquals(w, Eval.scalar(ten, "values", "w"), 1e-12, "lr " + eta);
            assertEquals((w - 3) * (w - 3), ten.get("loss").doubleValue(), 1e-9, "lr " + eta);
        }
        assertEquals(0.549, descended(0.01, 10), 5e-4, "too small: it crawls");
        assertEquals(6.01, Math.pow(descended(0.01, 10) - 3, 2), 5e-3);
        assertEquals(2.678, descended(0.1, 10), 5e-4);
        assertEquals(0.104, Math.pow(descended(0.1, 10) - 3, 2), 5e-4);
        assertEquals(-15.6, descended(1.1, 10), 0.05, "too large: it diverges");
        assertEquals(345, Math.pow(descended(1.1, 10) - 3, 2), 0.5);
        JsonNode right = eval("09_gradient_descent.bp", "--steps", "1", "--lr", "0.5");
        assertEquals(3, Eval.scalar(right, "values", "w"), "lr 0.5 lands on the minimum in one step");
        assertEquals(0, right.get("loss").doubleValue());
    }

    @Test
    void crossEntropyKeepsTheGradientThatMseLosesToASaturatedSigmoid() {
        JsonNode j = eval("10_mse_vs_cross_entropy.bp");
        double p = sigmoid(-4);
        double local = p * (1 - p);
        assertEquals(0.018, p, 5e-4);
        assertEquals(0.0177, local, 5e-5);
        assertEquals(p, Eval.scalar(j, "values", "p_mse"), 1e-16);
        assertEquals(p, Eval.scalar(j, "values", "p_ce"), 1e-16);
        assertEquals((p - 1) * (p - 1), Eval.scalar(j, "values", "mse_loss"), 1e-15);
        assertEquals(-Math.log(p), Eval.scalar(j, "values", "ce_loss"), 1e-15);
        assertEquals(2 * (p - 1) * local, Eval.scalar(j, "grads", "z_mse"), 1e-16);
        assertEquals(p - 1, Eval.scalar(j, "grads", "z_ce"), 1e-15);
        assertEquals(2 * 2 * (p - 1) * local, Eval.scalar(j, "grads", "w_mse"), 1e-15);
        assertEquals(2 * (p - 1), Eval.scalar(j, "grads", "w_ce"), 1e-15);
        assertEquals(0.964, Eval.scalar(j, "values", "mse_loss"), 5e-4);
        assertEquals(4.02, Eval.scalar(j, "values", "ce_loss"), 5e-3);
        assertEquals(-0.0347, Eval.scalar(j, "grads", "z_mse"), 5e-5);
        assertEquals(-0.0694, Eval.scalar(j, "grads", "w_mse"), 5e-5);
        assertEquals(-0.982, Eval.scalar(j, "grads", "z_ce"), 5e-4);
        assertEquals(-1.96, Eval.scalar(j, "grads", "w_ce"), 5e-3);
        assertEquals(28, Math.floor(Eval.scalar(j, "grads", "w_ce") / Eval.scalar(j, "grads", "w_mse")));

        JsonNode ten = eval("10_mse_vs_cross_entropy.bp", "--steps", "10", "--lr", "0.5");
        double wMse = -2;
        double wCe = -2;
        for (int i = 0; i < 10; i++) {
            double pm = sigmoid(2 * wMse);
            double pc = sigmoid(2 * wCe);
            wMse -= 0.5 * 2 * 2 * (pm - 1) * pm * (1 - pm);
            wCe -= 0.5 * 2 * (pc - 1);
        }
        assertEquals(wMse, Eval.scalar(ten, "values", "w_mse"), 1e-12);
        assertEquals(wCe, Eval.scalar(ten, "values", "w_ce"), 1e-12);
        assertEquals(0.049, Eval.scalar(ten, "values", "p_mse"), 5e-4);
        assertEquals(0.942, Eval.scalar(ten, "values", "p_ce"), 5e-4);
    }

    @Test
    void theMaxGateKillsAReluUnitAndLeakyReluKeepsItAlive() {
        JsonNode j = eval("11_dead_relu_max_gate.bp");
        assertArrayEquals(new double[] {-3, -2, -1}, Eval.values(j, "z")[0]);
        assertArrayEquals(new double[] {0, 0, 0}, Eval.values(j, "relu_out")[0]);
        assertEquals(14.0 / 3, Eval.scalar(j, "values", "relu_loss"), 1e-15);
        // dL/drelu_out = 2 (0 − t) / 3 = −2/3, −4/3, −2: the max gate routes all of it to zero, none to z.
        assertArrayEquals(new double[] {0, 0, 0}, Eval.grads(j, "z")[0]);
        assertEquals(0, Eval.scalar(j, "grads", "w"));
        assertEquals(0, Eval.scalar(j, "grads", "b"));
        assertEquals(-4, Eval.scalar(j, "grads", "zero"), 1e-15);
        // Leaky: out = 0.1 z = −0.3, −0.2, −0.1; dL/dout = 2 (out − t) / 3; the gate picks 0.1 z, so dz = 0.1 · that.
        double[] out = {-0.3, -0.2, -0.1};
        double[] t = {1, 2, 3};
        double dw = 0;
        double db = 0;
        for (int i = 0; i < 3; i++) {
            double dz = 0.1 * 2 * (out[i] - t[i]) / 3;
            dw += dz * (i + 1);
            db += dz;
        }
        assertEquals(5.38, Eval.scalar(j, "values", "leaky_loss"), 1e-14);
        assertEquals(-1, dw, 1e-15);
        assertEquals(-0.44, db, 1e-15);
        assertEquals(dw, Eval.scalar(j, "grads", "w_leaky"), 1e-15);
        assertEquals(db, Eval.scalar(j, "grads", "b_leaky"), 1e-15);

        JsonNode ten = eval("11_dead_relu_max_gate.bp", "--steps", "10", "--lr", "0.1");
        assertEquals(1, Eval.scalar(ten, "values", "w"), "a dead unit never moves");
        assertEquals(-4, Eval.scalar(ten, "values", "b"));
        assertEquals(14.0 / 3, Eval.scalar(ten, "values", "relu_loss"), 1e-15);
        double w = 1;
        double b = -4;
        double loss = 0;
        for (int step = 0; step <= 10; step++) {
            double gw = 0;
            double gb = 0;
            loss = 0;
            for (int i = 0; i < 3; i++) {
                double z = w * (i + 1) + b;
                double o = Math.max(z, 0.1 * z);
                loss += (o - t[i]) * (o - t[i]) / 3;
                double dz = 2 * (o - t[i]) / 3 * (z >= 0.1 * z ? 1 : 0.1);
                gw += dz * (i + 1);
                gb += dz;
            }
            if (step < 10) {
                w -= 0.1 * gw;
                b -= 0.1 * gb;
            }
        }
        assertEquals(w, Eval.scalar(ten, "values", "w_leaky"), 1e-12);
        assertEquals(b, Eval.scalar(ten, "values", "b_leaky"), 1e-12);
        assertEquals(loss, Eval.scalar(ten, "values", "leaky_loss"), 1e-12);
        assertEquals(0.70, loss, 5e-3, "alive again");
    }

    @Test
    void forwardModeNeedsOnePassPerInputWhereOneBackwardPassGivesBoth() {
        // f = (x·y)·(x + y) at x = 2, y = 3: a = 6, b = 5, f = 30.
        JsonNode alongX = eval("12_forward_mode.bp", "--tangent", "x");
        assertEquals(30, Eval.scalar(alongX, "values", "f"));
        assertEquals(3, Eval.scalar(alongX, "tangents", "a"), "da = dx·y + x·dy = 1·3 + 2·0");
        assertEquals(1, Eval.scalar(alongX, "tangents", "b"));
        assertEquals(21, Eval.scalar(alongX, "tangents", "f"), "df = da·b + a·db = 3·5 + 6·1");
        JsonNode alongY = eval("12_forward_mode.bp", "--tangent", "y");
        assertEquals(2, Eval.scalar(alongY, "tangents", "a"));
        assertEquals(1, Eval.scalar(alongY, "tangents", "b"));
        assertEquals(16, Eval.scalar(alongY, "tangents", "f"), "2·5 + 6·1");
        JsonNode backward = eval("12_forward_mode.bp");
        assertEquals(21, Eval.scalar(backward, "grads", "x"), "y·b + a = 3·5 + 6");
        assertEquals(16, Eval.scalar(backward, "grads", "y"), "x·b + a = 2·5 + 6");
    }

    private static double[] scale(double[] row, double k) {
        double[] out = row.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= k;
        }
        return out;
    }

    private static void assertClose(double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], tolerance, "row " + r);
        }
    }
}
