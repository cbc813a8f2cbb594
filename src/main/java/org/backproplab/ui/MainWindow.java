package org.backproplab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;

import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.backproplab.AppInfo;
import org.backproplab.ui.stepper.StepperController;
import org.backproplab.ui.stepper.StepperViewModel;
import org.backproplab.data.Mnist;
import org.backproplab.ui.gradflow.GradFlowTabController;
import org.backproplab.ui.gradflow.GradFlowTabModel;
import org.backproplab.ui.mnist.MnistTabController;
import org.backproplab.ui.mnist.MnistTabModel;
import org.backproplab.ui.playground.PlaygroundTabController;
import org.backproplab.ui.playground.PlaygroundTabModel;

/**
 * The main window: menu bar, the views in tabs (the step-through view first) and the status bar, laid out in
 * {@code main-window.fxml} and styled by {@code app.css}. It owns the stage and the current language; switching language reloads the
 * layout with the other bundle, so every string changes at once.
 */
public final class MainWindow {

    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    static final String MNIST_TAB = "mnistTab";
    static final String STEPPER_TAB = "stepperTab";
    static final String GRADFLOW_TAB = "gradflowTab";

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

    public MainWindow(Stage stage, Language language) {
        this.stage = stage;
        this.language = language;
        this.messages = Resources.messages(language.locale());
        stage.setOnHidden(e -> {
            mnist.shutdown();
            playground.shutdown();
            gradflow.shutdown();
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
        Scene scene = new Scene(load(), WIDTH, HEIGHT);
        scene.getStylesheets().add(Resources.externalForm(Resources.APP_CSS));
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.show();
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
        stage.getScene().setRoot(load());
    }

    public void showAbout() {
        AboutDialog.show(stage, messages);
    }

    /** The gradient-flow lab's model (it starts when its tab is first shown). */
    public GradFlowTabModel gradflow() {
        return gradflow;
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
        if (stage.getScene() != null && stage.getScene().getRoot().lookup("#mainTabs") instanceof TabPane tabs) {
            tabs.getTabs().stream().filter(t -> STEPPER_TAB.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        return true;
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
            return type == MnistTabController.class ? new MnistTabController(mnist) : new MainWindowController(this);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + Resources.MAIN_WINDOW_FXML + ": " + e.getMessage(), e);
        }
    }
}
