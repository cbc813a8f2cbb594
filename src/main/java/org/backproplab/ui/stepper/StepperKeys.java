package org.backproplab.ui.stepper;

import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.backproplab.ui.graph.GraphView;

/**
 * The step-through view's keys, as a filter on the whole view, heard only when no text field has the focus and no
 * run is going: Space or → step, ← step back, Enter finish phase, P play/pause, Ctrl+= and Ctrl+- zoom, Ctrl+0 fit.
 * A focused control keeps Space, Enter and the arrows; Shift+arrows are left to the graph, which pans with them.
 */
final class StepperKeys {

    private final StepperViewModel model;
    private final LessonEditor editor;
    private final Spinner<?> iterations;
    private final GraphView graph;
    private final StepPlayer player;
    private final QuizMode quiz;

    StepperKeys(StepperViewModel model, LessonEditor editor, Spinner<?> iterations, GraphView graph,
                StepPlayer player, QuizMode quiz) {
        this.quiz = quiz;
        this.model = model;
        this.editor = editor;
        this.iterations = iterations;
        this.graph = graph;
        this.player = player;
    }

    void pressed(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || editor.area().isFocused()
                || iterations.getEditor().isFocused() || model.runningProperty().get()) {
            return;
        }
        boolean shortcut = e.isShortcutDown();
        KeyCode code = e.getCode();
        // A focused control keeps its own keys: Space and Enter press a button, arrows move a slider or a list.
        if (e.getTarget() instanceof Control && !shortcut && (code == KeyCode.SPACE || code == KeyCode.ENTER
                || code == KeyCode.LEFT || code == KeyCode.RIGHT)) {
            return;
        }
        boolean plain = !shortcut && !e.isShiftDown(); // Shift+← → pan the graph
        if (plain && (code == KeyCode.SPACE || code == KeyCode.RIGHT)) {
            quiz.step();
        } else if (plain && code == KeyCode.LEFT) {
            quiz.revealHeld();
            model.stepBack();
        } else if (!shortcut && code == KeyCode.ENTER) {
            quiz.revealHeld();
            model.finishPhase();
        } else if (plain && code == KeyCode.Q) {
            quiz.onProperty().set(!quiz.onProperty().get());
        } else if (plain && code == KeyCode.F) {
            model.setForwardMode(!model.forwardModeProperty().get());
        } else if (!shortcut && code == KeyCode.P) {
            player.press();
        } else if (shortcut && (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD)) {
            graph.zoomIn();
        } else if (shortcut && (code == KeyCode.MINUS || code == KeyCode.SUBTRACT)) {
            graph.zoomOut();
        } else if (shortcut && (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0)) {
            graph.fit();
        } else {
            return;
        }
        e.consume();
    }
}
