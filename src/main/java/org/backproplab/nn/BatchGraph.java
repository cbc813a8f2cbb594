package org.backproplab.nn;

import org.backproplab.engine.F32Buffer;
import org.backproplab.engine.Graph;
import org.backproplab.engine.Tensor;

/**
 * A network's graph for one batch size, built once and reused for every batch of that size: the input
 * and one-hot target leaves are filled in place, then forward and backward recompute the same nodes. This
 * is what keeps a training epoch free of per-batch allocation.
 */
public final class BatchGraph {

    private final Tensor x;
    private final Tensor y;
    private final Tensor logits;
    private final Graph graph;
    private final TrainingStep.Objective objective;

    public BatchGraph(Module network, int rows, int inputs, int classes) {
        x = Tensor.wrap(rows, inputs, new float[rows * inputs]).noGrad().named("x");
        y = Tensor.wrap(rows, classes, new float[rows * classes]).noGrad().named("y");
        logits = network.forward(x).named("logits");
        graph = Graph.of(Loss.crossEntropy(logits, y).named("loss"));
        objective = TrainingStep.Objective.of(graph);
    }

    public int rows() {
        return x.rows();
    }

    /** The input rows to fill before {@link #forward()}. */
    public float[] inputs() {
        return ((F32Buffer) x.value()).array();
    }

    /** The one-hot target rows to fill before {@link #forward()}. */
    public float[] targets() {
        return ((F32Buffer) y.value()).array();
    }

    public Tensor input() {
        return x;
    }

    public Tensor logits() {
        return logits;
    }

    public Graph graph() {
        return graph;
    }

    /** Recomputes the loss from the current inputs and parameters and returns it. */
    public double forward() {
        graph.forward();
        return graph.output().item();
    }

    /** What a {@link TrainingStep} trains: this graph's passes. */
    public TrainingStep.Objective objective() {
        return objective;
    }

    /** The predicted class of row r: the largest logit. */
    public int predicted(int r) {
        float[] l = ((F32Buffer) logits.value()).array();
        int cols = logits.cols();
        int best = 0;
        for (int c = 1; c < cols; c++) {
            if (l[r * cols + c] > l[r * cols + best]) {
                best = c;
            }
        }
        return best;
    }
}
