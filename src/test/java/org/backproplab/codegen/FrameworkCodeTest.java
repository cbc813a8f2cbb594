package org.backproplab.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Schedule;

/** "Show as code": the Keras classic comes out as that network, and both scripts are valid Python. */
class FrameworkCodeTest {

    @TempDir
    Path dir;

    @Test
    void kerasClassicIsThatNetwork() {
        String code = FrameworkCode.keras(TrainingConfig.kerasClassic());
        assertTrue(code.contains("tf.keras.Input(shape=(784,))"), code);
        assertTrue(code.contains("tf.keras.layers.Dense(10, activation=\"relu\", kernel_initializer=\"glorot_uniform\")"));
        assertTrue(code.contains("tf.keras.layers.Dense(10, activation=\"softmax\", kernel_initializer=\"glorot_uniform\")"));
        assertTrue(code.contains("tf.keras.losses.CategoricalCrossentropy()"));
        assertTrue(code.contains("tf.keras.optimizers.Adam(learning_rate=0.01"));
        assertTrue(code.contains("with tf.GradientTape() as tape:"));
        assertTrue(code.contains(".batch(32)"));
        assertTrue(code.contains("for epoch in range(5):"));
        assertEquals(2, code.split("tf.keras.layers.Dense\\(").length - 1, "exactly two Dense layers");
        String torch = FrameworkCode.pytorch(TrainingConfig.kerasClassic());
        assertTrue(torch.contains("nn.Linear(784, 10),\n    nn.ReLU(),\n    nn.Linear(10, 10),\n)"), torch);
        assertTrue(torch.contains("torch.optim.Adam(model.parameters(), lr=0.01"));
        assertTrue(torch.contains("nn.CrossEntropyLoss()"));
    }

    @Test
    void everySwitchIsWrittenOut() {
        TrainingConfig c = TrainingConfig.defaults(new int[] {784, 64, 32, 10})
                .withNetwork(Activation.Kind.LEAKY_RELU, true, 0.25, Initializer.Scheme.HE_NORMAL)
                .withOptimizer(OptimizerKind.RMSPROP, 0.002).withRegularisation(Schedule.parse("step:2:0.5"), 1e-4, Clipping.parse("norm", 2.5));
        String keras = FrameworkCode.keras(c);
        assertTrue(keras.contains("tf.keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5)"));
        assertTrue(keras.contains("tf.keras.layers.LeakyReLU(0.01)"));
        assertTrue(keras.contains("tf.keras.layers.Dropout(0.25)"));
        assertTrue(keras.contains("RandomNormal(stddev=" + Math.sqrt(2.0 / 784) + ")"));
        assertTrue(keras.contains("tf.clip_by_global_norm(gradients, 2.5)"));
        assertTrue(keras.contains("return 0.002 * 0.5 ** (epoch // 2)"));
        assertTrue(keras.contains("loss += 5.0E-5 * tf.add_n"));
        String torch = FrameworkCode.pytorch(c);
        assertTrue(torch.contains("nn.BatchNorm1d(64, eps=1e-5, momentum=0.1)"));
        assertTrue(torch.contains("nn.init.kaiming_normal_(layer.weight, nonlinearity=\"relu\")"));
        assertTrue(torch.contains("torch.optim.RMSprop(model.parameters(), lr=0.002, alpha=0.9, eps=1e-8)"));
        assertTrue(torch.contains("nn.utils.clip_grad_norm_(model.parameters(), 2.5)"));
        assertFalse(torch.contains("tf."));
    }

