package org.backproplab.ui.stepper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.backproplab.lesson.Diagnostic;
import org.backproplab.stepper.Frame;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.ui.Focus;
import org.backproplab.ui.Language;
import org.backproplab.ui.graph.GraphView;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The controller of {@code stepper-view.fxml}, kept thin: it puts the editor, graph and chart into their holders,
 * binds the controls to the {@link StepperViewModel} and turns clicks and keys into its commands. Keys (when the
 * editor does not have the focus): Space or → step, ← step back, Enter finish phase, P play/pause, Ctrl+= and
 * Ctrl+- zoom, Ctrl+0 fit; a focused control keeps Space, Enter and the arrows (Tab reaches every button, a click
 * does not focus one), and the focused graph pans and zooms (see GraphView). Parts of the view have helpers of their
 * own: the keys, Play, the training panel, the explanation and the exports.
 */
public final class StepperController {

    private final StepperViewModel model;
    private final Language language;
    private final Consumer<Runnable> worker;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane root;
    @FXML private ComboBox<String> lessonBox;
    @FXML private Button resetButton;
    @FXML private Button backButton;
    @FXML private Button stepButton;
    @FXML private Button finishButton;
    @FXML private ToggleButton playButton;
    @FXML private ToggleButton quizButton;
    @FXML private ToggleButton forwardModeButton;
    @FXML private HBox quizBar;
    @FXML private Label quizQuestion;
    @FXML private TextField quizAnswer;
    @FXML private Label quizVerdict;
    @FXML private Label quizScore;
    /** Quiz mode (Q): steps ask before they tell. */
    private QuizMode quiz;
    @FXML private FontIcon playIcon;
    @FXML private Slider speedSlider;
    @FXML private Tooltip speedTooltip;
    @FXML private Label positionLabel;
    @FXML private Label fileLabel;
    @FXML private StackPane editorHolder;
    @FXML private SplitPane lessonSplit;
    @FXML private SplitPane split;
    @FXML private ScrollPane aboutScroll;
    @FXML private Label aboutTitle;
    @FXML private Label aboutText;
    @FXML private Label errorLabel;
    @FXML private StackPane graphHolder;
    @FXML private VBox inspector;
    @FXML private ScrollPane inspectorScroll;
    @FXML private Label phaseLabel;
    @FXML private VBox formulaBox;
    @FXML private Label noteLabel;
    @FXML private Label trainingTitle;
    @FXML private Label lossLabel;
    @FXML private StackPane chartHolder;
    @FXML private ComboBox<org.backproplab.nn.OptimizerKind> optimizerBox;
    @FXML private TextField learningRateField;
    @FXML private ComboBox<org.backproplab.nn.Clipping.Mode> clipBox;
    @FXML private TextField clipField;
    @FXML private Button runButton;
    @FXML private Spinner<Integer> iterationsSpinner;
    @FXML private ProgressBar runProgress;
    @FXML private Button cancelButton;
    @FXML private Button openButton;

    @FXML private Button zoomOutButton;
    @FXML private Button zoomInButton;
    @FXML private Button fitButton;
    @FXML private Button closeInspectorButton;

    private StepperExports exports;
    private LessonEditor editor;
    private LessonAbout about;
    private GraphView graph;
    private TrainingPanel training;
    private InspectorView inspectorView;
    private ExplanationPanel explanation;
    private CodePanel code;
    private StepPlayer player;

    /**
     * @param worker runs a long job off the JavaFX thread (a daemon thread in the app)
     */
    public StepperController(StepperViewModel model, Language language, Consumer<Runnable> worker) {
        this.model = model;
        this.language = language;
        this.worker = worker;
    }

