package org.backproplab.ui.stepper;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;

import org.backproplab.stepper.Quiz;
import org.backproplab.stepper.Texts;
import org.backproplab.ui.Styles;
import org.backproplab.ui.graph.GraphView;

/**
 * The quiz bar above the explanation: the question of the held step, the answer field (Enter checks it), the verdict
 * and the iteration's score; the card asked about turns green when the answer was right, red when not (the value and
 * the line that gives it are then on the card and in the explanation, revealed).
 */
final class QuizBar {

    private final QuizMode quiz;
    private final ResourceBundle resources;
    private final GraphView graph;
    private final Label question;
    private final TextField answer;
    private final Label verdict;
    private final Label score;
    private Node marked;

    QuizBar(QuizMode quiz, ResourceBundle resources, GraphView graph, ToggleButton toggle, HBox bar, Label question,
            TextField answer, Label verdict, Label score) {
        this.quiz = quiz;
        this.resources = resources;
        this.graph = graph;
        this.question = question;
        this.answer = answer;
        this.verdict = verdict;
        this.score = score;
        toggle.selectedProperty().bindBidirectional(quiz.onProperty());
        bar.visibleProperty().bind(quiz.onProperty());
        bar.managedProperty().bind(quiz.onProperty());
        // Enter checks an answer; Enter again, with no question open, takes the next step: the hands stay on the
        // keys. (The field stays enabled and focused: moving the focus out of a text field from its own Enter, or
        // disabling it while focused, leaves its caret animation running after the window is gone.)
        answer.setOnAction(e -> {
            if (quiz.questionProperty().get() == null) {
                quiz.step();
            } else {
                submit();
            }
        });
        quiz.questionProperty().addListener((o, was, q) -> showQuestion(q));
        quiz.lastAnswerProperty().addListener((o, was, a) -> showAnswer(a));
        quiz.scoreProperty().addListener((o, was, s) -> showScore(s));
        showQuestion(null);
        showScore(new int[] {0, 0});
    }

    private void showQuestion(Quiz.Question q) {
        if (q == null) {
            question.setText(resources.getString("quiz.none"));
            return;
        }
        unmark();
        verdict.setText("");
        question.setText(MessageFormat.format(resources.getString("quiz.ask." + q.phase().name().toLowerCase(
                java.util.Locale.ROOT)), q.name()));
        answer.clear();
        Platform.runLater(answer::requestFocus);
    }

    private void submit() {
        try {
            double v = Double.parseDouble(answer.getText().strip().replace(',', '.').replace('−', '-'));
            answer.getStyleClass().remove("invalid");
            quiz.answer(v);
        } catch (NumberFormatException e) {
            if (!answer.getStyleClass().contains("invalid")) {
                answer.getStyleClass().add("invalid");
            }
        }
    }

    private void showAnswer(Quiz.Answer a) {
        if (a == null) {
            unmark();
            verdict.setText("");
            return;
        }
        String value = Texts.number(a.question().expected());
        verdict.setText(a.right() ? MessageFormat.format(resources.getString("quiz.right"), a.question().name(), value)
                : MessageFormat.format(resources.getString("quiz.wrong"), a.question().name(), value,
                Texts.number(a.given())));
        unmark();
        marked = graph.lookup("#card-" + a.question().name());
        if (marked != null) {
            marked.getStyleClass().add(a.right() ? Styles.QUIZ_RIGHT : Styles.QUIZ_WRONG);
        }
    }

    private void showScore(int[] s) {
        score.setText(MessageFormat.format(resources.getString("quiz.score"), s[0], s[1]));
    }

    private void unmark() {
        if (marked != null) {
            marked.getStyleClass().removeAll(Styles.QUIZ_RIGHT, Styles.QUIZ_WRONG);
            marked = null;
        }
    }
}
