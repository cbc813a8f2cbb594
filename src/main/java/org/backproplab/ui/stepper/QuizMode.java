package org.backproplab.ui.stepper;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.backproplab.stepper.Frame;
import org.backproplab.stepper.Quiz;

/**
 * Quiz mode of the step-through view (Q): a step that would reveal a number first asks for it. The stepper computes
 * the step and the frame is held back while {@link #questionProperty()} asks; {@link #answer} checks the typed number
 * ({@link Quiz}'s rule), then shows the frame, with the value and the chain-rule line that gives it. The score counts
 * the answers of the current iteration. Step back, Finish phase and Reset show what they always show and drop an
 * unanswered question.
 */
public final class QuizMode {

    private final StepperViewModel model;
    private final Quiz quiz = new Quiz();
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final ObjectProperty<Quiz.Question> question = new SimpleObjectProperty<>();
    private final ObjectProperty<Quiz.Answer> lastAnswer = new SimpleObjectProperty<>();
    private final ObjectProperty<int[]> score = new SimpleObjectProperty<>(new int[] {0, 0});
    private Frame held;
    private int iteration = -1;

    public QuizMode(StepperViewModel model) {
        this.model = model;
        on.addListener((o, was, is) -> {
            if (!is) {
                revealHeld();
            }
        });
    }

    /** Whether steps ask first. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** The question waiting for an answer, or null. */
    public ReadOnlyObjectProperty<Quiz.Question> questionProperty() {
        return question;
    }

    /** The last answer checked (null after a step without a question). */
    public ReadOnlyObjectProperty<Quiz.Answer> lastAnswerProperty() {
        return lastAnswer;
    }

    /** Right and asked in this iteration. */
    public ReadOnlyObjectProperty<int[]> scoreProperty() {
        return score;
    }

    /** Step: with the quiz on, the step's number is asked before it is shown. A second Step shows it unanswered. */
    public void step() {
        if (!on.get()) {
            model.step();
            return;
        }
        if (held != null) {
            revealHeld();
            return;
        }
        Frame next = model.stepHeld();
        if (next.iteration() != iteration) {
            iteration = next.iteration();
            quiz.restart();
            score.set(new int[] {0, 0});
        }
        Quiz.Question q = Quiz.of(next, model.stepper().graph());
        lastAnswer.set(null);
        if (q == null) {
            model.reveal(next);
            return;
        }
        held = next;
        question.set(q);
    }

    /** The typed number: checked, counted, and the held step shown. */
    public Quiz.Answer answer(double given) {
        Quiz.Question q = question.get();
        if (q == null) {
            return null;
        }
        Quiz.Answer a = quiz.answer(q, given);
        score.set(new int[] {quiz.right(), quiz.asked()});
        lastAnswer.set(a);
        revealHeld();
        return a;
    }

    /** Drops an unanswered question (Step back, Finish phase, Reset, another lesson) and shows its step. */
    public void revealHeld() {
        if (held != null) {
            Frame f = held;
            held = null;
            question.set(null);
            model.reveal(f);
        }
    }
}
