package org.backproplab.ui.stepper;

import java.util.List;
import java.util.ResourceBundle;

import javafx.scene.Node;
import javafx.scene.control.MenuItem;

import org.backproplab.drawing.GraphSvg;
import org.backproplab.ui.ChartExport;
import org.backproplab.ui.Exports;
import org.backproplab.ui.LossChart;
import org.backproplab.ui.Png;
import org.backproplab.ui.graph.GraphView;

/**
 * The step-through view's exports: the whole graph as PNG (at twice its size) or SVG, from File ▸ Export and the
 * graph's context menu, and the chart (of the loss, or of the output of a lesson without one) as PNG or CSV from its
 * own. Files are named after the lesson and what they hold: {@code 01_circuit-graph.svg}, {@code 01_circuit-output.csv}.
 */
final class StepperExports {

    static final String GRAPH_PNG_ITEM = "exportGraphPngItem";
    static final String GRAPH_SVG_ITEM = "exportGraphSvgItem";

    private final Node anchor;
    private final GraphView graph;
    private final StepperViewModel model;
    private final ResourceBundle resources;

    StepperExports(Node anchor, GraphView graph, StepperViewModel model, ResourceBundle resources) {
        this.anchor = anchor;
        this.graph = graph;
        this.model = model;
        this.resources = resources;
    }

    /** The context menus: PNG and SVG on the graph, PNG and CSV on the chart. */
    void install(LossChart chart) {
        MenuItem png = ChartExport.item(resources.getString("export.graph.png"), "mdi2f-file-image-outline",
                GRAPH_PNG_ITEM);
        png.setOnAction(e -> graphPng());
        MenuItem svg = ChartExport.item(resources.getString("export.graph.svg"), "mdi2s-svg", GRAPH_SVG_ITEM);
        svg.setOnAction(e -> graphSvg());
        ChartExport.install(graph, List.of(png, svg));
        ChartExport.install(chart, resources, () -> model.figures().chartFileName(), () -> model.figures().lossTable());
    }

    boolean hasGraph() {
        return model.stepper() != null && model.layoutProperty().get() != null;
    }

    void graphPng() {
        if (hasGraph()) {
            Exports.png(anchor, resources, name("graph"), () -> graph.snapshotWhole(Png.EXPORT_SCALE));
        }
    }

    void graphSvg() {
        GraphSvg.Labels labels = new GraphSvg.Labels(resources.getString("card.value"),
                resources.getString("card.matrix"), resources.getString("card.param"),
                resources.getString("card.constant"));
        if (hasGraph()) {
            Exports.text(anchor, resources, Exports.Kind.SVG, name("graph"), () -> model.figures().graphSvg(labels));
        }
    }

    /** "01_circuit-graph": the lesson's name, then what is in the file. */
    private String name(String what) {
        String lesson = model.lessonNameProperty().get().replaceAll("\\.bp$", "");
        return (lesson.isBlank() ? "lesson" : lesson) + "-" + what;
    }
}
