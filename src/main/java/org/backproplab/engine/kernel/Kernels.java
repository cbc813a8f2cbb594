package org.backproplab.engine.kernel;

/**
 * Chooses the kernels once: the Vector API one when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else plain Java. {@code -Dbackproplab.kernel=java} forces
 * the plain one (to compare, or to rule the fast path out).
 */
public final class Kernels {

    private static final Gemm GEMM = choose();
    private static final FloatOps FLOAT_OPS = GEMM instanceof VectorGemm ? new VectorFloatOps() : new FloatOps.Plain();

    private Kernels() {
    }

    public static Gemm gemm() {
        return GEMM;
    }

    /**
     * Runs body(0..parts-1) on the kernel threads (the caller included) and returns when all are done; for
     * hot loops outside the kernels, such as gathering a batch. Parts must be independent.
     */
    public static void parallelFor(int parts, java.util.function.IntConsumer body) {
        Parallel.run(parts, body);
    }

    public static FloatOps floatOps() {
        return FLOAT_OPS;
    }

    /** The Vector API element-wise loops, or null where the module is absent. */
    public static FloatOps vectorFloatOpsOrNull() {
        return vectorOrNull() == null ? null : new VectorFloatOps();
    }

    /** The Vector API kernel, or null where the module is absent. */
    public static Gemm vectorOrNull() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return new VectorGemm();
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
