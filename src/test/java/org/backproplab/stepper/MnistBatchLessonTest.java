package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.backproplab.engine.DType;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.LeafSources;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.NetworkLesson;
import org.backproplab.nn.Activation;
import org.backproplab.nn.BatchGraph;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Sequential;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.nn.TrainingStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One batch of real digits in the step-through view: the lesson the MNIST tab writes for its network computes what
 * the MNIST training path computes for the same weights and images — the loss, every gradient and the parameters
 * after one Adam update — to the last bit, because it is the same engine, the same ops and float32 throughout.
 */
class MnistBatchLessonTest {

    private static Mnist.Split train;

    @BeforeAll
    static void readMnist() throws DataFileException {
        train = Mnist.loadSplit(Mnist.defaultDirectory(), "training", Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS);
        LeafSources.offer(train);
    }

    /** The MNIST training path on images first … first + 7: the tab's batch graph, filled as the trainer fills it. */
    private static BatchGraph batchGraph(Sequential network, int first) {
        BatchGraph g = new BatchGraph(network, 8, 784, 10);
        train.gather(null, first, 8, g.inputs(), g.targets());
        return g;
    }

    private static Lesson lesson(Sequential network, int first) throws LessonException {
        NetworkLesson.Batch batch = NetworkLesson.batch("Keras example 784-10-10", "Keras 示例 784-10-10", NetworkLesson.layersOf(network),
                (Activation) network.modules().get(1), first, 8, TrainingConfig.kerasClassic());
        return Lesson.compile(batch.text(), "mnist_batch.bp", batch.data());
    }

    @Test
    void theLossAndEveryGradientAreTheTrainingPathsToTheBit() throws LessonException {
        Sequential network = TrainingConfig.kerasClassic().buildNetwork();
        int first = 100;
        Lesson lesson = lesson(network, first);
        BatchGraph graph = batchGraph(network, first);
        double loss = graph.forward();
        graph.graph().zeroGrad();
        graph.graph().backward();
        assertEquals(DType.F32, lesson.output().dtype());
        assertEquals(loss, lesson.output().item(), "the loss of the batch");
        assertTrue(loss > 1 && loss < 4, "an untrained network's loss on ten classes is near ln 10: " + loss);
        lesson.zeroGrad();
        lesson.backward();
        List<Tensor> params = network.parameters();
        assertEquals(params.size(), lesson.parameters().size());
        for (int k = 0; k < params.size(); k++) {
            assertArrayEquals(params.get(k).gradSnapshot().values(), lesson.parameters().get(k).gradSnapshot().values(),
                    "∂L/∂" + lesson.parameters().get(k).label());
        }
        Tensor x = lesson.tensor("x").orElseThrow();
        assertEquals(8, x.rows());
        assertEquals(784, x.cols());
        float[] pixels = new float[784];
        float[] oneHot = new float[10];
        train.gather(null, first + 3, 1, pixels, oneHot);
        for (int p = 0; p < 784; p++) {
            assertEquals(pixels[p], x.value().get(3 * 784 + p), "pixel " + p + " of image " + (first + 3));
        }
        assertEquals(1.0, lesson.tensor("y").orElseThrow().value().get(3 * 10 + train.label(first + 3)));
    }

    @Test
    void aSessionSavesTheLessonWithItsNumbersAndReopensItAtTheSameStep(@TempDir Path dir) throws Exception {
        Sequential network = TrainingConfig.kerasClassic().buildNetwork();
        Stepper stepper = new Stepper(lesson(network, 8), OptimizerKind.ADAM, 0.01);
        stepper.finishPhase();
        stepper.finishPhase();
        stepper.finishPhase(); // the update: Adam's m and v are in the optimizer's state now
        stepper.step();
        stepper.step();
        Frame shown = stepper.frame();
        Path file = dir.resolve("batch.bpsession");
        SessionFile.write(file, Session.of("mnist_batch.bp", stepper, 3));
        String text = Files.readString(file);
        assertTrue(text.startsWith("backprop-lab-session 2\n"), text.substring(0, 40));
        assertTrue(text.length() < 600_000, "float32 numbers written short: " + text.length() + " characters");
        assertTrue(stepper.lesson().source().length() < 3_000, "the lesson text itself stays short");

        Session read = SessionFile.read(file);
        assertEquals(stepper.lesson().data(), read.data());
        assertEquals(TrainingConfig.kerasClassic(), read.data().network());
        Stepper back = read.restore();
        Frame again = back.frame();
        assertEquals(shown.iteration(), again.iteration());
        assertEquals(shown.phase(), again.phase());
        assertEquals(shown.position(), again.position());
        for (int i = 0; i < stepper.graph().size(); i++) {
            if (shown.value(i) != null) {
                assertArrayEquals(shown.value(i).values(), again.value(i).values(), "node " + i);
            }
        }
        assertEquals(stepper.lesson().output().item(), back.lesson().output().item());
        // and on from there, the same numbers: the next update uses the saved m and v
        stepper.finishPhase();
        back.finishPhase();
        stepper.finishPhase();
        back.finishPhase();
        stepper.finishPhase();
        back.finishPhase();
        for (int k = 0; k < stepper.lesson().parameters().size(); k++) {
            assertArrayEquals(stepper.lesson().parameters().get(k).snapshot().values(),
                    back.lesson().parameters().get(k).snapshot().values(), "param " + k + " after the next update");
        }
    }

    @Test
    void forwardModeWalksTheBatchToo() throws LessonException {
        TangentWalk walk = new TangentWalk(lesson(TrainingConfig.kerasClassic().buildNetwork(), 0));
        TangentFrame f = walk.step();
        for (int i = 0; i < 12; i++) {
            f = walk.step();
        }
        assertTrue(f.position() > 0, "forward mode steps through the float32 graph");
    }

    @Test
    void theStepThroughsAdamUpdateIsTheTrainersToTheBit() throws LessonException {
        Sequential network = TrainingConfig.kerasClassic().buildNetwork();
        Lesson lesson = lesson(network, 0);
        Stepper stepper = new Stepper(lesson, OptimizerKind.ADAM, 0.01);
        stepper.finishPhase(); // forward
        stepper.finishPhase(); // backward
        Frame update = stepper.finishPhase();
        assertEquals(Phase.UPDATE, update.phase());

        BatchGraph graph = batchGraph(network, 0);
        TrainingStep step = new TrainingStep(OptimizerKind.ADAM.create(network.parameters(), 0.01), Clipping.NONE);
        double loss = step.run(graph.objective()).loss();
        assertEquals(loss, stepper.losses().first(1)[0], "iteration 1's loss");
        for (int k = 0; k < network.parameters().size(); k++) {
            assertArrayEquals(network.parameters().get(k).snapshot().values(),
                    lesson.parameters().get(k).snapshot().values(), "param " + k + " after one Adam update");
        }
    }
}
