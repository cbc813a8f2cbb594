package org.backproplab.ui.mnist;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.backproplab.nn.Activation;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Schedule;

/**
 * The settings form of the MNIST tab as properties a view binds to: choosing a preset fills every field, editing a
 * field names the preset the fields now match (or {@link Preset#CUSTOM}) without rewriting what is being typed,
 * and {@link #problemProperty()} says what is wrong, if anything. The parsing itself is {@link Settings}'.
 */
public final class SettingsForm {

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.MLP_128);
    private final StringProperty layers = new SimpleStringProperty();
    private final ObjectProperty<Activation.Kind> activation = new SimpleObjectProperty<>();
    private final BooleanProperty batchNorm = new SimpleBooleanProperty();
    private final StringProperty dropout = new SimpleStringProperty();
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>();
    private final StringProperty learningRate = new SimpleStringProperty();
    private final ObjectProperty<Schedule> schedule = new SimpleObjectProperty<>();
    private final StringProperty batchSize = new SimpleStringProperty();
    private final StringProperty epochs = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Settings.Problem> problem = new ReadOnlyObjectWrapper<>();
    /** True while the form itself sets fields or the preset, so that its own changes do not echo. */
    private boolean syncing;

    public SettingsForm(Preset initial) {
        apply(initial);
        preset.addListener((o, old, p) -> {
            if (p != Preset.CUSTOM && !syncing) {
                apply(p);
            }
        });
        for (var field : List.of(layers, activation, batchNorm, dropout, optimizer, learningRate, schedule, batchSize,
                epochs)) {
            field.addListener(o -> changed());
        }
    }

    /** The form as typed. */
    public Settings settings() {
        return new Settings(layers.get(), activation.get(), batchNorm.get(), dropout.get(), optimizer.get(),
                learningRate.get(), schedule.get(), batchSize.get(), epochs.get());
    }

    /** The config the form describes, or null while a field is wrong. */
    public TrainingConfig config() {
        return settings().parse().config();
    }

    private void changed() {
        Settings.Parsed parsed = settings().parse();
        problem.set(parsed.problem());
        if (!syncing) {
            syncing = true;
            try {
                preset.set(parsed.ok() ? Preset.matching(parsed.config()) : Preset.CUSTOM);
            } finally {
                syncing = false;
            }
        }
    }

    private void apply(Preset p) {
        Settings s = Settings.of(p.config());
        syncing = true;
        try {
            layers.set(s.layers());
            activation.set(s.activation());
            batchNorm.set(s.batchNorm());
            dropout.set(s.dropout());
            optimizer.set(s.optimizer());
            learningRate.set(s.learningRate());
            schedule.set(s.schedule());
            batchSize.set(s.batchSize());
            epochs.set(s.epochs());
            preset.set(p);
        } finally {
            syncing = false;
        }
        changed();
    }

    public ObjectProperty<Preset> presetProperty() { return preset; }
    public StringProperty layersProperty() { return layers; }
    public ObjectProperty<Activation.Kind> activationProperty() { return activation; }
    public BooleanProperty batchNormProperty() { return batchNorm; }
    public StringProperty dropoutProperty() { return dropout; }
    public ObjectProperty<OptimizerKind> optimizerProperty() { return optimizer; }
    public StringProperty learningRateProperty() { return learningRate; }
    public ObjectProperty<Schedule> scheduleProperty() { return schedule; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty epochsProperty() { return epochs; }
    /** What is wrong with the form, or null. */
    public ReadOnlyObjectProperty<Settings.Problem> problemProperty() { return problem.getReadOnlyProperty(); }
}
