package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.backproplab.data.Mnist;
import org.backproplab.nn.Fgsm;
import org.backproplab.files.CsvTable;
import org.backproplab.ui.mnist.MnistTabModel.DigitCell;
import org.backproplab.ui.mnist.MnistTabModel.View;

/**
 * What the model the MNIST tab shows makes of the test digits (a page of guesses, ∂loss/∂input of the one
 * selected), its first layer's weights, and a drawing: the state behind the Digits, Weights and Draw views. New
 * weights make every view stale; the one showing is recomputed now, the rest when they are shown.
 */
final class ModelViews {

    /** The test images; null until they are loaded. */
    private final Supplier<Mnist.Split> testImages;
    private Inspector inspector;
    private final Sketch sketch = new Sketch(MnistTabModel.PAD_SIZE, MnistTabModel.BRUSH_RADIUS);
    private final ObjectProperty<View> selectedView = new SimpleObjectProperty<>(View.PROGRESS);
    private final Set<View> stale = EnumSet.noneOf(View.class);

    private final ReadOnlyIntegerWrapper digitPage = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<List<DigitCell>> digits = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper selectedDigit = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<float[]> gradient = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<float[]>> weights = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper firstLayerUnits = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper sketchVersion = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<float[]> drawnInput = new ReadOnlyObjectWrapper<>(new float[784]);
    private final ReadOnlyObjectWrapper<double[]> drawnProbabilities = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MnistTabModel.Attack> attack = new ReadOnlyObjectWrapper<>();
    /** The ε of the attack asked for, kept for the next digit or model; NaN: none asked yet. */
    private double attackEpsilon = Double.NaN;

    ModelViews(Supplier<Mnist.Split> testImages) {
        this.testImages = testImages;
        selectedView.addListener(o -> refreshVisible());
    }

    /** The test images have arrived: the first page is shown, with the first digit selected. */
    void testImagesLoaded() {
        selectedDigit.set(0);
        refreshDigits();
        refreshGradient();
    }

    /** The weights to inspect from now on (a run's newest copy, or an opened model); then {@link #refresh}. */
    void use(WeightsSnapshot shown) {
        if (inspector == null) {
            inspector = new Inspector(shown);
        } else {
            inspector.update(shown);
        }
    }

    /**
     * New weights: what the visible view shows is recomputed now, the rest when it is shown (the UI thread shares
     * two cores with training, so it does no more than it must).
     */
    void refresh() {
        stale.addAll(EnumSet.allOf(View.class));
        refreshVisible();
    }

    void turnDigitPage(int direction) {
        Mnist.Split test = testImages.get();
        if (test == null) {
            return;
        }
        int pages = (test.count() + MnistTabModel.DIGITS_PER_PAGE - 1) / MnistTabModel.DIGITS_PER_PAGE;
        digitPage.set(Math.floorMod(digitPage.get() + direction, pages));
        refreshDigits();
    }

    void selectDigit(int testIndex) {
        selectedDigit.set(testIndex);
        refreshGradient();
    }

    void stroke(double x0, double y0, double x1, double y1) {
        sketch.stroke(x0, y0, x1, y1);
        drawingChanged();
    }

    void clearDrawing() {
        sketch.clear();
        drawingChanged();
    }

    float[] testPixels(int i) {
        Mnist.Split test = testImages.get();
        float[] x = new float[test.pixelsPerImage()];
        test.gather(null, i, 1, x, new float[Settings.CLASSES]);
        return x;
    }

    private void refreshVisible() {
        View view = selectedView.get();
        if (inspector == null || !stale.remove(view)) {
            return;
        }
        switch (view) {
            case PROGRESS -> { }
            case DIGITS -> {
                refreshDigits();
                refreshGradient();
            }
            case WEIGHTS -> {
                weights.set(inspector.firstLayerWeights(MnistTabModel.WEIGHT_UNITS));
                firstLayerUnits.set(inspector.firstLayerUnits());
            }
            case DRAW -> refreshDrawing();
            case BATCHES -> { } // its own runs, not the model's
        }
    }

