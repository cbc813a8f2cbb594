package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward-mode automatic differentiation: one forward pass that carries, beside each node's value, its tangent, the
 * derivative of the node along one direction of one chosen leaf (dual numbers: each value v travels as v + ε·v̇).
 * The chosen leaf's tangent is the direction, every other leaf's is zero, and each op applies its own
 * {@link Op#tangent} rule right after its {@link Op#forward}: a Jacobian-vector product per node.
 *
 * <p>The seed: {@link #element} (1 at one element, 0 elsewhere) makes every tangent the partial derivative
 * ∂node/∂leaf[i][j], so for a scalar output L the tangent of L is exactly the element [i][j] of the gradient that one
 * backward pass gives; {@link #ones} (all ones) nudges every element of the leaf together, and the tangent of L is
 * the sum of that gradient's elements. For a 1×1 leaf the two are the same: ∂node/∂leaf.
 *
 * <p>Why backprop is reverse mode: a forward pass gives every node's derivative with respect to one input direction,
 * so the gradient of a loss with n parameters takes n passes; one backward pass gives all n at once.
 */
public final class ForwardMode {

    private ForwardMode() {
    }

    /**
     * Every node's tangent after one pass.
     *
     * @param leaf      the leaf the derivatives are taken with respect to
     * @param direction its tangent, the seed: a matrix of the leaf's shape
     */
    public record Tangents(Tensor leaf, Snapshot direction, Map<Tensor, Snapshot> byNode) {
        public Tangents {
            byNode = Collections.unmodifiableMap(new IdentityHashMap<>(byNode));
        }

        /** The tangent of {@code node}: ∂node/∂leaf along the direction. */
        public Snapshot of(Tensor node) {
            Snapshot s = byNode.get(node);
            if (s == null) {
                throw new IllegalArgumentException(node.label() + " was not in the forward-mode pass");
            }
            return s;
        }
    }

    /** The seed 1 at element (row, col) of {@code leaf} and 0 elsewhere: tangents are ∂node/∂leaf[row][col]. */
    public static Snapshot element(Tensor leaf, int row, int col) {
        if (row < 0 || row >= leaf.rows() || col < 0 || col >= leaf.cols()) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") is outside " + leaf.label() + " "
                    + leaf.shape());
        }
        double[] d = new double[leaf.size()];
        d[row * leaf.cols() + col] = 1;
        return new Snapshot(leaf.rows(), leaf.cols(), d);
    }

    /** The seed of all ones over {@code leaf}: tangents are the sums of ∂node/∂leaf[i][j] over its elements. */
    public static Snapshot ones(Tensor leaf) {
        double[] d = new double[leaf.size()];
        Arrays.fill(d, 1);
        return new Snapshot(leaf.rows(), leaf.cols(), d);
    }

    /** The dual-number pass over {@code graph}'s nodes, unwatched. */
    public static Tangents run(Graph graph, Tensor leaf, Snapshot direction) {
        return run(graph.nodes(), leaf, direction, null);
    }

    /**
     * Recomputes every op node of {@code order} (each node after its inputs; leaves may be among them) from the
     * leaves' current values, as {@link Graph#forward()} does, and carries each node's tangent along; reports the
     * seed and then each node, value and tangent, when watched.
     *
     * @throws IllegalArgumentException when {@code leaf} is no leaf of {@code order}, the direction's shape is not
     *                                  the leaf's, or a node comes before one of its inputs
     */
    public static Tangents run(List<Tensor> order, Tensor leaf, Snapshot direction, PassListener listener) {
        if (!leaf.isLeaf()) {
            throw new IllegalArgumentException("forward mode seeds a leaf; " + leaf.label() + " is computed by "
                    + leaf.op().name());
        }
        if (direction.rows() != leaf.rows() || direction.cols() != leaf.cols()) {
            throw new ShapeException("forward mode: the direction is [" + direction.rows() + "x" + direction.cols()
                    + "], the leaf " + leaf.label() + " is " + leaf.shape());
        }
        if (order.stream().noneMatch(t -> t == leaf)) {
            throw new IllegalArgumentException("forward mode: " + leaf.label() + " is not a node of this graph");
        }
        Map<Tensor, Buffer> tangents = new IdentityHashMap<>();
        int count = (int) order.stream().filter(t -> !t.isLeaf()).count();
        int position = 0;
        if (listener != null) {
            listener.on(new PassEvent.TangentSeed(leaf, direction));
        }
        for (Tensor node : order) {
            Buffer tangent = Buffer.zeros(node.dtype(), node.size());
            if (node == leaf) {
                double[] d = direction.values();
                for (int i = 0; i < d.length; i++) {
                    tangent.set(i, d[i]);
                }
            } else if (!node.isLeaf()) {
                List<Buffer> in = new ArrayList<>(node.inputs().size());
                for (Tensor input : node.inputs()) {
                    Buffer t = tangents.get(input);
                    if (t == null) {
                        throw new IllegalArgumentException("forward mode: " + node.label() + " comes before its input "
                                + input.label());
                    }
                    in.add(t);
                }
                node.op().forward(node);
                node.op().tangent(node, in, tangent);
                position++;
                if (listener != null) {
                    listener.on(new PassEvent.TangentStep(node, position, count, node.snapshot(),
                            Snapshot.of(node.rows(), node.cols(), tangent)));
                }
            }
            tangents.put(node, tangent);
        }
        Map<Tensor, Snapshot> snapshots = new IdentityHashMap<>();
        tangents.forEach((node, t) -> snapshots.put(node, Snapshot.of(node.rows(), node.cols(), t)));
        return new Tangents(leaf, direction, snapshots);
    }
}
