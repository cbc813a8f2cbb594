package org.backproplab.nn;

import java.util.Random;
import org.backproplab.engine.Tensor;

/**
 * How a weight matrix gets its first values. Every random draw comes from the generator handed in, in
 * row-major order, so the same seed gives the same numbers.
 */
@FunctionalInterface
public interface Initializer {

    void fill(Tensor weights, int fanIn, int fanOut, Random rng);

    static Initializer constant(double value) {
        return (w, fanIn, fanOut, rng) -> {
            for (int i = 0; i < w.size(); i++) {
                w.value().set(i, value);
            }
        };
    }

    /** The named schemes. */
    enum Scheme implements Initializer {
        ZEROS("zeros") {
            public void fill(Tensor w, int fanIn, int fanOut, Random rng) { constant(0).fill(w, fanIn, fanOut, rng); }
        },
        /** normal(0, 0.01): so small that deep nets' signals and gradients shrink layer by layer. */
        SMALL("small") {
            public void fill(Tensor w, int fanIn, int fanOut, Random rng) { normal(w, 0.01, rng); }
        },
        /** normal(0, 1): so large that deep nets' signals and gradients grow layer by layer. */
        NORMAL("normal") {
            public void fill(Tensor w, int fanIn, int fanOut, Random rng) { normal(w, 1, rng); }
        },
        /** Glorot: U(−s, s), s = √(6 / (fan_in + fan_out)); the Keras default. */
        XAVIER_UNIFORM("xavier") {
            public void fill(Tensor w, int fanIn, int fanOut, Random rng) { uniform(w, Math.sqrt(6.0 / (fanIn + fanOut)), rng); }
        },
        /** Glorot: normal(0, σ), σ = √(2 / (fan_in + fan_out)). */
        XAVIER_NORMAL("xavier_normal") {
            public void fill(Tensor w, int fanIn, int fanOut, Random rng) { normal(w, Math.sqrt(2.0 / (fanIn + fanOut)), rng); }
        },
        /** Kaiming: U(−s, s), s = √(6 / fan_in), for ReLU layers. */
        HE_UNIFORM("he") {
            public void fill(Tensor w, int fanIn, int fanOut, Random rng) { uniform(w, Math.sqrt(6.0 / fanIn), rng); }
        },
        /** Kaiming: normal(0, σ), σ = √(2 / fan_in). */
        HE_NORMAL("he_normal") {
            public void fill(Tensor w, int fanIn, int fanOut, Random rng) { normal(w, Math.sqrt(2.0 / fanIn), rng); }
        };

        private final String id;

        Scheme(String id) {
            this.id = id;
        }

        /** The name used on the command line and in files. */
        public String id() {
            return id;
        }

        public static Scheme parse(String id) {
            for (Scheme s : values()) {
                if (s.id.equalsIgnoreCase(id) || s.name().equalsIgnoreCase(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown initialiser '" + id + "'; use one of zeros, small, normal, "
                    + "xavier, xavier_normal, he, he_normal");
        }

        private static void normal(Tensor w, double std, Random rng) {
            for (int i = 0; i < w.size(); i++) {
                w.value().set(i, std * rng.nextGaussian());
            }
        }

        private static void uniform(Tensor w, double limit, Random rng) {
            for (int i = 0; i < w.size(); i++) {
                w.value().set(i, limit * (2 * rng.nextDouble() - 1));
            }
        }
    }
}
