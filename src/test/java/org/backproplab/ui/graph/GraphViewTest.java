package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.backproplab.drawing.CardSize;
import org.backproplab.drawing.GraphLayout;
import org.backproplab.drawing.Steppers;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.stepper.StepGraph;
import org.backproplab.stepper.Stepper;
import org.backproplab.stepper.Texts;
import org.backproplab.ui.Resources;
import org.backproplab.ui.Screenshots;
import org.backproplab.ui.Styles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The graph view on its own, headless, with a shipped lesson stepped to the end of its backward pass: a card per
 * node showing the engine's own numbers, the keys that pan and zoom, Fit, a click on a card; and
 * {@code graph-view-<language>.png}.
 */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {

    private static final int W = 900;
    private static final int H = 520;

    private GraphView view;
    private Stage stage;
    private final List<Integer> clicked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new GraphView();
        view.setOnNodeClicked(clicked::add);
        Scene scene = new Scene(new StackPane(view), W, H);
        scene.getStylesheets().add(Resources.externalForm(Resources.APP_CSS));
        stage.setScene(scene);
        stage.show();
    }

    /** Opens a lesson in the view and steps to the end of its backward pass. */
    private Stepper open(FxRobot robot, String lesson, Locale locale) throws Exception {
        Stepper s = Steppers.shipped(lesson);
        s.finishPhase();
        s.finishPhase();
        ResourceBundle messages = Resources.messages(locale);
        robot.interact(() -> {
            view.show(s.graph(), GraphLayout.layout(s.graph(), CardSize::of), messages);
            view.update(s.frame(), -1);
        });
        return s;
    }

    /** The lesson run forward and backward by the engine itself, not by the stepper. */
    private static Map<String, Tensor> engine(String lesson) throws Exception {
        Lesson l = Lesson.compile(ShippedLessons.source(lesson), lesson + ".bp");
        l.forward();
        l.zeroGrad();
        l.backward();
        return l.bindings();
    }

    private String text(FxRobot robot, String node, String styleClass) {
        return robot.from(view).lookup("#card-" + node).lookup("." + styleClass).queryAs(Label.class).getText();
    }

    @Test
    void aCardPerNodeShowingTheEnginesValueAndGradient(FxRobot robot) throws Exception {
        Stepper s = open(robot, "02_sigmoid_neuron", Locale.ENGLISH);
        StepGraph g = s.graph();
        assertEquals(g.nodes().size(), robot.from(view).lookup("." + Styles.NODE_CARD).queryAll().size());
        for (StepGraph.Node n : g.nodes()) {
            assertEquals("card-" + n.name(), view.card(n.index()).getId());
        }
        Map<String, Tensor> engine = engine("02_sigmoid_neuron");
        assertTrue(engine.size() >= 6, "the lesson names its nodes: " + engine.keySet());
        for (Map.Entry<String, Tensor> e : engine.entrySet()) {
            assertEquals(Texts.number(e.getValue().snapshot().item()), text(robot, e.getKey(), Styles.CARD_VALUE),
                    e.getKey() + "'s value");
            assertEquals(Texts.number(e.getValue().gradSnapshot().item()), text(robot, e.getKey(), Styles.CARD_GRADIENT),
                    e.getKey() + "'s gradient");
        }
        // spot checks against the lesson's hand-worked numbers: f = σ(1) and ∂f/∂w0 = −0.1966
        assertEquals("0.7311", text(robot, "f", Styles.CARD_VALUE));
        assertEquals("-0.1966", text(robot, "w0", Styles.CARD_GRADIENT));
        Screenshots.write(robot, stage.getScene(), "graph-view-en.png");
    }

    @Test
    void aSmallMatrixShowsEveryNumberTheEngineComputed(FxRobot robot) throws Exception {
        String lesson = "03_two_layer_network";
        Stepper s = open(robot, lesson, Locale.ENGLISH);
        Map<String, Tensor> engine = engine(lesson);
        int checked = 0;
        for (StepGraph.Node n : s.graph().nodes()) {
            Tensor t = engine.get(n.name());
            if (t == null || n.isScalar() || !CardSize.showsNumbers(n.rows(), n.cols())) {
                continue;
            }
            // a matrix card: its header, the value's caption and grid, the gradient's caption and grid
            grid(view.card(n.index()).getChildren().get(2), t.snapshot(), n.name());
            grid(view.card(n.index()).getChildren().get(4), t.gradSnapshot(), "∂/∂" + n.name());
            checked++;
        }
        assertTrue(checked > 0, "the lesson has a matrix of at most 4×4");
        Screenshots.write(robot, stage.getScene(), "graph-view-matrix.png");
    }

    private static void grid(javafx.scene.Node pane, Snapshot expected, String what) {
        GridPane grid = (GridPane) pane;
        assertEquals(expected.rows() * expected.cols(), grid.getChildren().size(), what + ": a cell per number");
        for (javafx.scene.Node cell : grid.getChildren()) {
            int r = GridPane.getRowIndex(cell);
            int c = GridPane.getColumnIndex(cell);
            assertEquals(Texts.number(expected.get(r, c)), ((Label) cell).getText(), what + "[" + r + "," + c + "]");
        }
    }

    @Test
    void keysPanAndZoomAndZeroFits(FxRobot robot) throws Exception {
        open(robot, "03_two_layer_network", Locale.ENGLISH);
        robot.interact(() -> {
            view.fit();
            view.requestFocus();
        });
        double fitted = view.scale();
        double x = view.panX();
        double y = view.panY();

        robot.type(KeyCode.DOWN);
        assertEquals(y - 40, view.panY(), 1e-9, "↓ moves the graph up by a step");
        robot.type(KeyCode.UP);
        robot.type(KeyCode.UP);
        assertEquals(y + 40, view.panY(), 1e-9);
        robot.type(KeyCode.RIGHT);
        assertEquals(x, view.panX(), 1e-9, "→ alone is the stepper's, not a pan");
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertEquals(x - 40, view.panX(), 1e-9, "Shift+→ pans");

        robot.type(KeyCode.EQUALS);
        assertEquals(fitted * 1.2, view.scale(), 1e-9, "+ zooms in a step");
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        assertEquals(fitted / 1.2, view.scale(), 1e-9, "− zooms out a step");

        robot.type(KeyCode.DIGIT0);
        assertEquals(fitted, view.scale(), 1e-9, "0 fits again");
        assertEquals(x, view.panX(), 1e-9);
        assertEquals(y, view.panY(), 1e-9);
    }

    @Test
    void fitShowsTheWholeGraphCentredAndAClickReportsTheCard(FxRobot robot) throws Exception {
        Stepper s = open(robot, "02_sigmoid_neuron", Locale.ENGLISH);
        GraphLayout.Result layout = GraphLayout.layout(s.graph(), CardSize::of);
        robot.interact(() -> {
            view.zoomIn();
            view.pan(-300, 120);
            view.fit();
        });
        double scale = view.scale();
        double w = layout.width() * scale;
        double h = layout.height() * scale;
        assertTrue(w <= view.getWidth() + 1e-6 && h <= view.getHeight() + 1e-6,
                "the whole graph fits: " + w + "×" + h + " in " + view.getWidth() + "×" + view.getHeight());
        assertTrue(w > view.getWidth() - 1 || h > view.getHeight() - 1, "and fills the view one way");
        assertEquals(Math.max(0, (view.getWidth() - w) / 2), view.panX(), 1e-6, "centred across");
        assertEquals(Math.max(0, (view.getHeight() - h) / 2), view.panY(), 1e-6, "centred down");

        int f = s.graph().nodes().stream().filter(n -> n.name().equals("f")).findFirst().orElseThrow().index();
        robot.clickOn(view.card(f));
        assertEquals(List.of(f), clicked);
    }

    @Test
    void theCardsSpeakChinese(FxRobot robot) throws Exception {
        open(robot, "02_sigmoid_neuron", Locale.SIMPLIFIED_CHINESE);
        ResourceBundle zh = Resources.messages(Locale.SIMPLIFIED_CHINESE);
        List<String> keys = robot.from(view.card(0)).lookup(".card-key").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertTrue(keys.contains(zh.getString("card.value")), "the value row in Chinese: " + keys);
        assertTrue(!zh.getString("card.value").equals(Resources.messages(Locale.ENGLISH).getString("card.value")));
        Screenshots.write(robot, stage.getScene(), "graph-view-zh_CN.png");
    }
}
