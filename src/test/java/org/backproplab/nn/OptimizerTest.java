package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;

/** One step of each optimizer, worked out by hand on w = [1, −2] with gradient g = [0.5, −4]. */
class OptimizerTest {

    private static Tensor parameter() {
        Tensor w = Tensor.row(1, -2).trainable();
        w.grad().set(0, 0.5);
        w.grad().set(1, -4);
        return w;
    }

    @Test
    void sgd() {
        Tensor w = parameter();
        new Optimizer.Sgd(List.of(w), 0.1).step();
        assertEquals(1 - 0.1 * 0.5, w.get(0, 0), 1e-15);
        assertEquals(-2 + 0.1 * 4, w.get(0, 1), 1e-15);
    }

    @Test
    void sgdWithWeightDecay() {
        Tensor w = parameter();
        new Optimizer.Sgd(List.of(w), 0.1).withWeightDecay(0.01).step();
        assertEquals(1 - 0.1 * (0.5 + 0.01 * 1), w.get(0, 0), 1e-15);
    }

    @Test
    void momentumTwoSteps() {
        Tensor w = parameter();
        Optimizer opt = new Optimizer.Momentum(List.of(w), 0.1, 0.9, false);
        opt.step(); // v = 0.5, w = 1 - 0.05 = 0.95
        assertEquals(0.95, w.get(0, 0), 1e-15);
        opt.step(); // same gradient: v = 0.9·0.5 + 0.5 = 0.95, w = 0.95 - 0.095 = 0.855
        assertEquals(0.855, w.get(0, 0), 1e-15);
    }

    @Test
    void nesterov() {
        Tensor w = parameter();
        new Optimizer.Momentum(List.of(w), 0.1, 0.9, true).step();
        // v = 0.5; step = η(g + μv) = 0.1 · (0.5 + 0.45) = 0.095
        assertEquals(1 - 0.095, w.get(0, 0), 1e-15);
    }

    @Test
    void rmsprop() {
        Tensor w = parameter();
        new Optimizer.RmsProp(List.of(w), 0.01).step();
        // s = 0.1 · 0.25 = 0.025; step = 0.01 · 0.5 / (√0.025 + 1e-8)
        assertEquals(1 - 0.01 * 0.5 / (Math.sqrt(0.025) + 1e-8), w.get(0, 0), 1e-15);
        assertEquals(-2 + 0.01 * 4 / (Math.sqrt(1.6) + 1e-8), w.get(0, 1), 1e-15);
    }

    @Test
    void adamFirstStepMovesByTheLearningRate() {
        Tensor w = parameter();
        Optimizer adam = new Optimizer.Adam(List.of(w), 0.001);
        adam.step();
        // m̂ = g, v̂ = g², so the step is η·g/(|g| + ε) ≈ η·sign(g)
        assertEquals(1 - 0.001 * 0.5 / (0.5 + 1e-8), w.get(0, 0), 1e-15);
        assertEquals(-2 + 0.001 * 4 / (4 + 1e-8), w.get(0, 1), 1e-15);
        // second step with gradient 0.5 again: m = 0.9·0.05 + 0.05 = 0.095, v = 0.999·0.00025 + 0.00025
        adam.step();
        double m = 0.095 / (1 - 0.81);
        double v = (0.999 * 0.00025 + 0.00025) / (1 - 0.999 * 0.999);
        assertEquals(1 - 0.001 * 0.5 / (0.5 + 1e-8) - 0.001 * m / (Math.sqrt(v) + 1e-8), w.get(0, 0), 1e-15);
    }

    @Test
    void watchedStepReportsBeforeGradientAfterAndState() {
        Tensor w = parameter();
        List<ParameterUpdate> updates = new ArrayList<>();
        new Optimizer.Momentum(List.of(w), 0.1).step(updates::add);
        ParameterUpdate u = updates.get(0);
        assertEquals(1, u.before().get(0, 0));
        assertEquals(0.5, u.gradient().get(0, 0));
        assertEquals(0.95, u.after().get(0, 0), 1e-15);
        assertEquals(0.5, u.state().get("velocity v").get(0, 0));
        assertEquals("v ← μ·v + g;  w ← w − η·v", u.rule());
    }

    @Test
    void createByName() {
        Tensor w = parameter();
        assertEquals("adam", Optimizer.create("Adam", List.of(w), 0.1).id());
        assertEquals("rmsprop", Optimizer.create("rmsprop", List.of(w), 0.1).id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizer.create("adagrad", List.of(w), 0.1));
        assertEquals("unknown optimizer 'adagrad'; use sgd, momentum, nesterov, rmsprop or adam", e.getMessage());
    }

