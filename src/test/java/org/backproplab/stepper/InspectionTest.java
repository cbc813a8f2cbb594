package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.lesson.LessonException;
import org.junit.jupiter.api.Test;

class InspectionTest {

    @Test
    void anOpNodeShowsItsLocalDerivativesOnceBackwardUsedThem() throws LessonException {
        Stepper s = StepperTest.stepper("01_circuit");
        int f = s.graph().output();
        assertEquals(List.of(), Inspection.of(s, s.frame(), f).locals());
        s.finishPhase();
        Frame frame = s.finishPhase();
        Inspection i = Inspection.of(s, frame, f);
        assertEquals(List.of("∂f/∂q = z = -4", "∂f/∂z = q = 3"), i.locals());
        assertEquals(-12, i.value().item());
        assertEquals(1, i.gradient().item());
        assertNull(i.check(), "only params are gradient-checked");
    }

    @Test
    void aParamIsGradientCheckedAtTheValuesItsIterationStartedFrom() throws LessonException {
        Stepper s = StepperTest.stepper("02_sigmoid_neuron");
        s.finishPhase();
        s.finishPhase();
        Frame frame = s.finishPhase(); // updated: w0 is 2.02 now, but this iteration's gradient was taken at 2
        int w0 = s.graph().nodes().stream().filter(n -> n.name().equals("w0")).findFirst().orElseThrow().index();
        Inspection i = Inspection.of(s, frame, w0);
        assertEquals(frame.gradient(w0).item(), i.check().analytic().item(), 1e-15);
        assertEquals(-0.1966, i.check().numeric().item(), 1e-4);
        assertTrue(i.check().maxRelativeError() < 1e-8, "relative error " + i.check().maxRelativeError());
        assertEquals(2.019661193, s.graph().tensor(w0).item(), 1e-9, "the check left the stepped graph alone");
    }

    @Test
    void savedValuesComeFromTheOp() throws LessonException {
        Stepper s = StepperTest.stepper("04_softmax_cross_entropy");
        Frame frame = s.finishPhase();
        Inspection i = Inspection.of(s, frame, s.graph().output());
        assertTrue(i.saved().containsKey("probabilities"), i.saved().toString());
    }
}
