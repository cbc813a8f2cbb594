package org.backproplab.ui;

import static org.backproplab.ui.MainWindowFixture.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.backproplab.stepper.ShippedLessons;
import org.backproplab.ui.graph.GraphView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * File ▸ Export and the charts' export menus, headless: the Save dialog is replaced by a folder (a native dialog
 * cannot be driven), the files written are read back. The exported graph is also copied to the screenshots folder
 * ({@code export-graph.png}, {@code export-graph.svg}) to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class ExportTest {

    @TempDir
    Path dir;
    private Stage stage;
    private MainWindow window;
    private final List<String> proposed = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, Language.ENGLISH);
        window.show();
    }

    @BeforeEach
    void saveIntoTheFolder() {
        Exports.useChooser((owner, messages, kind, name) -> {
            proposed.add(name);
            return dir.resolve(name);
        });
    }

    @AfterEach
    void restoreTheDialog() {
        Exports.useChooser(null);
    }

    /** Exports are written off the JavaFX thread: wait for the last one, and for what it tells the window. */
    private static void written() throws Exception {
        org.junit.jupiter.api.Assertions.assertTrue(Exports.lastWrite.get(20, TimeUnit.SECONDS), "the export was written");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWholeGraphAsPngAtTwiceItsSizeWhateverTheViewsZoom(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.stepper().open("02_sigmoid_neuron.bp", ShippedLessons.source("02_sigmoid_neuron"));
            window.stepper().finishPhase();
            for (int i = 0; i < 4; i++) {
                window.stepper().step();
            }
        });
        GraphView graph = robot.lookup(".graph-view").queryAs(GraphView.class);
        robot.interact(() -> {
            graph.zoomIn();
            graph.zoomIn(); // the view shows only part of the graph now
        });
        double zoomed = graph.scale();
        fire(robot, "exportGraphPngItem");
        written();
        assertEquals(zoomed, graph.scale(), "the view keeps its zoom");
        Path png = dir.resolve("02_sigmoid_neuron-graph.png");
        BufferedImage image = ImageIO.read(png.toFile());
        double width = window.stepper().layoutProperty().get().width();
        double height = window.stepper().layoutProperty().get().height();
        assertEquals(2 * width, image.getWidth(), 24, "the whole graph's width, twice");
        assertEquals(2 * height, image.getHeight(), 24, "the whole graph's height, twice");
        assertTrue(colours(image) > 20, "a drawing, not a blank");
        Files.createDirectories(Screenshots.folder());
        Files.copy(png, Screenshots.folder().resolve("export-graph.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        fire(robot, "exportGraphSvgItem");
        written();
        Path svg = dir.resolve("02_sigmoid_neuron-graph.svg");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(window.stepper().stepper().graph().size() + window.stepper().stepper().graph().edges().size(),
                doc.getElementsByTagName("g").getLength());
        Files.copy(svg, Screenshots.folder().resolve("export-graph.svg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains(">value</text>"), "the English card words");
    }

    /** Lesson 01 has no loss: the step-through view's metrics are its output of each iteration, and say so. */
    @Test
    void metricsOfTheStepThroughViewAreWhatItsChartFollows(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.stepper().open("01_circuit.bp", ShippedLessons.source("01_circuit"));
            for (int i = 0; i < 3; i++) {
                window.stepper().finishPhase(); // forward, backward, update: one loss
            }
            window.stepper().finishPhase(); // the next forward pass: a second
        });
        showFileMenu(robot);
        assertFalse(item(robot, "exportMetricsItem").isDisable());
        fire(robot, "exportMetricsItem");
        written();
        List<String> lines = Files.readAllLines(dir.resolve("01_circuit-output.csv"));
        assertEquals(List.of("iteration,output", "1,-12.0"), lines.subList(0, 2));
        assertEquals(3, lines.size());
        assertTrue(robot.lookup("#statusLabel").queryLabeled().getText().contains("01_circuit-output.csv"),
                "the status bar says where it went");
    }

    @Test
    void fileExportOffersWhatTheTabInViewHas(FxRobot robot) {
        showFileMenu(robot);
        assertFalse(item(robot, "exportGraphPngItem").isDisable(), "step through: the graph");
        assertTrue(item(robot, "exportMetricsItem").isDisable(), "no loss before the first forward pass");
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2)); // the Playground: no graph of nodes
        showFileMenu(robot);
        assertTrue(item(robot, "exportGraphPngItem").isDisable());
        assertTrue(item(robot, "exportGraphSvgItem").isDisable());
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    @Test
    void aChartsMenuOpensFromTheKeyboardAndExportsPngAndCsv(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.stepper().open("01_circuit.bp", ShippedLessons.source("01_circuit"));
            window.stepper().finishPhase();
        });
        Node chart = robot.lookup("#chartHolder").queryParent().getChildrenUnmodifiable().get(0);
        ContextMenu menu = ChartExport.menuOf(chart);
        assertNotNull(menu, "the loss chart has an export menu");
        assertTrue(chart.isFocusTraversable(), "Tab reaches the chart");
        robot.interact(chart::requestFocus);
        robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(menu.isShowing(), "Shift+F10 opens it");
        robot.interact(() -> menu.getItems().stream().filter(i -> ChartExport.CSV_ITEM.equals(i.getId())).findFirst()
                .orElseThrow().fire());
        written();
        robot.interact(menu::hide);
        assertEquals(List.of("iteration,output", "1,-12.0"), Files.readAllLines(dir.resolve("01_circuit-output.csv")));
        robot.interact(() -> menu.getItems().get(0).fire());
        written();
        BufferedImage png = ImageIO.read(dir.resolve("01_circuit-output.png").toFile());
        assertEquals(2 * chart.getLayoutBounds().getWidth(), png.getWidth(), 2, "twice the chart's size");
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedInADialog(FxRobot robot) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Exports.useChooser((owner, messages, kind, name) -> notAFolder.resolve(name));
        robot.interact(() -> window.stepper().finishPhase());
        fire(robot, "exportMetricsItem");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + Exports.FAILED_ID).tryQuery().isPresent());
        DialogPane pane = robot.lookup("#" + Exports.FAILED_ID)
                .queryAs(DialogPane.class);
        assertTrue(pane.getContentText().startsWith("Could not write 01_circuit-output.csv: "), pane.getContentText());
        assertEquals("Ready", robot.lookup("#statusLabel").queryLabeled().getText(), "no success is claimed");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE))
                .fire());
    }

    @Test
    void aNameWithoutTheExtensionThatWouldReplaceAFileAsksFirst(FxRobot robot) throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.csv"), "keep me");
        Exports.useChooser((owner, messages, kind, name) -> dir.resolve("mine")); // as GTK's dialog returns it
        robot.interact(() -> window.stepper().finishPhase());
        showFileMenu(robot);
        MenuItem metrics = item(robot, "exportMetricsItem");
        for (ButtonType answer : List.of(ButtonType.CANCEL, ButtonType.OK)) {
            javafx.application.Platform.runLater(metrics::fire); // the question waits for an answer: not interact
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                    () -> robot.lookup("#" + SaveTarget.REPLACE_ID).tryQuery().isPresent());
            DialogPane pane = robot.lookup("#" + SaveTarget.REPLACE_ID).queryAs(DialogPane.class);
            assertEquals("Replace mine.csv?", pane.getHeaderText());
            robot.interact(() -> ((Button) pane.lookupButton(answer)).fire());
            WaitForAsyncUtils.waitForFxEvents();
            if (answer == ButtonType.CANCEL) {
                assertEquals("keep me", Files.readString(mine), "declined: the file is as it was");
            }
        }
        written();
        assertEquals("iteration,output", Files.readAllLines(mine).get(0), "accepted: replaced (lesson 01: its output)");
    }

    @Test
    void everyChartOfEveryTabHasAnExportMenu(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        Set<String> charts = new HashSet<>();
        for (int t = 0; t < tabs.getTabs().size(); t++) {
            int tab = t;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : robot.lookup(".exportable").queryAll()) {
                assertNotNull(ChartExport.menuOf(n), n + " is marked exportable without a menu");
                charts.add(n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()));
            }
        }
        robot.interact(() -> tabs.getSelectionModel().select(0));
        for (String expected : List.of("GraphView", "LossChart", "LineChart#lossChart", "LineChart#accuracyChart",
                "ConfusionMatrixView#confusionView", "LossChart#pgLossPlot", "BoundaryView#pgBoundaryView",
                "LayerBars#gfGradBarsA", "HeatMapView#gfHeatB", "HistogramStack#gfHistogramsA",
                "LineChart#gfLossChartB", "LineChart#gfNormChartA")) {
            assertTrue(charts.contains(expected), expected + " has no export menu; found " + charts);
        }
    }

    private static void showFileMenu(FxRobot robot) {
        Menu file = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0);
        robot.interact(() -> file.getOnShowing().handle(new Event(Menu.ON_SHOWING)));
    }

    private static MenuItem item(FxRobot robot, String id) {
        Menu file = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0);
        Menu export = (Menu) file.getItems().stream().filter(i -> "exportMenu".equals(i.getId())).findFirst()
                .orElseThrow();
        return export.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static void fire(FxRobot robot, String id) {
        showFileMenu(robot);
        MenuItem item = item(robot, id);
        assertFalse(item.isDisable(), id + " is off");
        robot.interact(item::fire);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