    /** A lab's μ, β₁ and β₂ reach the optimizer a kind makes; the defaults are the constructors' own. */
    @Test
    void aKindMadeWithHyperparametersUsesThem() {
        Tensor w = parameter();
        Optimizer momentum = OptimizerKind.MOMENTUM.create(List.of(w), 0.1,
                new OptimizerKind.Hyperparameters(0.5, 0.9, 0.999));
        momentum.step();
        momentum.step(); // same gradient: v = 0.5·0.5 + 0.5 = 0.75, w = 0.95 - 0.075 = 0.875
        assertEquals(0.875, w.get(0, 0), 1e-15);

        Tensor a = parameter();
        Optimizer adam = OptimizerKind.ADAM.create(List.of(a), 0.001, new OptimizerKind.Hyperparameters(0.9, 0.5, 0.9));
        adam.step();
        a.grad().set(0, -1); // the gradient turns and grows: m = 0.5·0.25 − 0.5·1 = −0.375, m̂ = −0.5;
        adam.step();         // v = 0.9·0.025 + 0.1·1 = 0.1225, v̂ = 0.1225/0.19 (β₂ 0.999 would give 0.6252…)
        double first = 1 - 0.001 * 0.5 / (0.5 + 1e-8);
        assertEquals(first + 0.001 * 0.5 / (Math.sqrt(0.1225 / 0.19) + 1e-8), a.get(0, 0), 1e-15);

        // The defaults are the constructors' own.
        List<java.util.function.Function<List<Tensor>, Optimizer>> constructors = List.of(
                p -> new Optimizer.Sgd(p, 0.1), p -> new Optimizer.Momentum(p, 0.1),
                p -> new Optimizer.Momentum(p, 0.1, 0.9, true), p -> new Optimizer.RmsProp(p, 0.1),
                p -> new Optimizer.Adam(p, 0.1));
        for (OptimizerKind kind : OptimizerKind.values()) {
            Tensor d = parameter();
            Tensor c = parameter();
            Optimizer byDefault = kind.create(List.of(d), 0.1);
            Optimizer byConstructor = constructors.get(kind.ordinal()).apply(List.of(c));
            for (double g : new double[] {-4, 1.5}) {
                d.grad().set(1, g);
                c.grad().set(1, g);
                byDefault.step();
                byConstructor.step();
            }
            assertEquals(c.get(0, 1), d.get(0, 1), 0.0, kind.id());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sgd", "momentum", "nesterov", "rmsprop", "adam"})
    void float32LoopFollowsTheFloat64Rule(String id) {
        double[][] values = {{0.5, -1.5, 2.0, 0.01}};
        double[][] grads = {{0.3, -0.2, 1.5, -0.004}, {0.1, 0.4, -0.5, 0.002}, {-0.2, 0.1, 0.25, 0.003}};
        Tensor w64 = Tensor.of(values).trainable();
        Tensor w32 = Tensor.of(org.backproplab.engine.DType.F32, values).trainable();
        Optimizer o64 = Optimizer.create(id, List.of(w64), 0.05).withWeightDecay(0.01);
        Optimizer o32 = Optimizer.create(id, List.of(w32), 0.05).withWeightDecay(0.01);
        for (double[] g : grads) {
            for (int i = 0; i < g.length; i++) {
                w64.grad().set(i, g[i]);
                w32.grad().set(i, g[i]);
            }
            o64.step();
            o32.step();
            for (int i = 0; i < g.length; i++) {
                assertEquals(w64.get(0, i), w32.get(0, i), 1e-6 * (1 + Math.abs(w64.get(0, i))), id + " element " + i);
            }
        }
    }

    /** What the optimizer remembers, taken and put back into a fresh one: the next steps are the same, bit for bit. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sgd", "momentum", "nesterov", "rmsprop", "adam"})
    void stateTakenAndPutBackGivesTheSameNextSteps(String id) {
        for (org.backproplab.engine.DType dtype : org.backproplab.engine.DType.values()) {
            double[][] start = {{1, -2, 0.25}};
            Tensor a = Tensor.of(dtype, start).trainable();
            Tensor b = Tensor.of(dtype, start).trainable();
            Optimizer first = Optimizer.create(id, List.of(a), 0.1);
            for (int k = 0; k < 3; k++) {
                a.grad().set(0, 0.5 + k);
                a.grad().set(1, -4);
                first.step();
            }
            Optimizer.State saved = first.state();
            assertEquals(3, saved.steps());
            for (int i = 0; i < 3; i++) {
                b.value().set(i, a.value().get(i));
            }
            Optimizer second = Optimizer.create(id, List.of(b), 0.1);
            second.restore(saved);
            for (int k = 0; k < 2; k++) {
                for (Tensor t : List.of(a, b)) {
                    t.grad().set(0, 0.3 * k);
                    t.grad().set(1, -1);
                    t.grad().set(2, 1.5);
                }
                first.step();
                second.step();
                for (int i = 0; i < 3; i++) {
                    assertEquals(Double.doubleToLongBits(a.value().get(i)), Double.doubleToLongBits(b.value().get(i)),
                            id + " " + dtype + " element " + i);
                }
            }
        }
    }

    @Test
    void aStateThatDoesNotFitIsRefusedAndChangesNothing() {
        Tensor w = parameter();
        Optimizer adam = Optimizer.create("adam", List.of(w), 0.1);
        Optimizer.State momentum = Optimizer.create("momentum", List.of(w), 0.1).state();
        assertThrows(IllegalArgumentException.class, () -> adam.restore(momentum));
        assertThrows(IllegalArgumentException.class, () -> adam.restore(new Optimizer.State(0, List.of())));
        assertEquals(0, adam.steps());
    }
}
