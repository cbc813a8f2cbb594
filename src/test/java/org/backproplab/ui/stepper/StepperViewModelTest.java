package org.backproplab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import org.backproplab.stepper.Phase;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.stepper.Stepper;
import org.backproplab.ui.Language;
import org.backproplab.ui.Resources;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;

/** The view model without a screen: JavaFX properties need no toolkit, and a run can use plain executors. */
class StepperViewModelTest {

    private static StepperViewModel opened(String name) {
        StepperViewModel vm = new StepperViewModel();
        assertTrue(vm.open(name + ".bp", ShippedLessons.source(name)));
        return vm;
    }

    @Test
    void theLastLessonIsNamedForTheNextStartAndReopened(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        StepperViewModel vm = opened("03_two_layer_network");
        assertEquals("03_two_layer_network.bp", vm.lessonReference());
        java.nio.file.Path file = dir.resolve("mine.bp");
        java.nio.file.Files.writeString(file, "param w = 2\nloss L = w * w\n");
        vm.open("mine.bp", java.nio.file.Files.readString(file), file);
        assertEquals(file.toAbsolutePath().toString(), vm.lessonReference());
        vm.open("explain.bp", "x = 1\n");
        assertEquals("", vm.lessonReference(), "text from elsewhere is not remembered");

        StepperViewModel next = new StepperViewModel();
        assertTrue(next.reopen(file.toString()));
        assertEquals("mine.bp", next.lessonNameProperty().get());
        assertTrue(next.reopen("03_two_layer_network.bp"));
        assertEquals(ShippedLessons.source("03_two_layer_network"), next.sourceProperty().get());
        assertFalse(next.reopen(dir.resolve("gone.bp").toString()));
        assertFalse(next.reopen(""));
        assertEquals("03_two_layer_network.bp", next.lessonNameProperty().get(), "a failed reopen changes nothing");
    }

    @Test
    void aBrokenEditKeepsTheLastGoodGraphAndAFixDrawsTheNewOne() {
        StepperViewModel vm = opened("01_circuit");
        Stepper good = vm.stepper();
        vm.step();
        assertFalse(vm.edit("x = 1\ny = x +\n"));
        assertEquals(2, vm.diagnosticsProperty().get().get(0).line());
        assertSame(good, vm.stepper(), "the last good graph stays");
        assertEquals(1, vm.frame().position(), "and where it was stepped to");
        assertTrue(vm.edit("x = 1\ny = x + 2\n"));
        assertTrue(vm.diagnosticsProperty().get().isEmpty());
        assertEquals(1, vm.stepper().graph().forwardSteps());
        assertNotNull(vm.layoutProperty().get());
    }

    /** Output and loss are different things: the chart, its CSV and its files say which one they hold. */
    @Test
    void theChartIsTheOutputWithoutALossAndTheLossWithOne() {
        ResourceBundle english = Resources.messages(Language.ENGLISH.locale());
        ResourceBundle chinese = Resources.messages(Language.SIMPLIFIED_CHINESE.locale());
        StepperViewModel vm = opened("01_circuit");
        assertEquals("Output", vm.figures().chartTitle(english));
        assertEquals("输出", vm.figures().chartTitle(chinese));
        vm.finishPhase();
        assertEquals(List.of("iteration", "output"), vm.figures().lossTable().columns());
        assertEquals(List.of("1", "-12.0"), vm.figures().lossTable().row(0));
        assertEquals("01_circuit-output", vm.figures().chartFileName());

        vm.open("04_softmax_cross_entropy.bp", ShippedLessons.source("04_softmax_cross_entropy"));
        assertEquals("Loss", vm.figures().chartTitle(english));
        assertEquals("损失", vm.figures().chartTitle(chinese));
        assertEquals(List.of("iteration", "loss"), vm.figures().lossTable().columns());
        assertEquals("04_softmax_cross_entropy-loss", vm.figures().chartFileName());

        vm.open("sum.bp", "param w = [1, 2]\ny = w * 3\n");
        assertEquals("Output (sum of its elements)", vm.figures().chartTitle(english));
        assertEquals("输出（各元素之和）", vm.figures().chartTitle(chinese));
        assertEquals(List.of("iteration", "output_sum"), vm.figures().lossTable().columns());
    }

