package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch sizes raced for the same time on real MNIST: the step counts fit the budget and the step time; cancel. */
class BatchSizeRaceTest {

    private static Mnist mnist;

    @BeforeAll
    static void load() throws DataFileException {
        mnist = Mnist.load(Mnist.defaultDirectory());
    }

    private static final TrainingConfig NET = TrainingConfig.defaults(new int[] {784, 32, 10});

    @Test
    void eachLaneTakesAsManyStepsAsTheBudgetHoldsAtItsStepTime() {
        Examples train = TrainerTest.examples(mnist.train(), 6000);
        Examples measure = TrainerTest.examples(mnist.test(), 1000);
        double budget = 0.25;
        List<BatchSizeRace.Lane> lanes = BatchSizeRace.race(NET, train, measure, new int[] {1, 32, 6000}, budget,
                null, () -> false);
        assertEquals(3, lanes.size());
        for (BatchSizeRace.Lane lane : lanes) {
            String where = "batch " + lane.batchSize();
            assertFalse(lane.cancelled(), where);
            assertEquals(lane.steps(), Math.round(lane.seconds() / lane.stepSeconds()), where);
            // it trains until its training time reaches the budget: its last step is the one that crosses it, so
            // the steps are at least budget ÷ step time, and the time before the last step is under the budget
            assertTrue(lane.seconds() >= budget, where + ": " + lane.seconds());
            assertTrue(lane.seconds() - lane.lastStepSeconds() < budget, where + ": " + lane.seconds() + " - "
                    + lane.lastStepSeconds());
            assertTrue(lane.steps() >= budget / lane.stepSeconds() - 1e-9, where + ": " + lane.steps()
                    + " steps, budget ÷ step time = " + budget / lane.stepSeconds());
            assertEquals(lane.stepSeconds() * Math.ceil(6000.0 / lane.batchSize()), lane.epochSeconds(), 1e-12, where);
            // each epoch ends with a smaller batch where the size does not divide 6,000
            assertEquals(lane.steps() * (double) lane.batchSize() / 6000, lane.epochs(),
                    (Math.floor(lane.epochs()) + 1) * lane.batchSize() / 6000.0, where);
            List<BatchSizeRace.Point> p = lane.points();
            assertEquals(0, p.get(0).seconds());
            for (int i = 1; i < p.size(); i++) {
                assertTrue(p.get(i).seconds() > p.get(i - 1).seconds(), where);
            }
        }
        // how many steps each size takes is a timing, for the benchmark to print, not for a test to assert
        assertTrue(lanes.stream().allMatch(l -> Double.isFinite(l.finalLoss())), "every lane measured a loss");
        assertEquals(lanes.get(0).points().get(0).loss(), lanes.get(2).points().get(0).loss(), 0,
                "every lane starts from the same first weights");
    }

    @Test
    void cancelEndsTheLaneAndTheRest() {
        AtomicInteger asked = new AtomicInteger();
        List<BatchSizeRace.Lane> lanes = BatchSizeRace.race(NET, TrainerTest.examples(mnist.train(), 6000),
                TrainerTest.examples(mnist.test(), 500), new int[] {32, 64}, 30, null,
                () -> asked.incrementAndGet() > 50);
        assertEquals(1, lanes.size(), "the second lane is not run");
        assertTrue(lanes.get(0).cancelled());
        assertEquals(50, lanes.get(0).steps());
        assertTrue(lanes.get(0).seconds() < 30);
        assertThrows(IllegalArgumentException.class, () -> BatchSizeRace.race(NET,
                TrainerTest.examples(mnist.train(), 100), TrainerTest.examples(mnist.test(), 10), new int[] {101}, 1,
                null, () -> false));
    }
}
