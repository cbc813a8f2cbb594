/**
 * The engine's float32 fast paths behind one seam, chosen once by {@link org.backproplab.engine.kernel.Kernels}:
 * the Vector API where the {@code jdk.incubator.vector} module is present, plain Java otherwise. Matrix products
 * ({@link org.backproplab.engine.kernel.Gemm}, float64 too, split over the cores with the worker pool of
 * {@code org.backproplab.concurrent}) and the ops' element-wise loops
 * ({@link org.backproplab.engine.kernel.FloatOps}: bias add, ReLU, dropout's mask, float32 exp and softmax rows),
 * each computing the same bits as the op's own rule. Arrays in, arrays out: nothing here knows a tensor.
 */
package org.backproplab.engine.kernel;
