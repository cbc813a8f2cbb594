package org.backproplab.engine;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of the computation graph: a scalar (1×1), a row vector (1×N) or a matrix (a batch is rows), with its
 * value, its gradient, and the op and inputs that made it. A leaf has no op.
 *
 * <p>Ops compute eagerly when a node is made; {@link Graph#forward()} recomputes the same nodes in place,
 * so a graph built once can be stepped, trained and redrawn without allocating new nodes.
 */
public final class Tensor {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final int rows;
    private final int cols;
    private final Buffer value;
    private final Gradient gradient;
    private final Op op;
    private final List<Tensor> inputs;
    private String name;
    private boolean requiresGrad;
    private boolean trainable;

    private Tensor(int rows, int cols, Buffer value, Op op, List<Tensor> inputs) {
        if (rows < 1 || cols < 1) {
            throw new ShapeException("a tensor needs at least one row and one column, not [" + rows + "x" + cols + "]");
        }
        this.rows = rows;
        this.cols = cols;
        this.value = value;
        this.gradient = new Gradient(value.dtype(), rows * cols);
        this.op = op;
        this.inputs = inputs;
        this.requiresGrad = op == null || inputs.stream().anyMatch(Tensor::requiresGrad);
    }

    // ---- leaves ----

    public static Tensor zeros(DType dtype, int rows, int cols) {
        return new Tensor(rows, cols, Buffer.zeros(dtype, rows * cols), null, List.of());
    }

    public static Tensor scalar(double v) {
        return of(new double[][] {{v}});
    }

    public static Tensor row(double... values) {
        return of(new double[][] {values});
    }

    /** A float64 matrix from its rows, which must all have the same length. */
    public static Tensor of(double[][] rows) {
        return of(DType.F64, rows);
    }

    public static Tensor of(DType dtype, double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        Tensor t = zeros(dtype, rows.length, cols);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new ShapeException("row " + (r + 1) + " has " + rows[r].length + " values, row 1 has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                t.value.set(r * cols + c, rows[r][c]);
            }
        }
        return t;
    }

    /** A float32 matrix that takes {@code values} (row-major) as its storage, without copying. */
    public static Tensor wrap(int rows, int cols, float[] values) {
        checkLength(rows, cols, values.length);
        return new Tensor(rows, cols, new F32Buffer(values), null, List.of());
    }

    /** A float64 matrix that takes {@code values} (row-major) as its storage, without copying. */
    public static Tensor wrap(int rows, int cols, double[] values) {
        checkLength(rows, cols, values.length);
        return new Tensor(rows, cols, new F64Buffer(values), null, List.of());
    }

    private static void checkLength(int rows, int cols, int length) {
        if (rows * cols != length) {
            throw new ShapeException("[" + rows + "x" + cols + "] needs " + rows * cols + " values, got " + length);
        }
    }

    /** Made by ops: a node of the given shape whose value {@code op} computes at once. */
    public static Tensor compute(Op op, int rows, int cols, Tensor... inputs) {
        DType dtype = inputs[0].dtype();
        for (Tensor in : inputs) {
            if (in.dtype() != dtype) {
                throw new ShapeException(op.name() + ": element types differ (" + inputs[0].describe() + " and "
                        + in.describe() + ")");
            }
        }
        Tensor out = new Tensor(rows, cols, Buffer.zeros(dtype, rows * cols), op, List.of(inputs));
        op.forward(out);
        return out;
    }

    // ---- shape and identity ----

    public long id() { return id; }
    public int rows() { return rows; }
    public int cols() { return cols; }
    public int size() { return rows * cols; }
    public DType dtype() { return value.dtype(); }
    public boolean isScalar() { return rows == 1 && cols == 1; }
    public boolean isLeaf() { return op == null; }
    public Op op() { return op; }
    public List<Tensor> inputs() { return inputs; }

    public boolean sameShape(Tensor other) {
        return rows == other.rows && cols == other.cols;
    }

    /** The shape as written in messages: {@code [3x4]}. */
    public String shape() {
        return "[" + rows + "x" + cols + "]";
    }

    private String describe() {
        return dtype() + " " + shape();
    }

    // ---- naming and flags ----

    /** The user's name, or null. */
    public String name() { return name; }

    /** Names this tensor (for drawing and messages) and returns it. */
    public Tensor named(String name) {
        this.name = name;
        return this;
    }

    /** What to draw on the node: its name, else its op, else "leaf". */
    public String label() {
        return name != null ? name : op != null ? op.name() : "leaf";
    }

    public boolean requiresGrad() { return requiresGrad; }

    /** Stops gradients at this leaf (input data): backward skips it and everything only it feeds. */
    public Tensor noGrad() {
        if (op != null) {
            throw new IllegalStateException("noGrad() is for leaves; " + label() + " is computed by " + op.name());
        }
        requiresGrad = false;
        return this;
    }

    /** True for a leaf that optimizers update. */
    public boolean isTrainable() { return trainable; }

    /** Marks this leaf as a trainable parameter and returns it. */
    public Tensor trainable() {
        if (op != null) {
            throw new IllegalStateException("only a leaf can be a parameter; " + label() + " is computed by " + op.name());
        }
        trainable = true;
        requiresGrad = true;
        return this;
    }

    // ---- values ----

    public Buffer value() { return value; }

    public double get(int r, int c) {
        return value.get(index(r, c));
    }

    public void set(int r, int c, double v) {
        value.set(index(r, c), v);
    }

    /** The value of a 1×1 tensor. */
    public double item() {
        requireScalar();
        return value.get(0);
    }

    public Snapshot snapshot() {
        return Snapshot.of(rows, cols, value);
    }

    /** The values as rows of doubles. */
    public double[][] toArray() {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = get(r, c);
            }
        }
        return out;
    }

    // ---- gradient ----

    /** The gradient ∂L/∂this, allocated (as zeros) on first use. */
    public Buffer grad() {
        return gradient.read();
    }

    /** The gradient with its lazy zeroing, for {@link Graph}'s backward pass. */
    Gradient gradient() {
        return gradient;
    }

    public double gradAt(int r, int c) {
        return grad().get(index(r, c));
    }

    /** The gradient of a 1×1 tensor. */
    public double gradItem() {
        requireScalar();
        return grad().get(0);
    }

    public Snapshot gradSnapshot() {
        return Snapshot.of(rows, cols, grad());
    }

    /**
     * Sets the gradient to zero. The buffer is cleared when the gradient is next read, or not at all when an op
     * overwrites it first (see {@link Gradient}).
     */
    public void zeroGrad() {
        gradient.zero();
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") is outside " + shape());
        }
        return r * cols + c;
    }

    private void requireScalar() {
        if (!isScalar()) {
            throw new ShapeException(label() + " is " + shape() + ", not a scalar");
        }
    }

    @Override
    public String toString() {
        return label() + " " + shape() + " " + (isScalar() ? Double.toString(value.get(0))
                : Arrays.toString(Arrays.copyOf(value.toDoubles(), Math.min(size(), 8))));
    }
}