    @Test
    void settingsCarryOverToTheNextLesson() {
        StepperViewModel vm = opened("02_sigmoid_neuron");
        vm.setOptimizer(OptimizerKind.ADAM);
        vm.setLearningRate(0.05);
        assertThrows(IllegalArgumentException.class, () -> vm.setLearningRate(-1));
        assertEquals(0.05, vm.learningRateProperty().get());
        vm.open("03_two_layer_network.bp", ShippedLessons.source("03_two_layer_network"));
        assertEquals(OptimizerKind.ADAM, vm.stepper().optimizer());
        assertEquals(0.05, vm.stepper().learningRate());
    }

    @Test
    void selectingANodeInspectsItAndFollowsTheSteps() {
        StepperViewModel vm = opened("01_circuit");
        int q = vm.stepper().graph().nodes().stream().filter(n -> n.name().equals("q")).findFirst().orElseThrow().index();
        vm.select(q);
        assertNull(vm.inspectionProperty().get().value());
        vm.step();
        assertEquals(3, vm.inspectionProperty().get().value().item());
        vm.select(-1);
        assertNull(vm.inspectionProperty().get());
    }

    @Test
    void aRunReportsThrottledProgressThenTheNewFrame() {
        StepperViewModel vm = opened("03_two_layer_network");
        vm.step();
        List<Runnable> later = new ArrayList<>();
        int[] finished = {-1};
        vm.startRun(300, Runnable::run, later::add, new StepperViewModel.RunCallbacks() {
            @Override
            public void progress(int done, int total) {
            }

            @Override
            public void finished(int done) {
                finished[0] = done;
            }
        });
        assertTrue(vm.runningProperty().get(), "running until the view's thread hears the end");
        assertThrows(IllegalStateException.class, vm::step, "no stepping while the worker has the stepper");
        assertTrue(later.size() < 300, "progress is throttled: " + later.size() + " updates for 300 iterations");
        later.forEach(Runnable::run);
        assertFalse(vm.runningProperty().get());
        assertEquals(300, finished[0]);
        assertEquals(300, vm.stepper().losses().count());
        assertEquals(301, vm.frame().iteration());
        assertEquals(Phase.FORWARD, vm.frame().phase());
        assertTrue(vm.stepper().losses().last() < vm.stepper().losses().get(1), "the loss went down");
    }

