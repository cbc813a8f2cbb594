package org.backproplab.stepper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The lessons that ship with the app, under {@code resources/lessons/}, in the order they are taught. */
public final class ShippedLessons {

    /** The file names without {@code .bp}. */
    public static final List<String> NAMES = List.of("01_circuit", "02_sigmoid_neuron", "03_two_layer_network",
            "04_softmax_cross_entropy", "05_batchnorm", "06_vanishing_sigmoid", "07_relu_chain",
            "08_exploding_chain", "09_gradient_descent", "10_mse_vs_cross_entropy", "11_dead_relu_max_gate",
            "12_forward_mode");

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
     * A shipped lesson as the list shows it: its number and its title in the language of {@code locale}, "02 · sigmoid
     * neuron" or "02 · Sigmoid 神经元" (see {@link LessonHeader}); the words of the file name when it has no title.
     */
    public static String title(String name, Locale locale) {
        int cut = name.indexOf('_');
        String title = LessonHeader.of(source(name), locale).title();
        if (title.isEmpty()) {
            title = cut < 0 ? name : name.substring(cut + 1).replace('_', ' ');
        }
        return cut < 0 ? title : name.substring(0, cut) + " · " + title;
    }
}
