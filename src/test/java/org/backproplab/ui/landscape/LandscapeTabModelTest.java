package org.backproplab.ui.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backproplab.labs.Landscape;
import org.backproplab.labs.Landscape.Method;
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.labs.Surface;
import org.backproplab.ui.landscape.LandscapeTabModel.Racer;
import org.backproplab.ui.landscape.LandscapeTabModel.Run;
import org.junit.jupiter.api.Test;

/** The landscape tab's state without JavaFX: racers from one start, their numbers the back end's, reset, overflow. */
class LandscapeTabModelTest {

    @Test
    void everyRacerStartsFromTheStartAndWalksTheBackEndsPathBitForBit() {
        LandscapeTabModel model = new LandscapeTabModel();
        model.choosePreset(Surface.ROSENBROCK);
        model.setRacing(Racer.NEWTON, true);
        model.setStart(-1.5, 2);
        for (int i = 0; i < 30; i++) {
            model.step();
        }
        assertEquals(30, model.steps());
        assertEquals(List.of(Racer.SGD, Racer.MOMENTUM, Racer.ADAM, Racer.NEWTON),
                model.runs().stream().map(Run::racer).toList());
        Landscape surface = Landscape.of(Surface.ROSENBROCK);
        Settings s = Settings.of(Surface.ROSENBROCK.learningRate());
        assertEquals(surface.run(Method.ADAM, s, -1.5, 2, 30).points(), run(model, Racer.ADAM).points());
        assertEquals(surface.run(Method.NEWTON, s.withLearningRate(1), -1.5, 2, 30).points(),
                run(model, Racer.NEWTON).points());
        model.reset();
        assertEquals(0, model.steps());
        for (Run r : model.runs()) {
            assertEquals(1, r.points().size());
            assertEquals(-1.5, r.points().get(0).x());
        }
    }

    @Test
    void theNoisyRacerAloneGetsTheNoise() {
        LandscapeTabModel model = new LandscapeTabModel();
        model.setRacing(Racer.NOISY, true);
        model.step();
        Run plain = run(model, Racer.SGD);
        Run noisy = run(model, Racer.NOISY);
        assertTrue(plain.last().written().get(0).startsWith("(x, y) ← (x, y) − η·∇f"), plain.last().written().toString());
        assertTrue(noisy.last().written().get(0).startsWith("g = ∇f + σ·ξ"), noisy.last().written().toString());
    }

    @Test
    void aLearningRateTooLargeStopsThatRacerAndTheOthersGoOn() {
        LandscapeTabModel model = new LandscapeTabModel();
        model.choosePreset(Surface.ROSENBROCK);
        model.setSettings(model.settings().withLearningRate(0.01));
        for (int i = 0; i < 200; i++) {
            model.step();
        }
        assertEquals(List.of(Racer.SGD, Racer.MOMENTUM), model.stopped().stream().map(Run::racer).toList());
        assertTrue(run(model, Racer.SGD).stoppedAt() > 0 && run(model, Racer.SGD).stoppedAt() < 200);
        assertEquals(0, run(model, Racer.ADAM).stoppedAt(), "Adam's steps are at most about η: it goes on");
        assertTrue(model.anyGoing());
    }

    @Test
    void aTypedSurfaceReplacesThePresetAndAMistakeKeepsTheLastGoodOne() throws Landscape.BadSurface {
        LandscapeTabModel model = new LandscapeTabModel();
        model.chooseExpression("x^2 + 3*y^2");
        assertEquals(null, model.preset());
        assertEquals(4.0, model.surface().value(1, 1));
        try {
            model.chooseExpression("x^2 + q");
        } catch (Landscape.BadSurface expected) {
            assertEquals(7, expected.column());
        }
        assertEquals("x^2 + 3*y^2", model.surface().expression());
        assertTrue(model.lesson().contains("param x = "), model.lesson());
        assertEquals(5, model.pathTable().columns().size());
    }

    private static Run run(LandscapeTabModel model, Racer r) {
        return model.runs().stream().filter(x -> x.racer() == r).findFirst().orElseThrow();
    }
}
