package org.backproplab.engine;

/** The element type of a tensor: float64 for lessons and gradient checks, float32 for bulk training. */
public enum DType {
    F64, F32
}
