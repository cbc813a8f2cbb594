package org.backproplab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.backproplab.data.ToyData;
import org.backproplab.labs.Landscape;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Setup files: every kind written and read back equal; every mistake at its line and column. */
class SetupFileTest {

    static final List<Setup> EVERY_KIND = List.of(
            new Setup.StepThrough("08_exploding_chain", 37, OptimizerKind.ADAM, 0.005, Clipping.Mode.VALUE.with(0.25),
                    true),
            new Setup.LandscapeLab("rosenbrock", null, new Landscape.XY(-1.5, 2), 0.001, 0.95,
                    List.of("adam", "sgd", "newton"), 40),
            new Setup.LandscapeLab(null, "x^2 + 3*y^2", null, 0, 0.9, List.of("momentum"), 0),
            new Setup.PlaygroundLab(ToyData.Kind.XOR, 0.1, List.of(8, 8, 2), Activation.Kind.RELU, 0.1, 5),
            new Setup.GradientFlowLab("moons", 128, 7, true, new Setup.GradientFlowLab.Side(12, 32,
                    Activation.Kind.TANH, Initializer.Scheme.SMALL, true, Clipping.Mode.NORM.with(5),
                    OptimizerKind.RMSPROP, 0.002), Setup.GradientFlowLab.Side.classic()),
            new Setup.MnistLab("mlp-800"));

    @Test
    void everyKindOfSetupReadsBackEqual(@TempDir Path dir) throws Exception {
        for (Setup setup : EVERY_KIND) {
            Path file = dir.resolve(setup.tab() + ".bpsetup");
            SetupFile.write(file, setup);
            assertTrue(Files.readString(file).startsWith("backprop-lab-setup 1\n"));
            assertEquals(setup, SetupFile.read(file), setup.tab());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            backprop-lab-session 1\\ntab: mnist\\npreset: mlp-128|1|1|a setup file starts with "backprop-lab-setup 1"
            backprop-lab-setup 2\\ntab: mnist\\npreset: mlp-128|1|1|this is format 2
            backprop-lab-setup 1\\ntab: mnist\\npreset: mlp-9|3|9|"preset": expected one of keras-classic
            backprop-lab-setup 1\\ntab: mnist\\nlesson: 01_circuit|3|1|an MNIST setup has no key "lesson"
            backprop-lab-setup 1\\n# a comment\\ntab: landscape\\nsurface: bowl\\nstart: 1|5|8|expected "x, y"
            backprop-lab-setup 1\\ntab: landscape\\nexpression: x^2 + z|3|19|"expression": unknown name
            backprop-lab-setup 1\\ntab: gradient-flow\\nb.depth: 40|3|10|must be 2 to 20, not 40
            backprop-lab-setup 1\\ntab: playground\\nhidden: 4, 9|3|9|must be 1 to 8, not 9
            backprop-lab-setup 1\\ntab: step-through\\nsteps: 3|1|1|needs "lesson: …"
            backprop-lab-setup 1\\ntab: step-through\\nlesson 01_circuit|3|1|expected "key: value"
            """)
    void aMistakeSaysItsLineColumnAndWhat(String text, int line, int column, String what) {
        CourseException e = assertThrows(CourseException.class,
                () -> SetupFile.parse(text.replace("\\n", "\n"), "mine.bpsetup"));
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.problem().contains(what), e.getMessage());
    }
}
