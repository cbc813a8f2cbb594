package org.backproplab.ui.stepper;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.backproplab.stepper.Frame;
import org.backproplab.stepper.Phase;
import org.backproplab.ui.Styles;

/**
 * What a step means, in the panel under the graph: the phase and step as a title, the step's formulas (the first
 * one larger), and a note in words; and the same position, shorter, in the toolbar's readout.
 */
final class ExplanationPanel {

    private final ResourceBundle resources;
    private final Label positionLabel;
    private final Label phaseLabel;
    private final VBox formulaBox;
    private final Label noteLabel;

    ExplanationPanel(ResourceBundle resources, Label positionLabel, Label phaseLabel, VBox formulaBox,
                     Label noteLabel) {
        this.resources = resources;
        this.positionLabel = positionLabel;
        this.phaseLabel = phaseLabel;
        this.formulaBox = formulaBox;
        this.noteLabel = noteLabel;
    }

    void show(Frame f) {
        String phase = resources.getString("phase." + f.phase().name().toLowerCase(Locale.ROOT));
        String tangent = f.phase() == Phase.TANGENT ? ".tangent" : ""; // the iteration is then the pass
        positionLabel.setText(MessageFormat.format(resources.getString("stepper.position" + tangent), phase,
                f.position(), f.count(), f.iteration()));
        phaseLabel.setText(MessageFormat.format(resources.getString("stepper.phaseTitle" + tangent), phase,
                f.position(), f.count(), f.iteration()));
        formulaBox.getChildren().clear();
        List<String> lines = f.explanation().lines();
        for (int i = 0; i < lines.size(); i++) {
            Label line = new Label(lines.get(i));
            line.setWrapText(true);
            line.getStyleClass().addAll(Styles.FORMULA, i == 0 ? Styles.FORMULA_MAIN : "formula-detail");
            formulaBox.getChildren().add(line);
        }
        noteLabel.setText(MessageFormat.format(resources.getString(f.explanation().noteKey()),
                f.explanation().noteArgs().toArray()));
    }
}
