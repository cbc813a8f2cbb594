/**
 * Writing files safely: {@link org.backproplab.files.AtomicFile} writes beside the target and moves into place;
 * {@link org.backproplab.files.CsvTable} writes metrics as CSV through it.
 * Uses the JDK only, so every other package (nn's model files, sessions, exports, preferences) may use it.
 */
package org.backproplab.files;
