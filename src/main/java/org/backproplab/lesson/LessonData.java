package org.backproplab.lesson;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backproplab.engine.DType;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.TrainingConfig;

/**
 * The numbers beside a lesson's text: named matrices that its {@code data(rows, cols)} statements take, and the
 * precision the lesson computes in. A network's weights are thousands of numbers; written into the text they would
 * make a lesson of 150,000 characters that no one reads, so they travel beside it (a session file saves them, in
 * lines of their own) and the text says only {@code param W1 = data(784, 10)}.
 *
 * <p>The precision is float64 for every lesson written by hand. A lesson made from an MNIST network computes in
 * float32, as the MNIST tab trains, so that its numbers are the tab's to the last bit; its literals are float32 too.
 *
 * @param precision what every leaf of the lesson is made of
 * @param blocks    each name's numbers, in the order they were given
 * @param network   the MNIST tab's settings the numbers are a network of (the code beside the graph is written from
 *                  them), or null
 */
public record LessonData(DType precision, Map<String, Block> blocks, TrainingConfig network) {

    /** No numbers beside the text, float64: every lesson written by hand. */
    public static final LessonData NONE = new LessonData(DType.F64, Map.of(), null);

    /** One named matrix: its shape and values, row-major (float32 ones are held exactly as doubles). */
    public record Block(int rows, int cols, double[] values) {
        public Block {
            if (rows < 1 || cols < 1 || (long) rows * cols != values.length) {
                throw new IllegalArgumentException("a " + rows + "x" + cols + " block needs " + (long) rows * cols
                        + " values, got " + values.length);
            }
        }

        /** The block as a new leaf of {@code dtype}: a float32 block keeps its values exactly. */
        Tensor tensor(DType dtype) {
            return LeafSources.leaf(dtype, Tensor.wrap(rows, cols, values));
        }
    }

    public LessonData {
        blocks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** Equal blocks hold equal numbers (a record's arrays compare by identity). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LessonData d) || d.precision != precision || !java.util.Objects.equals(d.network, network)
                || !d.blocks.keySet().equals(blocks.keySet())) {
            return false;
        }
        for (Map.Entry<String, Block> e : blocks.entrySet()) {
            Block b = d.blocks.get(e.getKey());
            Block a = e.getValue();
            if (a.rows != b.rows || a.cols != b.cols || !java.util.Arrays.equals(a.values, b.values)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(precision, blocks.keySet(), network);
    }

    /** True when the lesson has numbers beside it, or computes in float32: then a session must save this. */
    public boolean isEmpty() {
        return blocks.isEmpty() && precision == DType.F64 && network == null;
    }

    /** The same numbers in another precision (the inspector's gradient check computes in float64). */
    public LessonData in(DType other) {
        return new LessonData(other, blocks, network);
    }
}