    @FXML
    private void initialize() {
        editor = new LessonEditor(text -> {
            about.show(text);
            if (!model.runningProperty().get()) {
                model.edit(text);
            }
        });
        editorHolder.getChildren().add(editor);
        about = new LessonAbout(lessonSplit, aboutScroll, aboutTitle, aboutText, language.locale());
        graph = new GraphView();
        graph.setOnNodeClicked(i -> {
            if (!model.runningProperty().get()) {
                model.select(i);
            }
        });
        graphHolder.getChildren().add(graph);
        training = new TrainingPanel(model, resources, chartHolder, trainingTitle, lossLabel, optimizerBox,
                learningRateField, iterationsSpinner);
        exports = new StepperExports(root, graph, model, resources);
        exports.install(training.chart());
        Focus.leaveWhereItIsOnClick(openButton, resetButton, backButton, stepButton, finishButton, playButton,
                zoomOutButton, zoomInButton, fitButton, closeInspectorButton, runButton, cancelButton);
        inspectorView = new InspectorView(resources);
        inspectorScroll.setContent(inspectorView);
        explanation = new ExplanationPanel(resources, positionLabel, phaseLabel, formulaBox, noteLabel);
        code = new CodePanel(resources);

        lessonBox.getItems().setAll(ShippedLessons.NAMES);
        lessonBox.setCellFactory(v -> new LessonCell(language));
        lessonBox.setButtonCell(new LessonCell(language));
        lessonBox.setOnAction(e -> {
            String name = lessonBox.getValue();
            if (name != null && !(name + ".bp").equals(model.lessonNameProperty().get())) {
                openShipped(name);
            }
        });
        training.bindControls();
        quiz = new QuizMode(model);
        quiz.onProperty().bindBidirectional(model.quizProperty());
        bindForwardMode();
        new QuizBar(quiz, resources, graph, quizButton, quizBar, quizQuestion, quizAnswer, quizVerdict, quizScore);
        training.bindClipping(clipBox, clipField);
        player = new StepPlayer(model, playButton, playIcon, speedSlider, speedTooltip, resources);

        var busy = model.runningProperty();
        backButton.disableProperty().bind(busy.or(model.canStepBackProperty().not()));
        for (var control : List.of(lessonBox, openButton, resetButton, stepButton, finishButton,
                playButton, optimizerBox, learningRateField, clipBox, runButton, iterationsSpinner)) {
            control.disableProperty().bind(busy);
        }
        editor.area().editableProperty().bind(busy.not());
        cancelButton.disableProperty().bind(busy.not());
        runProgress.visibleProperty().bind(busy);
        runProgress.progressProperty().bind(model.runProgressProperty());

        // The model outlives this view (a language switch makes a new one): it holds the listeners weakly, and
        // this controller holds them strongly, so they go when the view goes.
        watch(model.stepperProperty(), (o, a, s) -> {
            // The editor shows the text of the lesson stepped through: the same after an edit (compiled from the
            // editor's text), and put back when a session or lesson with the text last opened replaces an edit.
            if (s != null && !editor.text().equals(s.lesson().source())) {
                showText(s.lesson().source());
            }
            showGraph();
            showCode();
        });
        watch(model.frameProperty(), (o, a, f) -> showFrame());
        watch(model.sourceProperty(), (o, a, text) -> showText(text));
        watch(model.lessonNameProperty(), (o, a, name) -> showName());
        watch(model.diagnosticsProperty(), (o, a, d) -> showErrors(d));
        watch(model.tooBigProperty(), (o, a, n) -> showErrors(model.diagnosticsProperty().get()));
        watch(model.inspectionProperty(), (o, a, i) -> showInspection());
        watch(model.lossCountProperty(), (o, a, n) -> training.showLoss());
        watch(model.optimizerProperty(), (o, a, id) -> training.showOptimizer(id));
        watch(model.learningRateProperty(), (o, a, lr) -> training.showLearningRate(lr.doubleValue()));
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                player.stop();
            }
        });

        root.addEventFilter(KeyEvent.KEY_PRESSED,
                new StepperKeys(model, editor, iterationsSpinner, graph, player, quiz)::pressed);
        LessonFiles.acceptDrops(root, () -> model.runningProperty().get(), this::openFile);

        graph.setPresentationZoom(model.presentationZoomProperty().get());
        model.presentationZoomProperty().addListener((o, old, now) -> graph.setPresentationZoom(now.doubleValue()));
        if (model.stepper() == null) {
            openShipped(ShippedLessons.FIRST);
        } else {
            showText(model.sourceProperty().get());
            showName();
            showGraph();
            showCode();
            showErrors(model.diagnosticsProperty().get());
            showInspection(); // a language switch keeps the node inspected, now in the new language
        }
        // The keys step only when no text field has the focus: start with the graph's.
        Platform.runLater(graph::requestFocus);
    }

    /** Forward mode's switch (F): the model says whether it is on; the cards' derivative key follows the pass. */
    private void bindForwardMode() {
        forwardModeButton.setSelected(model.forwardModeProperty().get());
        forwardModeButton.setOnAction(e -> {
            model.setForwardMode(forwardModeButton.isSelected());
            forwardModeButton.setSelected(model.forwardModeProperty().get());
        });
        watch(model.forwardModeProperty(), (o, was, on) -> forwardModeButton.setSelected(on));
        watch(model.tangentOfProperty(), (o, was, input) -> graph.setTangentOf(input.isEmpty() ? null : input));
        forwardModeButton.disableProperty().bind(model.runningProperty());
        graph.setTangentOf(model.tangentOfProperty().get().isEmpty() ? null : model.tangentOfProperty().get());
    }

    private final List<ChangeListener<?>> listeners = new java.util.ArrayList<>();

    private <T> void watch(ObservableValue<T> value, ChangeListener<? super T> listener) {
        listeners.add(listener);
        value.addListener(new WeakChangeListener<>(listener));
    }

    // ---- commands ----

    @FXML private void step() { quiz.step(); }

    @FXML
    private void stepBack() {
        quiz.revealHeld();
        model.stepBack();
    }

    @FXML
    private void finishPhase() {
        quiz.revealHeld();
        model.finishPhase();
    }

    @FXML
    private void reset() {
        player.stop();
        quiz.revealHeld();
        model.reset();
    }

    @FXML private void togglePlay() { player.toggle(); }
    @FXML private void zoomIn() { graph.zoomIn(); }
    @FXML private void zoomOut() { graph.zoomOut(); }
    @FXML private void fit() { graph.fit(); }
    @FXML private void closeInspector() { model.select(-1); }

    @FXML
    private void run() {
        player.stop();
        model.startRun(training.iterations(), worker, Platform::runLater, new StepperViewModel.RunCallbacks() {
            @Override
            public void progress(int done, int total) {
                training.showLoss();
            }

            @Override
            public void finished(int done) {
                training.showLoss();
                graph.requestFocus();
            }
        });
    }

    @FXML private void cancelRun() { model.cancelRun(); }

    /** File ▸ Export ▸ Graph as PNG: the whole graph at twice its size. */
    public void exportGraphPng() {
        exports.graphPng();
    }

    /** File ▸ Export ▸ Graph as SVG. */
    public void exportGraphSvg() {
        exports.graphSvg();
    }

    public boolean canExportGraph() {
        return exports.hasGraph();
    }

    /** File ▸ Open: a .bp file chosen by the user. */
    @FXML
    public void open() {
        if (model.runningProperty().get()) {
            return;
        }
        FileChooser chooser = LessonFiles.chooser(resources);
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        File file = chooser.showOpenDialog(window);
        if (file != null) {
            openFile(file.toPath());
        }
    }

    /** Opens a lesson file (File ▸ Open, or dropped on the view); an unreadable one is reported, not thrown. */
    public void openFile(Path file) {
        try {
            String text = LessonFiles.read(file);
            player.stop();
            lessonBox.setValue(null);
            model.open(file.getFileName().toString(), text, file);
        } catch (IOException | RuntimeException e) {
            showMessage(MessageFormat.format(resources.getString("stepper.open.failed"), file.getFileName(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private void openShipped(String name) {
        player.stop();
        lessonBox.setValue(name);
        model.open(name + ".bp", ShippedLessons.source(name));
    }

    // ---- showing the model ----

    /** Puts a lesson's text into the editor, and what it teaches above it. */
    private void showText(String text) {
        editor.setText(text);
        about.show(text);
    }

    private void showName() {
        String name = model.lessonNameProperty().get();
        fileLabel.setText(name);
        String shipped = name.endsWith(".bp") ? name.substring(0, name.length() - 3) : name;
        lessonBox.setValue(ShippedLessons.NAMES.contains(shipped) ? shipped : null);
    }

    private void showGraph() {
        var s = model.stepper();
        if (s == null) {
            return;
        }
        graph.show(s.graph(), model.layoutProperty().get(), resources);
        showFrame();
        training.showLoss();
    }

    private void showFrame() {
        Frame f = model.frame();
        if (f == null || !graph.shows(model.stepper().graph())) {
            return;
        }
        graph.update(f, model.selectedProperty().get());
        explanation.show(f);
        code.follow(f);
    }

    /**
     * The code beside the graph, for a lesson made from an MNIST network: put between what the lesson teaches and its
     * text, the lesson pane widened to hold a line of code; taken out again for any other lesson.
     */
    private void showCode() {
        var network = model.data().network();
        boolean shown = lessonSplit.getItems().contains(code);
        if (network != null) {
            code.show(network);
            if (!shown) {
                lessonSplit.getItems().add(lessonSplit.getItems().size() - 1, code);
                lessonSplit.setDividerPositions(lessonSplit.getItems().size() == 3 ? new double[] {0.16, 0.78}
                        : new double[] {0.75});
                split.setDividerPositions(0.36);
            }
            code.follow(model.frame());
        } else if (shown) {
            lessonSplit.getItems().remove(code);
            split.setDividerPositions(0.24);
        }
    }

    /** The code beside the graph (a view's test reads it). */
    CodePanel codePanel() {
        return code;
    }

    /** The compile errors of the lesson text, or that its graph is too big to draw; nothing when there are none. */
    private void showErrors(List<Diagnostic> errors) {
        editor.showErrors(errors);
        int nodes = model.tooBigProperty().get();
        if (errors.isEmpty() && nodes == 0) {
            errorLabel.setVisible(false);
            errorLabel.setManaged(false);
            return;
        }
        String text = nodes > 0
                ? MessageFormat.format(resources.getString("stepper.tooBig"), nodes, StepperViewModel.MAX_NODES)
                : errors.stream().map(d -> MessageFormat.format(resources.getString("stepper.error"), d.line(),
                        d.column(), d.message())).collect(Collectors.joining("\n"));
        showMessage(text + "\n" + resources.getString("stepper.error.kept"));
    }

    private void showMessage(String text) {
        errorLabel.setText(text);
        errorLabel.setVisible(true);
        errorLabel.setManaged(true);
    }

    private void showInspection() {
        var i = model.inspectionProperty().get();
        boolean show = i != null;
        inspector.setVisible(show);
        inspector.setManaged(show);
        var s = model.stepper();
        inspectorView.show(i, s == null ? "L" : s.graph().node(s.graph().output()).name());
        Frame f = model.frame();
        if (f != null && graph.shows(s.graph())) {
            graph.update(f, model.selectedProperty().get());
        }
    }
}
