/**
 * Data: the IDX reader for the original MNIST files (raw or gzip) with validation that names the file and
 * what is wrong, the MNIST dataset, and seeded shuffling and batching.
 */
package org.backproplab.data;
