package org.backproplab.engine;

/** An op was given inputs of shapes (or element types) it cannot combine; the message names both. */
public class ShapeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
