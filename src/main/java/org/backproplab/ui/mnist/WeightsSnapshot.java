package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.List;

import org.backproplab.engine.Buffer;
import org.backproplab.engine.F32Buffer;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.BatchNormLayer;
import org.backproplab.nn.Model;
import org.backproplab.nn.Module;
import org.backproplab.nn.TrainingConfig;

/**
 * A copy of a model's weights at one moment: every parameter's values and BatchNorm's running averages. Training
 * takes one between two steps, on its own thread, and hands it to the UI, which never touches the network
 * being trained. Immutable once made.
 */
public final class WeightsSnapshot {

    private final TrainingConfig config;
    private final List<float[]> parameters;
    private final List<double[][]> batchNorms;

    private WeightsSnapshot(TrainingConfig config, List<float[]> parameters, List<double[][]> batchNorms) {
        this.config = config;
        this.parameters = parameters;
        this.batchNorms = batchNorms;
    }

    /** Copies the model's weights now; call it where nothing is changing them. */
    public static WeightsSnapshot of(Model model) {
        List<float[]> params = new ArrayList<>();
        for (Tensor p : model.network().parameters()) {
            params.add(copy(p.value()));
        }
        List<double[][]> norms = new ArrayList<>();
        for (BatchNormLayer bn : batchNorms(model)) {
            norms.add(new double[][] {bn.statistics().runningMean(), bn.statistics().runningVar()});
        }
        return new WeightsSnapshot(model.config(), List.copyOf(params), List.copyOf(norms));
    }

    public TrainingConfig config() {
        return config;
    }

    /** A new model with these weights, in evaluation mode. */
    public Model toModel() {
        Model model = new Model(config, config.buildNetwork());
        copyInto(model);
        return model;
    }

    /** Writes these weights into a model of the same config. */
    public void copyInto(Model model) {
        if (!model.config().equals(config)) {
            throw new IllegalArgumentException("weights of " + config.layerList() + " do not fit a model of "
                    + model.config().layerList());
        }
        List<Tensor> params = model.network().parameters();
        for (int i = 0; i < params.size(); i++) {
            Buffer target = params.get(i).value();
            float[] source = parameters.get(i);
            if (target instanceof F32Buffer f) {
                System.arraycopy(source, 0, f.array(), 0, source.length);
            } else {
                for (int k = 0; k < source.length; k++) {
                    target.set(k, source[k]);
                }
            }
        }
        List<BatchNormLayer> norms = batchNorms(model);
        for (int i = 0; i < norms.size(); i++) {
            norms.get(i).statistics().setRunning(batchNorms.get(i)[0], batchNorms.get(i)[1]);
        }
        model.network().setTraining(false);
    }

    private static float[] copy(Buffer buffer) {
        if (buffer instanceof F32Buffer f) {
            return f.array().clone();
        }
        float[] out = new float[buffer.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) buffer.get(i);
        }
        return out;
    }

    private static List<BatchNormLayer> batchNorms(Model model) {
        List<BatchNormLayer> out = new ArrayList<>();
        for (Module m : model.network().modules()) {
            if (m instanceof BatchNormLayer bn) {
                out.add(bn);
            }
        }
        return out;
    }
}
