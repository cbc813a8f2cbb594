/**
 * Data: the IDX reader for the original MNIST files (raw or gzip) with validation that names the file and
 * what is wrong, and the MNIST dataset, which gathers any chosen examples into batch buffers.
 */
package org.backproplab.data;