    private void refreshDigits() {
        Mnist.Split test = testImages.get();
        if (test == null) {
            return;
        }
        int from = digitPage.get() * MnistTabModel.DIGITS_PER_PAGE;
        int n = Math.min(MnistTabModel.DIGITS_PER_PAGE, test.count() - from);
        float[] pixels = new float[n * test.pixelsPerImage()];
        test.gather(null, from, n, pixels, new float[n * Settings.CLASSES]);
        List<Inspector.Prediction> guesses = inspector == null ? null : inspector.predict(pixels, n);
        List<DigitCell> cells = new ArrayList<>(n);
        int p = test.pixelsPerImage();
        for (int k = 0; k < n; k++) {
            float[] image = Arrays.copyOfRange(pixels, k * p, (k + 1) * p);
            cells.add(new DigitCell(from + k, image, test.label(from + k), guesses == null ? null : guesses.get(k)));
        }
        digits.set(List.copyOf(cells));
    }

    private void refreshGradient() {
        int i = selectedDigit.get();
        Mnist.Split test = testImages.get();
        if (inspector == null || test == null || i < 0) {
            gradient.set(null);
            attack.set(null);
            return;
        }
        gradient.set(inspector.inputGradient(testPixels(i), test.label(i)));
        refreshAttack();
    }

    /** FGSM on the selected digit at this ε; it follows the selection and the model from now on. */
    void attack(double epsilon) {
        attackEpsilon = epsilon;
        refreshAttack();
    }

    private void refreshAttack() {
        int i = selectedDigit.get();
        Mnist.Split test = testImages.get();
        if (Double.isNaN(attackEpsilon) || inspector == null || test == null || i < 0) {
            attack.set(null);
            return;
        }
        float[] x = testPixels(i);
        Fgsm.Attack a = inspector.attack(x, test.label(i), attackEpsilon);
        attack.set(new MnistTabModel.Attack(i, attackEpsilon, a.adversarial(), inspector.probabilities(x),
                inspector.probabilities(a.adversarial()), a.maxPixelChange()));
    }

    private void drawingChanged() {
        sketchVersion.set(sketchVersion.get() + 1);
        drawnInput.set(sketch.toMnist());
        refreshDrawing();
    }

    private void refreshDrawing() {
        drawnProbabilities.set(inspector == null || sketch.isEmpty() ? null : inspector.probabilities(drawnInput.get()));
    }

    /** The model's ten probabilities for the drawing; empty without a model or a drawing. */
    CsvTable probabilityTable() {
        CsvTable t = CsvTable.of("digit", "probability");
        double[] p = drawnProbabilities.get();
        for (int d = 0; p != null && d < p.length; d++) {
            t.add(d, p[d]);
        }
        return t;
    }

    ObjectProperty<View> selectedViewProperty() { return selectedView; }
    Sketch sketch() { return sketch; }
    ReadOnlyIntegerProperty digitPageProperty() { return digitPage.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<List<DigitCell>> digitsProperty() { return digits.getReadOnlyProperty(); }
    ReadOnlyIntegerProperty selectedDigitProperty() { return selectedDigit.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<float[]> gradientProperty() { return gradient.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<MnistTabModel.Attack> attackProperty() { return attack.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<List<float[]>> weightsProperty() { return weights.getReadOnlyProperty(); }
    ReadOnlyIntegerProperty firstLayerUnitsProperty() { return firstLayerUnits.getReadOnlyProperty(); }
    ReadOnlyIntegerProperty sketchVersionProperty() { return sketchVersion.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<float[]> drawnInputProperty() { return drawnInput.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<double[]> drawnProbabilitiesProperty() { return drawnProbabilities.getReadOnlyProperty(); }
}
