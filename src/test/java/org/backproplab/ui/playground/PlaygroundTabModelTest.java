package org.backproplab.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.backproplab.data.ToyData;
import org.backproplab.labs.Playground;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tab's model without a screen: JavaFX properties need no toolkit, and frames arrive on the training thread. */
class PlaygroundTabModelTest {

    private final PlaygroundTabModel model = new PlaygroundTabModel(Runnable::run);

    @AfterEach
    void close() {
        model.shutdown();
    }

    private void settle() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        model.run().then(() -> done.complete(null));
        done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMalformedFileKeepsThePointsAndSaysWhyAGoodOneReplacesThem(@TempDir Path dir) throws Exception {
        settle();
        PlaygroundData before = model.dataProperty().get();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x1,x2,label\n1,2,1\n3,4\n");
        model.loadCsv(bad);
        assertEquals("bad.csv: line 3: expected 3 values x1,x2,label but found 2 (\"3,4\")",
                model.dataErrorProperty().get());
        assertEquals(before, model.dataProperty().get());
        model.loadCsv(dir.resolve("missing.csv"));
        assertTrue(model.dataErrorProperty().get().startsWith("missing.csv: cannot be read"),
                model.dataErrorProperty().get());

        Path values = dir.resolve("values.csv");
        Files.writeString(values, "1,2,0.5\n-1,0,2\n0,3,1\n2,2,0\n");
        model.loadCsv(values);
        settle();
        assertEquals("", model.dataErrorProperty().get());
        assertTrue(model.dataProperty().get().fromFile());
        assertFalse(model.canTrainBinding().get(), "labels 0.5 and 2 cannot be classes");
        model.play();
        assertFalse(model.playingProperty().get());
        model.setProblem(Playground.Problem.REGRESSION);
        assertTrue(model.canTrainBinding().get(), "as values they can be fitted");
        model.step();
        settle();
        assertEquals(1, model.frameProperty().get().epoch());
        model.setShape(ToyData.Kind.MOONS);
        settle();
        assertFalse(model.dataProperty().get().fromFile(), "a shape again");
        assertEquals("moons", model.frameProperty().get().data().source());
    }

    @Test
    void settingsRebuildOrRetuneAndTheSelectionFollows() throws Exception {
        model.step();
        model.step();
        settle();
        assertEquals(2, model.frameProperty().get().epoch());
        model.setLearningRate(0.1);
        model.step();
        settle();
        assertEquals(3, model.frameProperty().get().epoch(), "a new learning rate trains on");
        model.select(ParamRef.weight(1, 3, 1));
        model.removeNeuron(0);
        settle();
        assertEquals(0, model.frameProperty().get().epoch(), "a new shape is a new network");
        assertNull(model.selectedProperty().get(), "W2[4,2] is gone with the fourth neuron");
        model.selectNext(1);
        assertEquals(ParamRef.weight(0, 0, 0), model.selectedProperty().get());
        model.selectNext(-1);
        assertEquals(ParamRef.bias(2, 0), model.selectedProperty().get(), "wraps round to the output's bias");
        model.regenerate();
        settle();
        assertEquals(1, model.settings().seed());
        assertEquals(List.of(3, 2), model.settings().hidden());
        assertTrue(model.framesShown() >= 5);
    }

    @Test
    void explainHandsTheLessonToTheStepThroughViewOrSaysItIsBusy() throws Exception {
        ExplainLesson[] opened = new ExplainLesson[1];
        boolean[] accept = {false};
        model.setExplainer(lesson -> {
            opened[0] = lesson;
            return accept[0];
        });
        model.step();
        model.select(ParamRef.bias(0, 2));
        model.explain();
        settle();
        assertEquals("b1", opened[0].parameter());
        assertEquals(PlaygroundTabModel.STEPPER_BUSY, model.explainErrorProperty().get());
        accept[0] = true;
        model.explain();
        settle();
        assertEquals("", model.explainErrorProperty().get());
    }
}