    @Test
    void aCancelledRunStopsEarly() {
        StepperViewModel vm = opened("03_two_layer_network");
        List<Runnable> later = new ArrayList<>();
        int[] finished = {-1};
        vm.startRun(1_000_000, job -> {
            vm.cancelRun(); // cancelled before the worker starts: it does no iteration
            job.run();
        }, later::add, new StepperViewModel.RunCallbacks() {
            @Override
            public void progress(int done, int total) {
            }

            @Override
            public void finished(int done) {
                finished[0] = done;
            }
        });
        later.forEach(Runnable::run);
        assertEquals(0, finished[0]);
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void stepToGradientOfShowsThatStepAndInspectsTheParam() {
        StepperViewModel vm = opened("03_two_layer_network");
        vm.stepToGradientOf("W1");
        assertEquals(Phase.BACKWARD, vm.frame().phase());
        assertTrue(vm.frame().explanation().lines().get(0).startsWith("∂E/∂W1 += "),
                vm.frame().explanation().lines().toString());
        assertEquals("W1", vm.stepper().graph().node(vm.selectedProperty().get()).name());
        assertNotNull(vm.inspectionProperty().get().gradient(), "the inspector shows W1's new gradient");
        assertTrue(vm.canStepBackProperty().get());
        assertThrows(IllegalArgumentException.class, () -> vm.stepToGradientOf("nothing"));
    }

    @Test
    void aSessionTakenIsRestoredIntoAnotherViewModelAndABrokenOneChangesNothing() throws Exception {
        StepperViewModel vm = opened("02_sigmoid_neuron");
        vm.setOptimizer(OptimizerKind.RMSPROP);
        vm.setLearningRate(0.25);
        for (int k = 0; k < 9; k++) {
            vm.step();
        }
        vm.select(1);
        org.backproplab.stepper.Session session = vm.session();

        StepperViewModel other = opened("01_circuit");
        other.restore(session);
        assertTrue(vm.frame().showsSameAs(other.frame()));
        assertEquals("02_sigmoid_neuron.bp", other.lessonNameProperty().get());
        assertEquals(ShippedLessons.source("02_sigmoid_neuron"), other.sourceProperty().get());
        assertEquals(OptimizerKind.RMSPROP, other.optimizerProperty().get());
        assertEquals(0.25, other.learningRateProperty().get());
        assertEquals(1, other.selectedProperty().get());
        assertNotNull(other.inspectionProperty().get());
        assertEquals(vm.lossCountProperty().get(), other.lossCountProperty().get());
        assertEquals("02_sigmoid_neuron.bp", other.lessonReference(), "a shipped lesson is still remembered by name");

        var broken = new org.backproplab.stepper.Session("x.bp", "loss L = nope(1)\n", OptimizerKind.SGD, 0.1, -1,
                session.checkpoint());
        var before = other.frame();
        assertThrows(org.backproplab.lesson.LessonException.class, () -> other.restore(broken));
        assertSame(before, other.frame());
        assertEquals("02_sigmoid_neuron.bp", other.lessonNameProperty().get());
    }

    /**
     * Forward mode walks the lesson it was started on: restoring a session (like opening a lesson) ends it, and the
     * next step is the restored stepper's, not the old walk's.
     */
    @Test
    void restoringASessionInForwardModeGoesBackToBackprop() throws Exception {
        StepperViewModel vm = opened("02_sigmoid_neuron");
        for (int k = 0; k < 3; k++) {
            vm.step();
        }
        org.backproplab.stepper.Session session = vm.session();

        StepperViewModel other = opened("01_circuit");
        other.setForwardMode(true);
        other.step();
        assertTrue(other.forwardModeProperty().get());
        assertFalse(other.tangentOfProperty().get().isEmpty(), "a pass carries an input's tangent");
        other.restore(session);
        assertFalse(other.forwardModeProperty().get());
        assertEquals("", other.tangentOfProperty().get());
        assertTrue(vm.frame().showsSameAs(other.frame()));
        vm.step();
        other.step();
        assertTrue(vm.frame().showsSameAs(other.frame()), "the restored stepper steps on");
    }

    /** A chain of tanh from one constant: {@code nodes} nodes in all. */
    private static String chain(int nodes) {
        StringBuilder sb = new StringBuilder("const h0 = 0.5\n");
        for (int i = 1; i < nodes; i++) {
            sb.append('h').append(i).append(" = tanh(h").append(i - 1).append(")\n");
        }
        return sb.toString();
    }

    /**
     * A lesson with more nodes than the view draws is refused up front, like a compile error: the last good graph
     * stays, and the count is there for the message. One at the limit opens (laid out by the big-graph layout).
     */
    @Test
    void aLessonTooBigToDrawIsRefusedAndTheLastGoodGraphStays() throws Exception {
        StepperViewModel vm = opened("01_circuit");
        Stepper good = vm.stepper();
        var layout = vm.layoutProperty().get();
        assertFalse(vm.open("big.bp", chain(StepperViewModel.MAX_NODES + 1)));
        assertEquals(StepperViewModel.MAX_NODES + 1, vm.tooBigProperty().get());
        assertTrue(vm.diagnosticsProperty().get().isEmpty());
        assertSame(good, vm.stepper(), "the last good graph stays");
        assertSame(layout, vm.layoutProperty().get());

        assertTrue(vm.edit(chain(StepperViewModel.MAX_NODES)));
        assertEquals(0, vm.tooBigProperty().get());
        assertEquals(StepperViewModel.MAX_NODES, vm.stepper().graph().size());
        assertEquals(StepperViewModel.MAX_NODES, vm.layoutProperty().get().positions().size());

        var big = org.backproplab.stepper.Session.of("big.bp", new Stepper(org.backproplab.lesson.Lesson.compile(
                chain(StepperViewModel.MAX_NODES + 1), "big.bp"), OptimizerKind.SGD, 0.1), -1);
        StepperViewModel other = opened("01_circuit");
        var before = other.frame();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.restore(big));
        assertEquals("the lesson's graph has 1,001 nodes, more than the 1,000 the step-through view draws",
                e.getMessage());
        assertSame(before, other.frame(), "nothing changes");
        assertEquals("01_circuit.bp", other.lessonNameProperty().get());
    }
}
