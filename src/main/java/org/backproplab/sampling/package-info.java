/**
 * Seeded sampling that every package may use: the one Fisher–Yates shuffle ({@link org.backproplab.sampling.Shuffle})
 * and the mini-batch order every training loop draws its batches from ({@link org.backproplab.sampling.MiniBatches}).
 * Every random choice comes from a generator handed in, so the same seed gives the same batches. JDK only.
 */
package org.backproplab.sampling;
