package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeView;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import org.backproplab.ui.graph.GraphView;
import org.backproplab.ui.mnist.DrawingPad;
import org.backproplab.ui.mnist.MnistTabModel;
import org.backproplab.ui.playground.NetworkDiagram;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every control a user operates has a tooltip and is reachable by keyboard, in every tab of {@code #mainTabs} (a
 * tab added later is walked too), hidden ones included (B's column of the gradient-flow lab, the inspector's close
 * button, MNIST's Resume): a tooltip and a place in the Tab order do not depend on being shown.
 *
 * <p>What counts as operated: buttons of every kind, combo and choice boxes, spinners, sliders, text fields, lists
 * and tables; and the canvas-like views that take keys (the graph, the lesson editor, the Playground's diagram, the
 * drawing pad, every chart with an export menu). Not walked into: a control's own parts (a spinner's text field, a
 * combo box's list, a scroll pane's bars, a tab pane's headers) and a chart's internals (axes, legend).
 *
 * <p>The canvas-like views need a place in the Tab order but no tooltip: the graph, the diagram and the charts carry
 * tooltips on their parts (cards, weights, bars, cells), which a tooltip of the whole would hide. Honest exception:
 * the drawing pad is drawn on with a pointer only; from the keyboard it can be focused and cleared (Delete), and
 * the model's view of digits is open to the keyboard in the Digits view (its test digits are toggle buttons).
 */
class KeyboardAccessTest extends MainWindowFixture {


    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @Test
    void everyOperatedControlHasATooltipAndIsATabStop(FxRobot robot) {
        revealEverything(robot);
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        robot.interact(() -> {
            for (Node n : operated(stage.getScene().getRoot(), false)) {
                checked[0]++;
                String name = describe(n);
                if (!n.isFocusTraversable()) {
                    problems.add(name + " is not reachable by Tab");
                }
                if (n instanceof Control c && !isCanvasLike(n) && (c.getTooltip() == null
                        || c.getTooltip().getText() == null || c.getTooltip().getText().isBlank())) {
                    problems.add(name + " has no tooltip");
                }
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(checked[0] > 100, "only " + checked[0] + " controls walked: did the walk reach every tab?");
    }

    /**
     * Tab, pressed again and again from a tab's header, visits every control of the tab that is shown and enabled,
     * in each view of a tab that has views (MNIST's, the gradient-flow lab's). In the lesson editor Tab types a tab
     * (it is a text editor); Ctrl+Tab leaves it, as in a JavaFX text area. A group of toggle buttons (MNIST's test
     * digits) is one stop, as radio buttons are: the arrow keys go from one to the next.
     */
    @Test
    void tabFromEachTabsHeaderVisitsEveryControlOfTheTab(FxRobot robot) throws Exception {
        revealEverything(robot);
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        int views = 0;
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            if (MainWindow.MNIST_TAB.equals(tab.getId())) { // the Digits view's buttons come with the data
                WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> window.mnist().dataStateProperty().get()
                        != BackgroundLoad.State.LOADING);
            }
            List<TabPane> inner = new ArrayList<>();
            robot.interact(() -> inner.addAll(tab.getContent().lookupAll(".tab-pane").stream()
                    .map(TabPane.class::cast).toList()));
            TabPane viewTabs = inner.isEmpty() ? null : inner.get(0);
            int count = viewTabs == null ? 1 : viewTabs.getTabs().size();
            for (int v = 0; v < count; v++) {
                int view = v;
                if (viewTabs != null) {
                    robot.interact(() -> viewTabs.getSelectionModel().select(view));
                }
                WaitForAsyncUtils.waitForFxEvents();
                String where = tab.getId() + (viewTabs == null ? "" : " ▸ " + viewTabs.getTabs().get(v).getId());
                assertTabReachesEveryControl(robot, tabs, tab, where);
                views++;
            }
            if (viewTabs != null) {
                robot.interact(() -> viewTabs.getSelectionModel().select(0));
            }
        }
        robot.interact(() -> tabs.getSelectionModel().select(0));
        assertTrue(views >= 10, "only " + views + " views walked");
    }

    private void assertTabReachesEveryControl(FxRobot robot, TabPane tabs, Tab tab, String where) {
        List<Node> expected = new ArrayList<>();
        robot.interact(() -> operated(tab.getContent(), true).stream().filter(n -> !n.isDisabled())
                .forEach(expected::add));
        Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        // Focus traversal happens while a key event is dispatched, so the whole walk runs in one trip to the FX thread.
        robot.interact(() -> {
            tabs.requestFocus();
            for (int i = 0; i < 2 * expected.size() + 30 && !visited.containsAll(expected); i++) {
                Node owner = stage.getScene().getFocusOwner();
                if (owner instanceof CodeArea) {
                    key(KeyCode.TAB, true);
                } else if (owner instanceof ToggleButton t && t.getToggleGroup() != null && !visited.containsAll(
                        t.getToggleGroup().getToggles().stream().map(Node.class::cast).toList())) {
                    key(KeyCode.RIGHT, false); // a group of toggles is one Tab stop; arrows choose within it
                } else {
                    key(KeyCode.TAB, false);
                }
                for (Node n = stage.getScene().getFocusOwner(); n != null; n = n.getParent()) {
                    visited.add(n);
                }
            }
        });
        List<String> missed = expected.stream().filter(n -> !visited.contains(n)).map(KeyboardAccessTest::describe)
                .toList();
        assertEquals(List.of(), missed, "Tab does not reach these in " + where);
        assertTrue(expected.size() > 3, where + ": only " + expected.size() + " controls");
    }

    /**
     * A key pressed and released at the focus owner, through the scene's own dispatch chain (where focus traversal
     * and the controls' key handlers live); called on the FX thread. The robot's keyboard waits for the FX thread
     * twice a key, which made this walk of some 600 keys the longest test of the build (a minute).
     */
    private void key(KeyCode code, boolean control) {
        Node owner = stage.getScene().getFocusOwner();
        javafx.event.EventTarget target = owner != null ? owner : stage.getScene();
        for (var type : List.of(KeyEvent.KEY_PRESSED, KeyEvent.KEY_RELEASED)) {
            Event.fireEvent(target, new KeyEvent(type, "", "", code, false, control, false, false));
        }
    }

    /**
     * The keys of the views drawn on a canvas: the graph pans (↑ ↓, Shift+← →) and zooms (+ −) while ← → still step;
     * a focused button keeps Space (it presses it), a clicked one leaves the focus where it was; Delete clears the
     * drawing pad.
     */
    @Test
    void theGraphAndThePadAnswerKeysAndButtonsKeepTheirOwn(FxRobot robot) {
        robot.clickOn("#graphHolder");
        GraphView graph = robot.lookup(".graph-view").queryAs(GraphView.class);
        assertTrue(graph.isFocused());
        double y = graph.panY();
        double x = graph.panX();
        int position = window.stepper().frame().position();
        robot.type(KeyCode.DOWN);
        assertEquals(y - 40, graph.panY(), 1e-9, "↓ shows what is below");
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertEquals(x - 40, graph.panX(), 1e-9, "Shift+→ shows what is to the right");
        assertEquals(position, window.stepper().frame().position(), "and does not step");
        double scale = graph.scale();
        robot.type(KeyCode.ADD);
        assertTrue(graph.scale() > scale, "+ zooms in");
        robot.type(KeyCode.RIGHT);
        assertEquals(position + 1, window.stepper().frame().position(), "→ steps");

        robot.clickOn("#stepButton");
        assertTrue(graph.isFocused(), "a click on a button leaves the focus on the graph");
        assertEquals(position + 2, window.stepper().frame().position());
        robot.interact(() -> robot.lookup("#resetButton").query().requestFocus());
        robot.type(KeyCode.SPACE);
        assertEquals(0, window.stepper().frame().position(), "Space presses the focused Reset, it does not step");

        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.interact(() -> {
            tabs.getSelectionModel().select(1);
            robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().select(MnistTabModel.View.DRAW.ordinal());
            window.mnist().stroke(100, 100, 180, 180);
        });
        DrawingPad pad = robot.lookup("#drawingPad").queryAs(DrawingPad.class);
        assertTrue(!window.mnist().sketch().isEmpty());
        robot.interact(pad::requestFocus);
        robot.type(KeyCode.DELETE);
        assertTrue(window.mnist().sketch().isEmpty(), "Delete clears the pad");
        robot.interact(() -> {
            robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().select(0);
            tabs.getSelectionModel().select(0);
        });
    }

    /** Shows what is hidden until something happens: B's column (compare), the inspector (a node chosen). */
    private void revealEverything(FxRobot robot) {
        robot.interact(() -> {
            window.gradflow().form().compareProperty().set(true);
            window.stepper().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The operated nodes under a root, in scene order; only those shown (with every parent visible) if asked. */
    static List<Node> operated(Node root, boolean shownOnly) {
        Set<Node> found = new LinkedHashSet<>();
        walk(root, shownOnly, found);
        return new ArrayList<>(found);
    }

    private static void walk(Node node, boolean shownOnly, Set<Node> found) {
        if (node == null || shownOnly && !node.isVisible()) {
            return;
        }
        if (isOperated(node)) {
            found.add(node);
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                if (!shownOnly || tab.isSelected()) {
                    walk(tab.getContent(), shownOnly, found);
                }
            }
            return;
        }
        if (node instanceof ScrollPane scroll) {
            walk(scroll.getContent(), shownOnly, found);
            return;
        }
        if (node instanceof SplitPane split) {
            split.getItems().forEach(n -> walk(n, shownOnly, found));
            return;
        }
        if (node instanceof TitledPane titled) {
            walk(titled.getContent(), shownOnly, found);
            return;
        }
        if (node instanceof ToolBar bar) {
            bar.getItems().forEach(n -> walk(n, shownOnly, found));
            return;
        }
        if (node instanceof Control || node instanceof Chart || node instanceof CodeArea) {
            return; // its parts are its own
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(n -> walk(n, shownOnly, found));
        }
    }

    private static boolean isOperated(Node n) {
        return n instanceof ButtonBase || n instanceof ComboBoxBase || n instanceof ChoiceBox || n instanceof Spinner
                || n instanceof Slider || n instanceof TextInputControl || n instanceof ListView
                || n instanceof TableView || n instanceof TreeView || isCanvasLike(n);
    }

    private static boolean isCanvasLike(Node n) {
        return n instanceof GraphView || n instanceof CodeArea || n instanceof NetworkDiagram || n instanceof DrawingPad
                || n.getStyleClass().contains(ChartExport.STYLE_CLASS);
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null && path.length() < 160; n = n.getParent()) {
            String name = n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName();
            if (n instanceof CheckBox c && c.getText() != null && n.getId() == null) {
                name += "[" + c.getText() + "]";
            }
            path.insert(0, path.length() == 0 ? name : name + " > ");
            if (n.getId() != null && n != node) {
                break;
            }
        }
        return path.toString();
    }
}
