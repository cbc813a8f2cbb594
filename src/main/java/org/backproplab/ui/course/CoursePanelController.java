package org.backproplab.ui.course;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import org.backproplab.course.Course;
import org.backproplab.course.Setup;
import org.backproplab.ui.ViewListeners;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The controller of {@code course-panel.fxml}: draws the model's page — its Markdown and formulas, a button per
 * setup, a card per exercise — and walks the pages. The page is rebuilt when the model turns it, and on a language
 * switch (which reloads the panel with the other bundle).
 */
public final class CoursePanelController {

    static final String SETUP_BUTTON = "course-setup";

    private final CourseModel model;
    private final CourseHost host;
    private final Locale locale;
    private ExerciseCards cards;
    private final ViewListeners listeners = new ViewListeners();

    @FXML private ResourceBundle resources;
    @FXML private BorderPane coursePanel;
    @FXML private Label courseTitle;
    @FXML private Label pageTitle;
    @FXML private Label progressLabel;
    @FXML private ScrollPane pageScroll;
    @FXML private VBox pageBox;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button resetButton;

    public CoursePanelController(CourseModel model, CourseHost host, Locale locale) {
        this.model = model;
        this.host = host;
        this.locale = locale;
    }

    @FXML
    private void initialize() {
        cards = new ExerciseCards(model, host, resources, this::size, this::ink);
        // The model outlives this view (a language switch loads another): its listeners are weak, held by the view.
        listeners.watch(List.of(model.pageVersionProperty()), this::showPage);
        listeners.watch(List.of(model.progressVersionProperty()), this::showProgress);
        coursePanel.sceneProperty().addListener((o, was, is) -> {
            if (is != null) {
                showPage(); // the text's size and colour come from the scene's stylesheets
            }
        });
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void resetProgress() {
        model.resetProgress();
        showPage();
    }

    /** The page as the model has it. */
    void showPage() {
        Course c = model.course();
        pageBox.getChildren().clear();
        host.onLayerPicked(null);
        backButton.setDisable(!model.canGoBack());
        nextButton.setDisable(!model.canGoNext());
        resetButton.setDisable(c == null);
        if (c == null) {
            courseTitle.setText(resources.getString("course.none"));
            pageTitle.setText("");
            progressLabel.setText("");
            return;
        }
        courseTitle.setText(c.title().in(locale));
        Course.Page page = model.currentPage();
        pageTitle.setText(page.title().in(locale));
        coursePanel.applyCss();
        for (Course.Block block : page.blocks()) {
            pageBox.getChildren().add(block(block));
        }
        showProgress();
        pageScroll.setVvalue(0);
    }

    private Node block(Course.Block block) {
        if (block instanceof Course.Block.Text t) {
            return MarkdownNodes.render(t.markdown().in(locale), size(), ink());
        }
        if (block instanceof Course.Block.SetupButton s) {
            return setupButton(s);
        }
        return cards.card((Course.Block.Question) block);
    }

    private Button setupButton(Course.Block.SetupButton s) {
        Setup setup = s.setup();
        String label = s.label().isEmpty() ? MessageFormat.format(resources.getString("course.setup.default"),
                tabName(setup)) : s.label().in(locale);
        Button b = new Button(label, new FontIcon("mdi2p-play-box-outline"));
        b.getStyleClass().add(SETUP_BUTTON);
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip(MessageFormat.format(resources.getString("course.setup.tip"), tabName(setup),
                String.join("\n", setup.lines())));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        b.setTooltip(tip);
        b.setOnAction(e -> {
            String problem = host.apply(setup);
            if (problem != null) {
                b.setTooltip(new Tooltip(problem));
            }
        });
        return b;
    }

    private String tabName(Setup setup) {
        return resources.getString(tabKey(setup.tab()));
    }

    /** The message key of the name of a setup's tab: the tab's own title. */
    public static String tabKey(String setupTab) {
        return switch (setupTab) {
            case "step-through" -> "tab.stepper";
            case "gradient-flow" -> "tab.gradflow";
            default -> "tab." + setupTab;
        };
    }

    private void showProgress() {
        Course c = model.course();
        if (c == null) {
            return;
        }
        List<String> keys = c.exerciseKeys();
        long right = model.rightExercises().stream().filter(keys::contains).count();
        long seen = model.seenPages().stream().filter(p -> p <= c.pages().size()).count();
        progressLabel.setText(MessageFormat.format(resources.getString("course.progress"), model.pageProperty().get()
                + 1, c.pages().size(), seen, right, keys.size()));
    }

    /** The text's font size in pixels, which follows the presentation zoom. */
    private double size() {
        return backButton.getFont() == null ? 13 : backButton.getFont().getSize();
    }

    /** The theme's text colour, for the formulas. */
    private Color ink() {
        Paint p = pageTitle.getTextFill();
        return p instanceof Color c ? c : Color.BLACK;
    }
}
