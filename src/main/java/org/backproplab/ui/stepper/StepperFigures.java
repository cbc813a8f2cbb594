package org.backproplab.ui.stepper;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import org.backproplab.drawing.GraphLayout;
import org.backproplab.drawing.GraphSvg;
import org.backproplab.files.CsvTable;
import org.backproplab.stepper.Frame;
import org.backproplab.stepper.LossHistory;
import org.backproplab.stepper.Stepper;

/**
 * What the step-through view's exports read, at one moment: the losses the chart shows as a table, the name proposed
 * for the chart's files, the chart's title and the graph as SVG ({@link StepperViewModel#figures()}).
 *
 * @param stepper     the stepper shown, or null before a lesson compiled
 * @param lessonName  the lesson's name
 * @param lossesShown how many losses the chart shows (not those a step back has hidden)
 * @param layout      the graph's layout, or null
 * @param frame       the step shown, or null
 */
public record StepperFigures(Stepper stepper, String lessonName, int lossesShown, GraphLayout.Result layout,
                             Frame frame) {

    /**
     * The numbers the chart shows (not those a step back has hidden) as a table of iteration and loss — or output, in
     * a lesson without a loss: the column says which ({@link org.backproplab.stepper.Minimised#column()}).
     */
    public CsvTable lossTable() {
        Stepper s = stepper;
        if (s == null) {
            return CsvTable.of("iteration", "loss");
        }
        return LossHistory.table("iteration", List.of(s.minimised().column()), List.of(s.losses()), lossesShown);
    }

    /** The name proposed for the chart's files: {@code 01_circuit-output}, {@code 04_softmax_cross_entropy-loss}. */
    public String chartFileName() {
        String lesson = lessonName.replaceAll("\\.bp$", "");
        Stepper s = stepper;
        return (lesson.isBlank() ? "lesson" : lesson) + "-" + (s == null ? "loss" : s.minimised().what().word());
    }

    /**
     * The chart's title in {@code messages}' language: "Loss", or "Output" for a lesson without a loss; for a matrix
     * "… (sum of its elements)", the number followed. Empty before a lesson compiled.
     */
    public String chartTitle(ResourceBundle messages) {
        Stepper s = stepper;
        if (s == null) {
            return "";
        }
        String title = messages.getString(s.minimised().key("training.title"));
        return s.minimised().summed()
                ? MessageFormat.format(messages.getString("training.title.summed"), title) : title;
    }

    /** The graph as the view draws it, with the numbers of the step shown, as SVG; null before a lesson compiled. */
    public String graphSvg(GraphSvg.Labels labels) {
        Stepper s = stepper;
        return s == null || layout == null ? null
                : GraphSvg.svg(s.graph(), layout, frame, labels, lessonName);
    }
}
