/**
 * Data: the IDX reader for the original MNIST files (raw or gzip) with validation that names the file and
 * what is wrong, the MNIST dataset, which gathers any chosen examples into batch buffers (over the cores, with
 * the worker pool of {@code org.backproplab.concurrent}), {@link org.backproplab.data.Pixels}, the pixel
 * bytes scaled to [0, 1] (with the Vector API wherever the engine's kernels use it), and
 * {@link org.backproplab.data.DigitImage}, a picture of one digit read as MNIST-like pixels, its size checked from
 * its header before it is decoded.
 */
package org.backproplab.data;
