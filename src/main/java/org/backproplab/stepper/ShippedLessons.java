package org.backproplab.stepper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The lessons that ship with the app, under {@code resources/lessons/}, in the order they are taught. */
public final class ShippedLessons {

    /** The file names without {@code .bp}. */
    public static final List<String> NAMES = List.of("01_circuit", "02_sigmoid_neuron", "03_two_layer_network",
            "04_softmax_cross_entropy", "05_batchnorm", "06_vanishing_sigmoid", "07_relu_chain",
            "08_exploding_chain");

    /** The lesson the app opens with: the CS231n circuit. */
    public static final String FIRST = NAMES.get(0);

    private ShippedLessons() {
    }

    /** The text of a shipped lesson; a missing one is a packaging error and fails loudly. */
    public static String source(String name) {
        String path = "/lessons/" + name + ".bp";
        try (InputStream in = ShippedLessons.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " (it belongs under resources" + path + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    /**
     * What a lesson teaches, from its first comment line in the language asked for: the line after
     * {@code # Teaches:} in English, after {@code # 本课内容：} in Chinese; "" when there is none.
     */
    public static String summary(String source, boolean chinese) {
        String marker = chinese ? "# 本课内容：" : "# Teaches:";
        for (String line : source.split("\n")) {
            if (line.startsWith(marker)) {
                return line.substring(marker.length()).trim();
            }
        }
        return "";
    }
}
