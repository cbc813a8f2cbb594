package org.backproplab.ui.mnist;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import org.backproplab.engine.Numbers;
import org.backproplab.nn.BatchSizeRace;
import org.backproplab.ui.ViewListeners;

/**
 * The MNIST tab's Batch sizes view: the fields, Compare and Cancel, the progress, the loss against training seconds
 * and against epochs (a line a batch size), and the table of steps, time per step and per epoch, epochs and loss.
 */
final class BatchSizeView {

    /** The nodes of the view, from mnist-tab.fxml. */
    record Nodes(TextField sizes, TextField seconds, Button compare, Button cancel, ProgressBar progress, Label note,
                 LineChart<Number, Number> bySeconds, LineChart<Number, Number> byEpochs, GridPane table) {
    }

    private final MnistTabModel model;
    private final ResourceBundle resources;
    private final Nodes n;

    BatchSizeView(MnistTabModel model, ResourceBundle resources, Nodes nodes, ViewListeners listeners) {
        this.model = model;
        this.resources = resources;
        this.n = nodes;
        BatchSizeComparison c = model.batchSizes();
        n.sizes().textProperty().bindBidirectional(c.sizesProperty());
        n.seconds().textProperty().bindBidirectional(c.secondsProperty());
        n.compare().setOnAction(e -> model.compareBatchSizes());
        n.cancel().setOnAction(e -> c.cancel());
        n.compare().disableProperty().bind(c.runningProperty().or(model.trainingBinding())
                .or(model.dataStateProperty().isNotEqualTo(org.backproplab.ui.BackgroundLoad.State.READY)));
        n.cancel().disableProperty().bind(c.runningProperty().not());
        n.progress().progressProperty().bind(c.progressProperty());
        n.progress().visibleProperty().bind(c.runningProperty());
        n.sizes().disableProperty().bind(c.runningProperty());
        n.seconds().disableProperty().bind(c.runningProperty());
        listeners.watch(List.of(c.lanesProperty(), c.problemProperty(), c.runningProperty(), model.trainingBinding()),
                this::show);
        show();
    }

    private void show() {
        BatchSizeComparison c = model.batchSizes();
        List<BatchSizeComparison.Lane> lanes = c.lanesProperty().get().lanes();
        n.bySeconds().getData().setAll(series(lanes, true));
        n.byEpochs().getData().setAll(series(lanes, false));
        table(lanes);
        BatchSizeComparison.Problem p = c.problemProperty().get();
        if (p != null) {
            n.note().setText(MessageFormat.format(resources.getString(p.key()), p.argument()));
        } else if (model.trainingBinding().get()) {
            n.note().setText(resources.getString("mnist.batches.training"));
        } else {
            n.note().setText(resources.getString(c.runningProperty().get() ? "mnist.batches.running"
                    : lanes.isEmpty() ? "mnist.batches.ready" : "mnist.batches.done"));
        }
    }

    private List<XYChart.Series<Number, Number>> series(List<BatchSizeComparison.Lane> lanes, boolean seconds) {
        return lanes.stream().map(lane -> {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(MessageFormat.format(resources.getString("mnist.batches.series"), lane.batchSize()));
            for (BatchSizeRace.Point p : lane.points()) {
                s.getData().add(new XYChart.Data<>(seconds ? p.seconds() : p.epochs(), p.loss()));
            }
            return s;
        }).toList();
    }

    private void table(List<BatchSizeComparison.Lane> lanes) {
        n.table().getChildren().clear();
        if (lanes.isEmpty()) {
            return;
        }
        String[] heads = {"batch", "steps", "step", "epoch", "epochs", "loss"};
        for (int col = 0; col < heads.length; col++) {
            Label head = new Label(resources.getString("mnist.batches.column." + heads[col]));
            head.getStyleClass().add("batch-table-head");
            n.table().add(head, col, 0);
        }
        for (int row = 0; row < lanes.size(); row++) {
            BatchSizeComparison.Lane lane = lanes.get(row);
            BatchSizeRace.Lane r = lane.result();
            String[] cells = r == null
                    ? new String[] {Integer.toString(lane.batchSize()), "…", "", "", "", ""}
                    : new String[] {Integer.toString(r.batchSize()), String.format("%,d", r.steps()),
                            seconds(r.stepSeconds()), seconds(r.epochSeconds()), Numbers.significant(r.epochs(), 3)
                                    + (r.cancelled() ? " " + resources.getString("mnist.batches.cancelled") : ""),
                            Numbers.significant(r.finalLoss(), 4)};
            for (int col = 0; col < cells.length; col++) {
                Label cell = new Label(cells[col]);
                cell.getStyleClass().add("data");
                n.table().add(cell, col, row + 1);
            }
        }
    }

    /** 0.000183 s as "183 µs", 0.32 as "0.32 s", 4.3 as "4.3 s". */
    private String seconds(double s) {
        if (!Double.isFinite(s)) {
            return "—";
        }
        return s < 1e-3 ? MessageFormat.format(resources.getString("mnist.batches.micro"), Numbers.significant(s * 1e6, 3))
                : s < 1 ? MessageFormat.format(resources.getString("mnist.batches.milli"), Numbers.significant(s * 1e3, 3))
                : MessageFormat.format(resources.getString("mnist.batches.secondsValue"), Numbers.significant(s, 3));
    }
}
