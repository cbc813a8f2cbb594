/**
 * Networks and training on top of the engine: layers with parameters (linear, activations, batch
 * normalisation), MLPs from a size list, initialisers, losses, optimizers and gradient clipping. Parameters live
 * here; the math lives in the engine.
 */
package org.backproplab.nn;
