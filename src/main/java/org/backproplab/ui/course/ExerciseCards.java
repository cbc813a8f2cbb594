package org.backproplab.ui.course;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.backproplab.course.Course;
import org.backproplab.course.Exercise;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An exercise as a card that asks before it tells: the question, a way to answer (a number field, the options, or a
 * click in the gradient-flow lab's bars — or the layer typed), Check, and only after a try the verdict, the answer and
 * why. A try that was right in an earlier sitting is marked, and the card can be answered again.
 */
final class ExerciseCards {

    static final String CARD = "course-exercise";
    static final String RIGHT = "course-right";
    static final String WRONG = "course-wrong";

    private final CourseModel model;
    private final CourseHost host;
    private final ResourceBundle resources;
    private final DoubleSupplier size;
    private final Supplier<Color> ink;
    private final Locale locale;

    ExerciseCards(CourseModel model, CourseHost host, ResourceBundle resources, DoubleSupplier size,
                  Supplier<Color> ink) {
        this.model = model;
        this.host = host;
        this.resources = resources;
        this.size = size;
        this.ink = ink;
        this.locale = resources.getLocale();
    }

    Node card(Course.Block.Question q) {
        Exercise e = q.exercise();
        VBox card = new VBox(6);
        card.getStyleClass().add(CARD);
        card.setId("exercise-" + q.key().replace('.', '-'));
        Label heading = new Label(MessageFormat.format(resources.getString("course.exercise"),
                q.key().substring(q.key().indexOf('.') + 1)), new FontIcon("mdi2h-help-circle-outline"));
        heading.getStyleClass().add("course-exercise-heading");
        card.getChildren().addAll(heading, markdown(e.question().in(locale)));
        if (model.rightExercises().contains(q.key())) {
            Label before = new Label(resources.getString("course.rightBefore"), new FontIcon("mdi2c-check"));
            before.getStyleClass().add("course-right-before");
            card.getChildren().add(before);
        }
        VBox verdict = new VBox(4);
        if (e instanceof Exercise.NumberExercise n) {
            card.getChildren().add(numberInput(q.key(), n, verdict));
        } else if (e instanceof Exercise.ChoiceExercise c) {
            card.getChildren().add(choiceInput(q.key(), c, verdict));
        } else {
            card.getChildren().add(layerInput(q.key(), (Exercise.LayerExercise) e, verdict));
        }
        card.getChildren().add(verdict);
        CourseModel.Attempt earlier = model.attempt(q.key());
        if (earlier != null) {
            showVerdict(verdict, e, earlier);
        }
        return card;
    }

    private Node numberInput(String key, Exercise.NumberExercise e, VBox verdict) {
        TextField field = new TextField();
        field.setPromptText(resources.getString("course.number.prompt"));
        field.setAccessibleText(e.question().in(locale));
        field.setTooltip(new Tooltip(resources.getString("course.number.tip")));
        Button check = checkButton();
        Runnable answer = () -> {
            CourseModel.Attempt a = model.answerNumber(key, e, field.getText());
            if (a == null) {
                verdict.getChildren().setAll(new Label(resources.getString("course.notANumber")));
            } else {
                showVerdict(verdict, e, a);
            }
        };
        check.setOnAction(ev -> answer.run());
        field.setOnAction(ev -> answer.run());
        HBox row = new HBox(6, field, check);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    private Node choiceInput(String key, Exercise.ChoiceExercise e, VBox verdict) {
        ToggleGroup group = new ToggleGroup();
        VBox options = new VBox(4);
        for (int i = 0; i < e.options().size(); i++) {
            RadioButton option = new RadioButton((i + 1) + ". " + e.options().get(i).in(locale));
            option.setWrapText(true);
            option.setUserData(i + 1);
            option.setToggleGroup(group);
            options.getChildren().add(option);
        }
        Button check = checkButton();
        check.disableProperty().bind(group.selectedToggleProperty().isNull());
        check.setOnAction(ev -> showVerdict(verdict, e, model.answerChoice(key, e,
                (Integer) group.getSelectedToggle().getUserData())));
        options.getChildren().add(check);
        return options;
    }

    private Node layerInput(String key, Exercise.LayerExercise e, VBox verdict) {
        Label how = new Label(resources.getString("course.layer.how"));
        how.setWrapText(true);
        TextField field = new TextField();
        field.setPromptText(resources.getString("course.layer.prompt"));
        field.setAccessibleText(e.question().in(locale));
        field.setPrefColumnCount(4);
        Button check = checkButton();
        java.util.function.IntConsumer answer = layer -> {
            int smallest = host.smallestGradientLayer();
            if (smallest == 0) {
                verdict.getChildren().setAll(new Label(resources.getString("course.layer.notYet")));
                return;
            }
            CourseModel.Attempt a = model.answerLayer(key, layer, smallest);
            showVerdict(verdict, e, a, smallest);
        };
        Runnable typed = () -> {
            try {
                answer.accept(Integer.parseInt(field.getText().strip()));
            } catch (NumberFormatException ex) {
                verdict.getChildren().setAll(new Label(resources.getString("course.layer.prompt")));
            }
        };
        check.setOnAction(ev -> typed.run());
        field.setOnAction(ev -> typed.run());
        host.onLayerPicked(layer -> {
            field.setText(Integer.toString(layer));
            answer.accept(layer);
        });
        return new VBox(4, how, new HBox(6, field, check));
    }

    private Button checkButton() {
        Button check = new Button(resources.getString("course.check"), new FontIcon("mdi2c-check-circle-outline"));
        check.setTooltip(new Tooltip(resources.getString("course.check.tip")));
        return check;
    }

    private void showVerdict(VBox verdict, Exercise e, CourseModel.Attempt a) {
        showVerdict(verdict, e, a, e instanceof Exercise.LayerExercise l ? l.answer() : 0);
    }

    /** Right or not, then the answer and why; {@code smallest}: the lab's layer for a layer exercise. */
    private void showVerdict(VBox verdict, Exercise e, CourseModel.Attempt a, int smallest) {
        Label head = new Label(resources.getString(a.right() ? "course.right" : "course.wrong"),
                new FontIcon(a.right() ? "mdi2c-check-bold" : "mdi2c-close-thick"));
        head.getStyleClass().add(a.right() ? RIGHT : WRONG);
        String answer;
        if (e instanceof Exercise.NumberExercise n) {
            answer = number(n.answer());
        } else if (e instanceof Exercise.ChoiceExercise c) {
            answer = c.answer() + ". " + c.options().get(c.answer() - 1).in(locale);
        } else {
            answer = MessageFormat.format(resources.getString("course.layer.answer"), smallest);
        }
        Label shown = new Label(MessageFormat.format(resources.getString("course.answer"), answer));
        shown.setWrapText(true);
        verdict.getChildren().setAll(head, shown);
        if (!e.why().isEmpty()) {
            verdict.getChildren().add(markdown(e.why().in(locale)));
        }
    }

    private Node markdown(String text) {
        return MarkdownNodes.render(text, size.getAsDouble(), ink.get());
    }

    /** 0.6 → "0.6", 5.76 → "5.76": as a person writes it. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
