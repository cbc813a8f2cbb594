/**
 * Writing files safely: {@link org.backproplab.files.AtomicFile} writes beside the target and moves into place.
 * Uses the JDK only, so every other package (nn's model files, sessions, exports, preferences) may use it.
 */
package org.backproplab.files;
