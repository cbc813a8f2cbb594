package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.backproplab.nn.OptimizerKind;

/**
 * Session files: what is written reads back as the same session, bit for bit, and restores the same frame; a save
 * that fails midway leaves the earlier file; each kind of broken file (hand-made, under test resources
 * {@code stepper/}) is turned away with a message that names the file and says what is wrong.
 */
class SessionFileTest {

    @TempDir
    Path dir;

    /** The 2-2-2 network with Adam after five iterations, two steps into the backward pass of the sixth. */
    static Stepper midBackward() throws LessonException {
        Stepper s = new Stepper(StepperTest.lesson("03_two_layer_network"), OptimizerKind.ADAM, 0.3);
        s.run(5, (d, t, l) -> { }, () -> false);
        s.finishPhase();
        s.step();
        s.step();
        return s;
    }

    static void assertSameSession(Session expected, Session actual) {
        assertEquals(expected.lessonName(), actual.lessonName());
        assertEquals(expected.lessonText(), actual.lessonText());
        assertEquals(expected.optimizer(), actual.optimizer());
        assertEquals(Double.doubleToRawLongBits(expected.learningRate()), Double.doubleToRawLongBits(actual.learningRate()));
        assertEquals(expected.selectedNode(), actual.selectedNode());
        Checkpoint e = expected.checkpoint();
        Checkpoint a = actual.checkpoint();
        assertEquals(e.iteration(), a.iteration());
        assertEquals(e.steps(), a.steps());
        assertEquals(e.parameters(), a.parameters()); // Snapshot equality: every double bit for bit
        assertEquals(e.optimizer(), a.optimizer());
        assertEquals(e.learningRate(), a.learningRate());
        assertEquals(e.optimizerState().steps(), a.optimizerState().steps());
        assertEquals(e.optimizerState().arrays().size(), a.optimizerState().arrays().size());
        for (int i = 0; i < e.optimizerState().arrays().size(); i++) {
            assertArrayEquals(e.optimizerState().arrays().get(i), a.optimizerState().arrays().get(i));
        }
        assertArrayEquals(e.losses(), a.losses());
    }

