package org.backproplab.engine;

/** Receives the events of a forward or backward pass, one at a time, in the order they happen. */
@FunctionalInterface
public interface PassListener {

    void on(PassEvent event);
}
