package org.backproplab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.backproplab.AppInfo;
import org.backproplab.files.CsvTable;
import org.backproplab.ui.stepper.StepperController;
import org.backproplab.ui.stepper.StepperViewModel;
import org.backproplab.data.Mnist;
import org.backproplab.ui.gradflow.GradFlowTabController;
import org.backproplab.ui.gradflow.GradFlowTabModel;
import org.backproplab.ui.mnist.MnistTabController;
import org.backproplab.ui.mnist.MnistTabModel;
import org.backproplab.ui.course.CourseModel;
import org.backproplab.ui.course.CoursePanelController;
import org.backproplab.ui.landscape.LandscapeTabController;
import org.backproplab.ui.landscape.LandscapeTabModel;
import org.backproplab.ui.playground.PlaygroundTabController;
import org.backproplab.ui.playground.PlaygroundTabModel;

/**
 * The main window: menu bar, the views in tabs (the step-through view first) and the status bar, laid out in
 * {@code main-window.fxml} and styled by {@code app.css} and the theme. It owns the stage, the current language and the
 * {@link Preferences} (theme, zoom, presentation mode, window size, last lesson); switching language reloads the
 * layout with the other bundle, so every string changes at once.
 */
public final class MainWindow {

    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    static final String MNIST_TAB = "mnistTab";
    static final String STEPPER_TAB = "stepperTab";
    static final String GRADFLOW_TAB = "gradflowTab";
    static final String PLAYGROUND_TAB = "playgroundTab";
    static final String LANDSCAPE_TAB = "landscapeTab";
    /** The key under which the split pane keeps the course panel while it is hidden. */
    static final String COURSE_PANEL = "coursePanel";

    /** The metrics a tab exports as CSV: a file name to propose, and the table. */
    record Metrics(String name, Supplier<CsvTable> table) {
    }

    private final Stage stage;
    /** The step-through view's state: kept here so that a language switch, which rebuilds the views, keeps it. */
    private final StepperViewModel stepper = new StepperViewModel();
    private Language language;
    private ResourceBundle messages;
    /** The MNIST tab's state: it outlives the tab's view, which a language switch reloads. */
    private final MnistTabModel mnist = new MnistTabModel(Mnist.defaultDirectory());
    private String selectedTab = "";
    /** The Playground tab's state: it outlives the tab's view, and its training thread, the language switches. */
    private final PlaygroundTabModel playground = new PlaygroundTabModel();
    /** The gradient-flow lab's state; it opens small networks in the step-through view. */
    private final GradFlowTabModel gradflow = new GradFlowTabModel(Mnist.defaultDirectory(), this::openInStepThrough);
    /** The loss-landscape lab's state: its surface, settings and race outlive a language switch. */
    private final LandscapeTabModel landscape = new LandscapeTabModel();
    /** What the app remembers; saved to {@link #preferencesFile} on every change and on close. */
    private Preferences preferences;
    /** Where the preferences are kept; null: not kept (the tests' windows). */
    private final Path preferencesFile;
    /** File ▸ Save session and Open session. */
    private final SessionActions sessions = new SessionActions(this, MainWindow::runInBackground);
    /** The course panel's state: the course, its page and the progress; it outlives a language switch. */
    private final CourseModel course;
    /** File ▸ Open course, Open setup and Save setup, and the panel's setup buttons. */
    private final CourseActions courses;
    /** The tabs and the course panel side by side, in the layout shown (a language switch loads another). */
    private SplitPane courseSplit;

    /** A window in a language, with the default look, that remembers nothing. */
    public MainWindow(Stage stage, Language language) {
        this(stage, Preferences.defaults(language), null);
    }

    /** A window as the preferences say, which saves them to {@code preferencesFile} (null: nowhere). */
    public MainWindow(Stage stage, Preferences preferences, Path preferencesFile) {
        this.stage = stage;
        this.preferences = preferences;
        this.preferencesFile = preferencesFile;
        this.language = preferences.language();
        this.messages = Resources.messages(language.locale());
        this.course = new CourseModel(preferencesFile == null ? null
                : preferencesFile.resolveSibling("course-progress.properties"));
        this.courses = new CourseActions(this, course, MainWindow::runInBackground);
        stepper.setPresentationZoom(preferences.zoom());
        stage.setOnHidden(e -> {
            remember(preferences().withLesson(stepper.lessonReference()));
            mnist.shutdown();
            playground.shutdown();
            gradflow.shutdown();
        });
        mnist.setBatchOpener((name, batch) -> {
            if (stepper.runningProperty().get()) {
                return false;
            }
            // The training step the tab's network trains with: its optimizer and learning rate, a fresh optimizer.
            stepper.setOptimizer(batch.data().network().optimizer());
            stepper.setLearningRate(batch.data().network().learningRate());
            stepper.openWithData(name, batch.text(), batch.data());
            showTab(STEPPER_TAB);
            return true;
        });
        playground.setExplainer(lesson -> {
            if (!openInStepThrough(lesson.name(), lesson.text())) {
                return false;
            }
            stepper.stepToGradientOf(lesson.parameter());
            return true;
        });
    }

