package org.backproplab.engine.kernel;

import java.util.function.Supplier;

/**
 * Chooses the kernels once: the Vector API one when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else plain Java. {@code -Dbackproplab.kernel=java} forces
 * the plain one (to compare, or to rule the fast path out).
 */
public final class Kernels {

    private static final Gemm GEMM = choose();
    private static final FloatOps FLOAT_OPS = GEMM instanceof VectorGemm ? new VectorFloatOps() : new FloatOps.Plain();

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();
    private static volatile Thread warmUpThread;

    private Kernels() {
    }

    /**
     * Starts compiling the Vector API kernels on a thread of its own (once; nothing without the module). Until C2
     * has compiled a kernel, its vectors are objects and a product runs a hundred times slower, and the 12-row
     * kernel takes C2 a good part of a second: called before loading MNIST or opening the window, that time passes
     * beside the loading instead of in the first epoch.
     */
    public static void warmUpInBackground() {
        if (GEMM instanceof VectorGemm && WARMING.compareAndSet(false, true)) {
            Thread warmUp = new Thread(VectorGemm::warmUp, "backprop-lab kernel warm-up");
            warmUp.setDaemon(true);
            warmUpThread = warmUp;
            warmUp.start();
        }
    }

    /** The warm-up's thread, running or ended; null until {@link #warmUpInBackground} has started one. */
    static Thread warmUpThread() {
        return warmUpThread;
    }

    public static Gemm gemm() {
        return GEMM;
    }

    public static FloatOps floatOps() {
        return FLOAT_OPS;
    }

    /** The Vector API element-wise loops, or null where the module is absent. */
    public static FloatOps vectorFloatOpsOrNull() {
        return ifVectorApi(() -> new VectorFloatOps());
    }

    /** The Vector API kernel, or null where the module is absent. */
    public static Gemm vectorOrNull() {
        return ifVectorApi(() -> new VectorGemm());
    }

    /**
     * True when the kernels in use are the Vector API ones; other hot loops (such as {@code data.Pixels}) follow
     * this choice, so that {@code -Dbackproplab.kernel=java} rules the Vector API out everywhere.
     */
    public static boolean usesVectorApi() {
        return GEMM instanceof VectorGemm;
    }

    /**
     * What {@code make} makes, or null where the JVM lacks the Vector API module (or the class fails to link).
     * {@code make} must be a lambda, not a constructor reference: a reference would load the vector class when
     * this call is made, outside the check.
     */
    public static <T> T ifVectorApi(Supplier<T> make) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return make.get();
        } catch (LinkageError e) {
            return null;
        }
    }

    private static Gemm choose() {
        if ("java".equalsIgnoreCase(System.getProperty("backproplab.kernel"))) {
            return new JavaGemm();
        }
        Gemm vector = vectorOrNull();
        return vector != null ? vector : new JavaGemm();
    }
}
