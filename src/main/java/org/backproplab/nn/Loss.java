package org.backproplab.nn;

import org.backproplab.engine.Binary;
import org.backproplab.engine.CrossEntropy;
import org.backproplab.engine.Mse;
import org.backproplab.engine.Reduce;
import org.backproplab.engine.Tensor;
import org.backproplab.engine.Unary;

/** The losses, each a scalar node: the mean over the batch. */
public final class Loss {

    private Loss() {
    }

    /** Mean squared error over all elements. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return Mse.of(prediction, target);
    }

    /** Softmax cross-entropy on logits against one-hot rows (fused in the engine for stability). */
    public static Tensor crossEntropy(Tensor logits, Tensor oneHot) {
        return CrossEntropy.of(logits, oneHot);
    }

    /**
     * Binary cross-entropy on logits against targets in [0, 1], element-wise then averaged, in the stable form
     * max(x, 0) − x·t + log(1 + e^(−|x|)), composed from engine ops so that its gradient is theirs.
     */
    public static Tensor binaryCrossEntropy(Tensor logits, Tensor targets) {
        Tensor positive = Unary.Kind.RELU.on(logits);
        Tensor xt = Binary.Kind.MUL.on(logits, targets);
        Tensor one = Tensor.zeros(logits.dtype(), 1, 1).noGrad();
        one.value().fill(1);
        Tensor softplus = Unary.Kind.LOG.on(Binary.Kind.ADD.on(one,
                Unary.Kind.EXP.on(Unary.Kind.NEG.on(Unary.Kind.ABS.on(logits)))));
        return Reduce.Kind.MEAN.on(Binary.Kind.ADD.on(Binary.Kind.SUB.on(positive, xt), softplus));
    }
}
