/** Matrix-product kernels behind one seam: the Vector API for float32 where the module is present, plain Java otherwise. */
package org.backproplab.engine.kernel;
