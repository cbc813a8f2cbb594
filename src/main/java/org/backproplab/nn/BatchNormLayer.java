package org.backproplab.nn;

import java.util.List;
import org.backproplab.engine.BatchNorm;
import org.backproplab.engine.DType;
import org.backproplab.engine.Tensor;

/**
 * Batch normalisation of each unit over the batch, with learnable scale γ (starting at 1) and shift β
 * (starting at 0); batch statistics while training, running averages in evaluation.
 */
public final class BatchNormLayer implements Module {

    private final Tensor gamma;
    private final Tensor beta;
    private final BatchNorm.Statistics statistics;

    public BatchNormLayer(int units, DType dtype, String suffix) {
        gamma = Tensor.zeros(dtype, 1, units).trainable().named("γ" + suffix);
        gamma.value().fill(1);
        beta = Tensor.zeros(dtype, 1, units).trainable().named("β" + suffix);
        statistics = new BatchNorm.Statistics(units);
    }

    public BatchNorm.Statistics statistics() {
        return statistics;
    }

    @Override
    public Tensor forward(Tensor x) {
        return BatchNorm.of(x, gamma, beta, statistics);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public void setTraining(boolean training) {
        statistics.setTraining(training);
    }
}
