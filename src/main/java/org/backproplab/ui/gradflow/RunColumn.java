package org.backproplab.ui.gradflow;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import org.backproplab.nn.Clipping;
import org.backproplab.nn.Activation;
import org.backproplab.labs.GradientFlow;
import org.backproplab.ui.Format;
import org.backproplab.ui.Styles;

/**
 * One configuration's column of the lab (A on the left, B on the right): its header (what it is, where it is, "Open
 * in step-through") and its charts in every view, drawn on the axes both columns share.
 */
final class RunColumn {

    /** The nodes of one column, from the FXML. */
    record Nodes(Label title, Label figures, Button open, Tooltip openTip, LayerBars gradBars, HeatMapView heat,
                 LayerBars derivativeBars, Label derivativeNote, LayerBars factorBars, LayerBars ratioBars, LineChart<Number, Number> normChart, HistogramStack histograms,
                 LineChart<Number, Number> lossChart) {
    }

    /** f′ lies in [0, 1] for every activation here: two decades show σ′ ≈ 0.2 and a ReLU's share of ones alike. */
    private static final LogScale DERIVATIVE_AXIS = new LogScale(-2, 0);

    private final Nodes n;
    private final ResourceBundle resources;

    RunColumn(Nodes nodes, ResourceBundle resources) {
        this.n = nodes;
        this.resources = resources;
        n.gradBars().setTooltipFormat(text("gradflow.bar.tip"));
        n.ratioBars().setTooltipFormat(text("gradflow.bar.tip"));
        n.derivativeBars().setTooltipFormat(text("gradflow.bar.tip"));
        n.factorBars().setTooltipFormat(text("gradflow.bar.tip"));
        n.factorBars().setGuide(1, LogScale.label(0));
        n.ratioBars().setGuide(SharedAxes.RATIO_GUIDE, LogScale.label(-3));
        n.ratioBars().setEmptyText(text("gradflow.chart.ratio.empty"));
        n.heat().setTitles(text("gradflow.chart.heat.layer"), text("gradflow.chart.heat.step"));
        n.normChart().getData().add(named("gradflow.chart.norm.before"));
        n.normChart().getData().add(named("gradflow.chart.norm.after"));
        ((NumberAxis) n.normChart().getYAxis()).setTickLabelFormatter(new StringConverter<>() {
            @Override public String toString(Number e) { return LogScale.label(e.intValue()); }
            @Override public Number fromString(String s) { return null; }
        });
        n.lossChart().getData().add(named("gradflow.chart.loss.series"));
        n.lossChart().setLegendVisible(false);
        for (LineChart<Number, Number> chart : List.of(n.normChart(), n.lossChart())) {
            chart.setHorizontalZeroLineVisible(false); // on the norm chart it would be a line at 10⁰
            chart.setVerticalZeroLineVisible(false);
        }
    }

    /** The header: the configuration, its step and loss or where it overflowed, and whether it opens in step-through. */
    void showHeader(RunHistory.Snapshot r, String stepThroughObstacle) {
        n.title().setText(r == null ? "" : summary(r.config()));
        // The summary joins translated names with " · ": computed text, exempt from the bundle rule.
        Tooltip tip = r == null ? null : new Tooltip(summary(r.config()));
        if (tip != null) {
            tip.getStyleClass().add(Styles.DATA);
        }
        n.title().setTooltip(tip);
        n.figures().getStyleClass().remove(Styles.OVERFLOW);
        if (r == null || r.latest() == null) {
            n.figures().setText("");
        } else {
            String shape = format("gradflow.run.shape", r.config().depth(), r.config().width()) + " · ";
            RunHistory.Overflow o = r.overflow();
            if (o != null) {
                n.figures().getStyleClass().add(Styles.OVERFLOW);
                n.figures().setText(shape + overflow(o));
            } else {
                n.figures().setText(shape + format("gradflow.run.figures", r.steps(), loss(r.latest().loss())));
            }
        }
        n.openTip().setText(text(stepThroughObstacle == null ? "gradflow.open.tip" : stepThroughObstacle));
        n.open().getStyleClass().remove(Styles.UNAVAILABLE);
        if (stepThroughObstacle != null) {
            n.open().getStyleClass().add(Styles.UNAVAILABLE); // still focusable and clickable: it says why not
        }
    }

    /** Draws the run into the charts of one view. */
    void show(GradFlowTabModel.View view, RunHistory.Snapshot r, SharedAxes.Axes axes,
              Function<Activation.Kind, double[]> histogramRange) {
        List<GradientFlow.LayerStats> layers = r.latest().layers();
        switch (view) {
            case GRADIENTS -> {
                n.gradBars().show(values(layers, GradientFlow.LayerStats::weightGradNorm), axes.gradient());
                n.heat().show(r.heat(), axes.gradient());
            }
            case DERIVATIVES -> showDerivatives(r, axes.factor());
            case UPDATES -> {
                n.ratioBars().show(values(layers, GradientFlow.LayerStats::updateRatio), axes.ratio());
                LogScale norm = axes.norm();
                setAxes(n.normChart(), axes.stepMax(), norm.minExponent(), norm.maxExponent(),
                        Math.max(1, Math.ceil(norm.decades() / 6.0)));
                fill(n.normChart().getData().get(0), r.normBefore());
                fill(n.normChart().getData().get(1), r.normAfter());
            }
            case ACTIVATIONS -> showHistograms(r, histogramRange.apply(r.config().activation()));
            case LOSS -> {
                setAxes(n.lossChart(), axes.stepMax(), 0, axes.lossMax(), Histogram.nice(axes.lossMax() / 6));
                fill(n.lossChart().getData().get(0), r.loss());
            }
        }
    }

