/**
 * The step-through state machine, without JavaFX: {@link org.backproplab.stepper.Stepper} runs the phases of the
 * one {@link org.backproplab.nn.TrainingStep} with a listener, records the engine's events, and reveals them one step at a time — FORWARD (one node per
 * step), BACKWARD (∂L/∂L = 1, then one chain-rule product per step), UPDATE (one parameter per step) — with a
 * history for stepping back. Each step yields a {@link org.backproplab.stepper.Frame}: what every node shows,
 * which node and edges are active, and the explanation in symbols. Also here: the graph's static model
 * ({@link org.backproplab.stepper.StepGraph}; how it is laid out and drawn is in {@code org.backproplab.drawing},
 * beside this package), the loss history with decimation (of the output, in a lesson without a loss:
 * {@link org.backproplab.stepper.Minimised}), the shipped lessons and the header of a lesson in each language
 * ({@link org.backproplab.stepper.LessonHeader}: its title and what it teaches), and saved sessions: a
 * {@link org.backproplab.stepper.Checkpoint} of where a stepper stands, the {@link org.backproplab.stepper.Session}
 * around it and its text file ({@link org.backproplab.stepper.SessionFile}).
 * May use engine, nn, lesson and data; it compiles lessons (a saved session holds its lesson's text, restored by
 * compiling it afresh). Never JavaFX, ui, cli, drawing, labs or codegen.
 */
package org.backproplab.stepper;