    /** The code of a line: the line without its comment (the generated code has no '#' in a string). */
    private static String code(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** In Chinese every comment is Chinese and every line of code is the English version's, character for character. */
    @Test
    void chineseCommentsAroundTheSameCode() {
        TrainingConfig withEverything = TrainingConfig.defaults(new int[] {784, 64, 10})
                .withNetwork(Activation.Kind.RELU, true, 0.2, Initializer.Scheme.HE_UNIFORM);
        for (TrainingConfig c : List.of(TrainingConfig.kerasClassic(), withEverything)) {
            for (boolean keras : new boolean[] {true, false}) {
                List<String> english = (keras ? FrameworkCode.keras(c) : FrameworkCode.pytorch(c)).lines().toList();
                List<String> chinese = (keras ? FrameworkCode.keras(c, Locale.SIMPLIFIED_CHINESE)
                        : FrameworkCode.pytorch(c, Locale.SIMPLIFIED_CHINESE)).lines().toList();
                assertEquals(english.size(), chinese.size());
                int comments = 0;
                for (int i = 0; i < english.size(); i++) {
                    assertEquals(code(english.get(i)), code(chinese.get(i)), "line " + (i + 1));
                    if (english.get(i).contains("#")) {
                        comments++;
                        String comment = chinese.get(i).substring(chinese.get(i).indexOf('#'));
                        assertTrue(hasChinese(comment), comment);
                        assertFalse(hasChinese(english.get(i)), english.get(i));
                    }
                }
                assertEquals(keras ? 2 : 3, comments, "the header's two lines, and PyTorch's note on logits");
            }
        }
        String header = FrameworkCode.keras(withEverything, Locale.SIMPLIFIED_CHINESE).lines().findFirst().orElseThrow();
        assertEquals("# Backprop Lab 网络的 tf.keras 版本：784,64,10，relu，批量归一化（BatchNorm），Dropout 0.2，he 初始化，"
                + "adam，学习率 0.001，批大小 128，5 轮，随机种子 0。", header);
        assertEquals(FrameworkCode.keras(withEverything), FrameworkCode.keras(withEverything, Locale.ROOT),
                "English for every locale but Chinese");
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(Path workDir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            System.err.println(output);
        }
        return code;
    }

    @Test
    void bothScriptsCompileAsPython() throws Exception {
        assumeTrue(python(), "python3 is not installed");
        for (TrainingConfig c : List.of(TrainingConfig.kerasClassic(), TrainingConfig.defaults(new int[] {784, 32, 10})
                .withNetwork(Activation.Kind.TANH, true, 0.1, Initializer.Scheme.XAVIER_NORMAL)
                .withRegularisation(Schedule.parse("cosine"), 1e-3, Clipping.parse("value", 1)))) {
            Path keras = Files.writeString(dir.resolve("keras_model.py"), FrameworkCode.keras(c));
            Path torch = Files.writeString(dir.resolve("torch_model.py"), FrameworkCode.pytorch(c));
            Path kerasZh = Files.writeString(dir.resolve("keras_zh.py"), FrameworkCode.keras(c, Locale.SIMPLIFIED_CHINESE));
            Path torchZh = Files.writeString(dir.resolve("torch_zh.py"), FrameworkCode.pytorch(c, Locale.SIMPLIFIED_CHINESE));
            assertEquals(0, run(dir, "python3", "-m", "py_compile", keras.toString(), torch.toString(),
                    kerasZh.toString(), torchZh.toString()));
        }
    }

    @Test
    void theLoaderReadsTheRealFilesWhereNumpyIs() throws Exception {
        assumeTrue(python() && run(dir, "python3", "-c", "import numpy") == 0, "numpy is not installed");
        String code = FrameworkCode.pytorch(TrainingConfig.kerasClassic());
        String loader = code.substring(code.indexOf("import gzip"), code.indexOf("import torch"));
        Path script = Files.writeString(dir.resolve("loader.py"), loader + """
                a, b, c, d = load_mnist(%s)
                assert a.shape == (60000, 784) and c.shape == (10000, 784), (a.shape, c.shape)
                assert list(np.bincount(b)) == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
                assert abs(float(a[0].sum()) - 27525 / 255) < 1e-3
                """.formatted("\"" + Path.of("datasets", "mnist").toAbsolutePath().toString().replace("\\", "/") + "\""));
        assertEquals(0, run(dir, "python3", script.toString()));
    }
}