    /** "overflowed at step 2 in layer 7 (activations)". */
    String overflow(RunHistory.Overflow o) {
        return o.atInitialisation() ? format("gradflow.run.overflowInit", o.layer(), in(o.in()))
                : format("gradflow.run.overflow", o.step(), o.layer(), in(o.in()));
    }

    /** "activations", "gradients" or "loss", in the user's language. */
    String in(String what) {
        return text("gradflow.in." + what);
    }

    /** The activation's mean local derivative per hidden layer, what it does to the gradient, and why. */
    private void showDerivatives(RunHistory.Snapshot r, LogScale factorAxis) {
        GradientFlow.StepStats latest = r.latest();
        List<GradientFlow.LayerStats> hidden = latest.layers().subList(0, latest.layers().size() - 1);
        double[] derivatives = values(hidden, GradientFlow.LayerStats::meanLocalDerivative);
        Activation.Kind kind = r.config().activation();
        // σ′ never exceeds 1/4: the guide shows the ceiling the bars cannot pass
        n.derivativeBars().setGuide(kind == Activation.Kind.SIGMOID ? 0.25 : 1,
                kind == Activation.Kind.SIGMOID ? "0.25" : LogScale.label(0));
        n.derivativeBars().show(derivatives, DERIVATIVE_AXIS);
        double[] factors = GradientFlow.backwardFactors(latest).stream().mapToDouble(Double::doubleValue).toArray();
        n.factorBars().show(factors, factorAxis);
        double mean = Arrays.stream(derivatives).average().orElse(Double.NaN);
        String product = LayerBars.number(GradientFlow.backwardProduct(latest));
        String cause = format("gradflow.derivative.cause." + kind.id(), LayerBars.number(mean), hidden.size());
        n.derivativeNote().setText(cause + (cause.endsWith("。") ? "" : " ") + format(r.config().batchNorm() ? "gradflow.derivative.product.batchNorm"
                        : "gradflow.derivative.product", product));
    }

    private void showHistograms(RunHistory.Snapshot r, double[] range) {
        Activation.Kind kind = r.config().activation();
        List<GradientFlow.LayerStats> layers = r.latest().layers();
        List<Histogram> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int l = 0; l < layers.size() - 1; l++) { // hidden layers: the output layer has no activation
            GradientFlow.LayerStats s = layers.get(l);
            rows.add(Histogram.of(s.activations(), kind, range[0], range[1], Histogram.BINS));
            String share = Format.percent(s.saturatedFraction(), 0);
            notes.add(switch (kind) {
                case SIGMOID, TANH -> format("gradflow.note.saturated", share);
                case RELU -> format("gradflow.note.relu", share,
                        Histogram.deadUnits(s.activations(), r.config().width()), r.config().width());
                case LEAKY_RELU -> format("gradflow.note.leaky", share);
            });
        }
        n.histograms().show(rows, notes, range);
    }

    private String summary(GradientFlow.Config c) {
        StringBuilder s = new StringBuilder();
        s.append(text("gradflow.activation." + c.activation().id())).append(" · ")
                .append(text("gradflow.init." + c.init().id()));
        if (c.batchNorm()) {
            s.append(" · ").append(text("gradflow.batchNorm"));
        }
        if (!(c.clipping() instanceof Clipping.None)) {
            s.append(" · ").append(format("gradflow.run.clip." + c.clipping().id(),
                    FlowSettings.number(c.clipping().threshold())));
        }
        return s.append(" · ").append(text("gradflow.optimizer." + c.optimizer().id())).append(' ')
                .append(FlowSettings.number(c.learningRate())).toString();
    }

    private static void setAxes(LineChart<Number, Number> chart, int steps, double yMin, double yMax, double yTick) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        NumberAxis y = (NumberAxis) chart.getYAxis();
        x.setUpperBound(steps);
        x.setTickUnit(Math.max(1, Histogram.nice(steps / 6.0)));
        y.setLowerBound(yMin);
        y.setUpperBound(yMax);
        y.setTickUnit(yTick > 0 ? yTick : 1);
    }

    /** The chart series shows the points of the curve; points that are not finite (an overflow) are left out. */
    private static void fill(XYChart.Series<Number, Number> target, Series curve) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(curve.size());
        for (int p = 0; p < curve.size(); p++) {
            double v = curve.value(p);
            if (Double.isFinite(v)) {
                points.add(new XYChart.Data<>(curve.step(p), v));
            }
        }
        target.getData().setAll(points);
    }

    private XYChart.Series<Number, Number> named(String key) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(text(key));
        return s;
    }

    private static double[] values(List<GradientFlow.LayerStats> layers, ToDoubleFunction<GradientFlow.LayerStats> f) {
        return layers.stream().mapToDouble(f).toArray();
    }

    private static String loss(double v) {
        return Double.isFinite(v) ? Format.fixed(v, 4) : LayerBars.number(v);
    }

    private String text(String key) {
        return resources.getString(key);
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(resources.getString(key), args);
    }
}
