/**
 * The step-through state machine, without JavaFX: {@link org.backproplab.stepper.Stepper} runs the engine's own
 * passes with a listener, records their events, and reveals them one step at a time — FORWARD (one node per
 * step), BACKWARD (∂L/∂L = 1, then one chain-rule product per step), UPDATE (one parameter per step) — with a
 * history for stepping back. Each step yields a {@link org.backproplab.stepper.Frame}: what every node shows,
 * which node and edges are active, and the explanation in symbols. Also here: the graph's static model
 * ({@link org.backproplab.stepper.StepGraph}; how it is laid out and drawn is in {@code org.backproplab.drawing},
 * beside this package), the loss history with decimation, the shipped lessons, and saved sessions: a
 * {@link org.backproplab.stepper.Checkpoint} of where a stepper stands, the {@link org.backproplab.stepper.Session}
 * around it and its text file ({@link org.backproplab.stepper.SessionFile}).
 * May use engine, nn, lesson and data; never JavaFX, ui, cli or drawing.
 */
package org.backproplab.stepper;