    /** Lays the window out and shows it. */
    public void show() {
        stepper.reopen(preferences.lesson()); // else the view opens the first lesson
        Scene scene = new Scene(load(), preferences.width(), preferences.height());
        Appearance.apply(scene, preferences.theme(), preferences.zoom());
        stage.setScene(scene);
        stage.sizeToScene(); // a stage shown before keeps its size otherwise
        stage.setTitle(AppInfo.NAME);
        stage.setMinWidth(Preferences.MIN_WIDTH);
        stage.setMinHeight(Preferences.MIN_HEIGHT);
        stage.setMaximized(preferences.maximized());
        stage.setFullScreenExitHint(messages.getString("presentation.exitHint"));
        stage.show();
    }

    /** The preferences as they are now, with the window's size (of its content, as the scene is made). */
    public Preferences preferences() {
        Scene scene = stage.getScene();
        boolean sized = scene != null && scene.getWidth() > 0 && !stage.isFullScreen() && !stage.isMaximized();
        return sized ? preferences.withSize(scene.getWidth(), scene.getHeight(), false)
                : preferences.withSize(preferences.width(), preferences.height(), stage.isMaximized());
    }

    /** Keeps new preferences and saves them; a failed save is logged, never in the user's way. */
    private void remember(Preferences next) {
        preferences = next;
        if (preferencesFile != null) {
            try {
                next.save(preferencesFile);
            } catch (IOException e) {
                Logger.getLogger(MainWindow.class.getName()).log(Level.WARNING,
                        "could not save the preferences to " + preferencesFile, e);
            }
        }
    }

    public Theme theme() {
        return preferences.theme();
    }

    /** View ▸ Theme: restyles the window at once, and is remembered. */
    public void setTheme(Theme theme) {
        remember(preferences().withTheme(theme));
        Appearance.apply(stage.getScene(), theme, preferences.zoom());
    }

    /** The presentation zoom of fonts and the graph, 1 (100%) to 2.5 (250%). */
    public double zoom() {
        return preferences.zoom();
    }

    /** View ▸ Zoom: fonts and the step-through graph, kept within 100% to 250%, and remembered. */
    public void setZoom(double zoom) {
        remember(preferences().withZoom(zoom));
        Appearance.apply(stage.getScene(), preferences.theme(), preferences.zoom());
        stepper.setPresentationZoom(preferences.zoom());
    }

    /** Presentation mode (F5): full screen; Esc or F5 again leaves it. The zoom is the View ▸ Zoom one. */
    public void togglePresentation() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    public boolean isPresenting() {
        return stage.isFullScreen();
    }

    /** The stage, for the controller's bindings (presentation mode follows its full-screen state). */
    Stage stage() {
        return stage;
    }

    public Language language() {
        return language;
    }

    /** The MNIST tab's model (its data loads when the tab is first shown). */
    public MnistTabModel mnist() {
        return mnist;
    }

    /** The fx:id of the tab the window shows, kept across language switches; "" for the first. */
    String selectedTab() {
        return selectedTab;
    }

    void tabSelected(String id) {
        selectedTab = id;
        if (MNIST_TAB.equals(id)) {
            mnist.loadData();
        }
        gradflow.setShown(GRADFLOW_TAB.equals(id));
    }

    /** The bundle of the current language. */
    public ResourceBundle messages() {
        return messages;
    }

    /** Reloads the layout in another language; the window keeps its size and place. */
    public void switchLanguage(Language next) {
        if (next == language) {
            return;
        }
        language = next;
        messages = Resources.messages(next.locale());
        remember(preferences().withLanguage(next));
        stage.setFullScreenExitHint(messages.getString("presentation.exitHint"));
        stage.getScene().setRoot(load());
        Appearance.apply(stage.getScene(), preferences.theme(), preferences.zoom());
    }

    public void showAbout() {
        AboutDialog.show(stage, messages);
    }

    /** The gradient-flow lab's model (it starts when its tab is first shown). */
    public GradFlowTabModel gradflow() {
        return gradflow;
    }

    /** Help ▸ Keyboard shortcuts (F1): the sheet of every view's keys. */
    public void showShortcuts() {
        List<String> sections = new ArrayList<>(List.of("window"));
        if (stage.getScene().getRoot().lookup("#mainTabs") instanceof TabPane tabs) {
            tabs.getTabs().forEach(t -> sections.add(String.valueOf(t.getId()).replaceFirst("Tab$", "")));
        }
        ShortcutsDialog.show(stage, messages, sections);
    }

    /** Help ▸ Glossary (Shift+F1): every term in both languages, searchable. */
    public void showGlossary() {
        GlossaryDialog.show(stage, messages, messages.getLocale());
    }

