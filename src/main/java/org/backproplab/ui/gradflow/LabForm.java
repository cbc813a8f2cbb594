package org.backproplab.ui.gradflow;

import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.OptimizerKind;

/**
 * The lab's form as properties a view binds to: the shared fields, configuration A and B ({@link Side}), and the
 * comparison. Choosing a comparison (or switching comparing on) makes the pair; editing either side names the
 * comparison the pair still matches, or {@link ComparePreset#CUSTOM}. {@link #settingsProperty()} is the form as a
 * whole, replaced at every change (the model listens to it), and {@link #problemProperty()} what is wrong, if
 * anything. The parsing itself is {@link LabSettings}'.
 */
public final class LabForm {

    /** One configuration's fields. */
    public static final class Side {
        private final ObjectProperty<Integer> depth = new SimpleObjectProperty<>();
        private final ObjectProperty<Integer> width = new SimpleObjectProperty<>();
        private final ObjectProperty<Activation.Kind> activation = new SimpleObjectProperty<>();
        private final ObjectProperty<Initializer.Scheme> init = new SimpleObjectProperty<>();
        private final BooleanProperty batchNorm = new SimpleBooleanProperty();
        private final ObjectProperty<Clipping.Mode> clip = new SimpleObjectProperty<>();
        private final StringProperty clipThreshold = new SimpleStringProperty();
        private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>();
        private final StringProperty learningRate = new SimpleStringProperty();

        FlowSettings get() {
            return new FlowSettings(depth.get(), width.get(), activation.get(), init.get(), batchNorm.get(), clip.get(),
                    clipThreshold.get(), optimizer.get(), learningRate.get());
        }

        void set(FlowSettings s) {
            depth.set(s.depth());
            width.set(s.width());
            activation.set(s.activation());
            init.set(s.init());
            batchNorm.set(s.batchNorm());
            clip.set(s.clip());
            clipThreshold.set(s.clipThreshold());
            optimizer.set(s.optimizer());
            learningRate.set(s.learningRate());
        }

        List<Observable> fields() {
            return List.of(depth, width, activation, init, batchNorm, clip, clipThreshold, optimizer, learningRate);
        }

        public ObjectProperty<Integer> depthProperty() { return depth; }
        public ObjectProperty<Integer> widthProperty() { return width; }
        public ObjectProperty<Activation.Kind> activationProperty() { return activation; }
        public ObjectProperty<Initializer.Scheme> initProperty() { return init; }
        public BooleanProperty batchNormProperty() { return batchNorm; }
        public ObjectProperty<Clipping.Mode> clipProperty() { return clip; }
        public StringProperty clipThresholdProperty() { return clipThreshold; }
        public ObjectProperty<OptimizerKind> optimizerProperty() { return optimizer; }
        public StringProperty learningRateProperty() { return learningRate; }
    }

    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final StringProperty batchSize = new SimpleStringProperty();
    private final StringProperty seed = new SimpleStringProperty();
    private final BooleanProperty compare = new SimpleBooleanProperty();
    private final ObjectProperty<ComparePreset> preset = new SimpleObjectProperty<>(ComparePreset.ACTIVATION);
    private final Side a = new Side();
    private final Side b = new Side();
    private final ReadOnlyObjectWrapper<LabSettings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LabSettings.Problem> problem = new ReadOnlyObjectWrapper<>();
    /** True while the form sets its own fields, so that they do not echo. */
    private boolean syncing;

    public LabForm(LabSettings initial) {
        set(initial);
        compare.addListener((o, was, on) -> {
            if (on && !syncing) {
                applyPreset(preset.get());
            } else {
                changed();
            }
        });
        preset.addListener((o, old, p) -> {
            if (!syncing && compare.get()) {
                applyPreset(p);
            }
        });
        for (Observable field : List.of(dataset, batchSize, seed)) {
            field.addListener(o -> changed());
        }
        for (Side side : List.of(a, b)) {
            for (Observable field : side.fields()) {
                field.addListener(o -> changed());
            }
        }
        changed();
    }

    /** The form as it is now. */
    public LabSettings settings() {
        return new LabSettings(dataset.get(), batchSize.get(), seed.get(), compare.get(), a.get(), b.get());
    }

    /** Fills in every field. */
    public void set(LabSettings s) {
        syncing = true;
        try {
            dataset.set(s.dataset());
            batchSize.set(s.batchSize());
            seed.set(s.seed());
            a.set(s.a());
            b.set(s.b());
            compare.set(s.compare());
        } finally {
            syncing = false;
        }
        changed();
    }

    private void applyPreset(ComparePreset p) {
        if (p != null && p != ComparePreset.CUSTOM) {
            set(p.apply(settings()));
        } else {
            changed();
        }
    }

    private void changed() {
        if (syncing) {
            return;
        }
        LabSettings s = settings();
        problem.set(s.parse().problem());
        if (s.compare()) {
            syncing = true;
            try {
                preset.set(ComparePreset.matching(s.a(), s.b()));
            } finally {
                syncing = false;
            }
        }
        settings.set(s);
    }

    public ObjectProperty<Dataset> datasetProperty() { return dataset; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty seedProperty() { return seed; }
    public BooleanProperty compareProperty() { return compare; }
    public ObjectProperty<ComparePreset> presetProperty() { return preset; }
    public Side a() { return a; }
    public Side b() { return b; }
    /** Configuration 0 (A) or 1 (B). */
    public Side side(int run) { return run == 0 ? a : b; }
    /** The whole form, replaced at every change. */
    public ReadOnlyObjectProperty<LabSettings> settingsProperty() { return settings.getReadOnlyProperty(); }
    /** What is wrong with the form, or null. */
    public ReadOnlyObjectProperty<LabSettings.Problem> problemProperty() { return problem.getReadOnlyProperty(); }
}