    @Test
    void midBackwardWithLossesAndAdamRoundTripsBitForBit() throws Exception {
        Stepper s = midBackward();
        Session saved = Session.of("03_two_layer_network.bp", s, 4);
        Path file = dir.resolve("net.bpsession");
        SessionFile.write(file, saved);
        Session read = SessionFile.read(file);
        assertSameSession(saved, read);
        assertEquals(5, read.checkpoint().losses().length);
        assertEquals(5, read.checkpoint().optimizerState().steps());
        assertTrue(Files.readString(file).startsWith("backprop-lab-session 1\n"));
        CheckpointTest.assertSameFrom(s, read.restore(), 30);
        // Written again, the same bytes: nothing is lost or rounded on the way.
        Path again = dir.resolve("again.bpsession");
        SessionFile.write(again, read);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void awkwardLessonTextAndNumbersComeBackExactly() throws Exception {
        String text = "# a backslash \\ a tab\tand a CR\r\n# 中文 \u0007 |pipe\n\nparam w = 0.1\nconst x = 3\n"
                + "loss L = w * x\n";
        Stepper s = new Stepper(Lesson.compile(text, "odd\\name.bp"), OptimizerKind.SGD, 0.1 + 0.2);
        s.run(3, (d, t, l) -> { }, () -> false);
        s.step();
        Session saved = Session.of("odd\\name\nwith a break.bp", s, -1);
        Path file = dir.resolve("odd.bpsession");
        SessionFile.write(file, saved);
        Session read = SessionFile.read(file);
        assertEquals(text, read.lessonText());
        assertSameSession(saved, read);
        assertEquals(0.30000000000000004, read.learningRate());
    }

    @Test
    void aDivergedRunKeepsItsInfinitiesAndNaNs() throws Exception {
        Stepper s = new Stepper(Lesson.compile("param w = 3\nloss L = w * w * w * w\n", "up.bp"), OptimizerKind.SGD, 1);
        s.run(6, (d, t, l) -> { }, () -> false);
        Session saved = Session.of("up.bp", s, 0);
        assertTrue(Double.isNaN(saved.checkpoint().parameters().get(0).value().item())
                || Double.isInfinite(saved.checkpoint().parameters().get(0).value().item()));
        Path file = dir.resolve("up.bpsession");
        SessionFile.write(file, saved);
        assertSameSession(saved, SessionFile.read(file));
    }

    @Test
    void aSaveInterruptedMidwayLeavesTheEarlierFileIntact() throws Exception {
        Path file = dir.resolve("s.bpsession");
        SessionFile.write(file, Session.of("01_circuit.bp", StepperTest.stepper("01_circuit"), -1));
        byte[] before = Files.readAllBytes(file);
        Session bigger = Session.of("03.bp", midBackward(), 2);
        IOException crash = assertThrows(IOException.class, () -> SessionFile.write(file, bigger, FailAfter::new));
        assertEquals("disk full", crash.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the temporary file is gone");
        }
        SessionFile.read(file); // still a good session
    }

    /** A disk that fills up after 200 bytes. */
    private static final class FailAfter extends FilterOutputStream {
        private int written;

        FailAfter(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (++written > 200) {
                throw new IOException("disk full");
            }
            super.write(b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            foreign.png              | foreign.png: this is not a Backprop Lab session: it does not start with "backprop-lab-session"
            model.bpmodel            | model.bpmodel: this is a model file (open it in the MNIST tab), not a session
            lesson.bp                | lesson.bp: this is not a Backprop Lab session: it does not start with "backprop-lab-session"
            empty.bpsession          | empty.bpsession: this is not a Backprop Lab session: it does not start with "backprop-lab-session"
            newer.bpsession          | newer.bpsession, line 1: session format 3 is from a newer Backprop Lab; this one reads format 2
            truncated.bpsession      | truncated.bpsession: truncated: it ends after line 19, before loss 3 of 5
            cut-lesson.bpsession     | cut-lesson.bpsession: truncated: it ends after line 26, before lesson line 4 of 7
            no-end.bpsession         | no-end.bpsession: truncated: it ends after line 30, before end
            bad-number.bpsession     | bad-number.bpsession, line 15: "-0.3478x" is not a number
            bad-shape.bpsession      | bad-shape.bpsession, line 15: expected 4 numbers, found 3
            bad-optimizer.bpsession  | bad-optimizer.bpsession, line 4: unknown optimizer "adamw"; one of sgd, momentum, nesterov, rmsprop, adam
            out-of-order.bpsession   | out-of-order.bpsession, line 5: expected "learning-rate", found "selected-node"
            bad-escape.bpsession     | bad-escape.bpsession, line 24: unknown escape "\\q"
            not-utf8.bpsession       | not-utf8.bpsession: damaged: it is not UTF-8 text
            trailing.bpsession       | trailing.bpsession, line 32: unexpected text after the end
            few-losses.bpsession     | few-losses.bpsession: iteration 6 needs the losses of the 5 before it, but there are 4
            broken-lesson.bpsession  | broken-lesson.bpsession: its lesson does not compile (lesson line 5:5: unknown function 'sigmoidd' (did you mean 'sigmoid'?))
            other-params.bpsession   | other-params.bpsession: it does not fit its own lesson: its param 1 is V1, the lesson's W1
            bad-state.bpsession      | bad-state.bpsession: it does not fit its own lesson: adam keeps 2 state arrays per parameter, not 1
            too-far.bpsession        | too-far.bpsession: it does not fit its own lesson: iteration 6 has 16 steps, not 99
            bad-node.bpsession       | bad-node.bpsession: it inspects node 99, but its lesson has 8 nodes
            huge-count.bpsession     | huge-count.bpsession, line 10: an optimizer state for 2000000000 params; a lesson has at most 100000
            """)
    void aBrokenFileSaysWhatIsWrong(String name, String message) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = SessionFileTest.class.getResourceAsStream("/stepper/" + name)) {
            Files.copy(in, file);
        }
        SessionFileException e = assertThrows(SessionFileException.class, () -> SessionFile.read(file));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theHandMadeGoodFileReadsAndRestores() throws Exception {
        Path file = dir.resolve("good.bpsession");
        try (InputStream in = SessionFileTest.class.getResourceAsStream("/stepper/good.bpsession")) {
            Files.copy(in, file);
        }
        Session s = SessionFile.read(file);
        Frame f = s.restore().frame();
        assertEquals(6, f.iteration());
        assertEquals(Phase.BACKWARD, f.phase());
        assertEquals(6, f.losses(), "five iterations before and this one's, its forward pass done");
    }

    @Test
    void aMissingFileIsNamed() {
        SessionFileException e = assertThrows(SessionFileException.class,
                () -> SessionFile.read(dir.resolve("gone.bpsession")));
        assertEquals("gone.bpsession: there is no such file", e.getMessage());
    }
}