    /** The loss-landscape tab's model. */
    public LandscapeTabModel landscape() {
        return landscape;
    }

    /** The Playground tab's model. */
    public PlaygroundTabModel playground() {
        return playground;
    }

    /**
     * Opens lesson text in the step-through view and shows that tab. False, and nothing changes, while the view is
     * busy with a run of many iterations.
     */
    public boolean openInStepThrough(String name, String text) {
        if (stepper.runningProperty().get()) {
            return false;
        }
        stepper.open(name, text);
        showTab(STEPPER_TAB);
        return true;
    }

    /** Shows the tab with this fx:id. */
    void showTab(String id) {
        if (stage.getScene() != null && stage.getScene().getRoot().lookup("#mainTabs") instanceof TabPane tabs) {
            tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
    }

    /** Says something in the status bar, until the next message or language switch. */
    void showStatus(String text) {
        if (stage.getScene() != null && stage.getScene().getRoot().lookup("#statusLabel") instanceof Label status) {
            status.setText(text);
        }
    }

    /** File ▸ Save session and Open session: the step-through view's session to and from a file. */
    SessionActions sessions() {
        return sessions;
    }

    /** File ▸ Open course, Open setup and Save setup. */
    CourseActions courses() {
        return courses;
    }

    /** The course panel's model. */
    public CourseModel course() {
        return course;
    }

    /** Whether the course panel is shown beside the tabs (remembered). */
    public boolean isCoursePanelShown() {
        return preferences.coursePanel();
    }

    /** View ▸ Course panel (F9): shows or hides it, and remembers; the first showing opens the remembered course. */
    public void setCoursePanelShown(boolean shown) {
        if (shown) {
            courses.openRemembered(preferences.course());
        }
        if (shown != preferences.coursePanel()) {
            remember(preferences().withCoursePanel(shown));
        }
        if (courseSplit != null) {
            placeCoursePanel(courseSplit);
        }
    }

    /** The split pane of the layout just loaded (the controller hands it over before the layout is shown). */
    void attachCoursePanel(SplitPane split) {
        courseSplit = split;
        setCoursePanelShown(preferences.coursePanel());
    }

    /** The course file last opened ("" for the shipped course), for the next start. */
    void rememberCourse(String path) {
        remember(preferences().withCourse(path));
    }

    /** The panel in the split pane or out of it, as the preferences say. */
    void placeCoursePanel(SplitPane split) {
        Node panel = (Node) split.getProperties().get(COURSE_PANEL);
        if (panel == null) {
            return;
        }
        boolean in = split.getItems().contains(panel);
        if (preferences.coursePanel() && !in) {
            split.getItems().add(panel);
            split.setDividerPositions(0.68);
        } else if (!preferences.coursePanel() && in) {
            split.getItems().remove(panel);
        }
    }

    /**
     * File ▸ Export ▸ Metrics as CSV, for the tab in view: the step-through view's loss (or output) of each iteration,
     * MNIST's epochs, the Playground's train and test loss per epoch, the gradient-flow lab's loss and norms per step.
     */
    Metrics metrics() {
        return switch (selectedTab) {
            case MNIST_TAB -> new Metrics("mnist-epochs", mnist::epochTable);
            case PLAYGROUND_TAB -> new Metrics("playground-loss", playground::lossTable);
            case GRADFLOW_TAB -> new Metrics("gradient-flow", gradflow::stepTable);
            case LANDSCAPE_TAB -> new Metrics("landscape-paths", landscape::pathTable);
            default -> new Metrics(stepper.figures().chartFileName(), () -> stepper.figures().lossTable());
        };
    }

    /** The step-through view's state and commands. */
    public StepperViewModel stepper() {
        return stepper;
    }

    /** Long work (Run N iterations) on a daemon thread, so that it never blocks the JavaFX thread nor the exit. */
    private static void runInBackground(Runnable job) {
        Thread t = new Thread(job, "backprop-lab-run");
        t.setDaemon(true);
        t.start();
    }

    /** Closes the app. */
    public void quit() {
        Platform.exit();
    }

    private Parent load() {
        FXMLLoader loader = new FXMLLoader(Resources.url(Resources.MAIN_WINDOW_FXML), messages);
        loader.setControllerFactory(type -> {
            if (type == StepperController.class) {
                return new StepperController(stepper, language, MainWindow::runInBackground);
            }
            if (type == PlaygroundTabController.class) {
                return new PlaygroundTabController(playground);
            }
            if (type == GradFlowTabController.class) {
                return new GradFlowTabController(gradflow);
            }
            if (type == CoursePanelController.class) {
                return new CoursePanelController(course, courses, language.locale());
            }
            if (type == LandscapeTabController.class) {
                return new LandscapeTabController(landscape, this::openInStepThrough);
            }
            return type == MnistTabController.class ? new MnistTabController(mnist) : new MainWindowController(this);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + Resources.MAIN_WINDOW_FXML + ": " + e.getMessage(), e);
        }
    }
}
