package org.backproplab.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes that an output depends on, in topological order (every node after its inputs), with the two
 * passes of reverse-mode autodiff: {@link #forward()} recomputes every op in order, {@link #backward()}
 * seeds ∂L/∂L = 1 and walks the order in reverse, each op adding its inputs' share of the gradient.
 *
 * <p>Gradients accumulate: a node that feeds several others receives the sum of all paths, and leaves keep
 * adding up across passes until {@link #zeroGrad()}, which is why a training step begins with it.
 */
public final class Graph {

    private final Tensor output;
    private final List<Tensor> order;
    private final Map<Long, Buffer> scratch = new HashMap<>();

    private Graph(Tensor output) {
        this.output = output;
        this.order = Collections.unmodifiableList(topologicalOrder(output));
    }

    public static Graph of(Tensor output) {
        return new Graph(output);
    }

    public Tensor output() {
        return output;
    }

    /** Every node, each after all of its inputs; the output is last. */
    public List<Tensor> nodes() {
        return order;
    }

    public List<Tensor> leaves() {
        return order.stream().filter(Tensor::isLeaf).toList();
    }

    /** The trainable leaves, in the order they were first reached. */
    public List<Tensor> parameters() {
        return order.stream().filter(Tensor::isTrainable).toList();
    }

    /** Iterative depth-first post-order: deep scalar chains would overflow a recursive one. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> result = new ArrayList<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Tensor> stack = new ArrayDeque<>();
        Deque<Integer> nextInput = new ArrayDeque<>();
        stack.push(root);
        nextInput.push(0);
        seen.add(root);
        while (!stack.isEmpty()) {
            Tensor node = stack.peek();
            int i = nextInput.pop();
            if (i < node.inputs().size()) {
                nextInput.push(i + 1);
                Tensor in = node.inputs().get(i);
                if (seen.add(in)) {
                    stack.push(in);
                    nextInput.push(0);
                }
            } else {
                stack.pop();
                result.add(node);
            }
        }
        return result;
    }

    public void forward() {
        forward(null);
    }

    /** Recomputes every op node from the leaves' current values, reporting each node when watched. */
    public void forward(PassListener listener) {
        int count = (int) order.stream().filter(t -> !t.isLeaf()).count();
        int position = 0;
        for (Tensor node : order) {
            if (node.isLeaf()) {
                continue;
            }
            node.op().forward(node);
            position++;
            if (listener != null) {
                listener.on(new PassEvent.ForwardStep(node, position, count, node.snapshot()));
            }
        }
    }

    public void backward() {
        backward(null);
    }

    /**
     * Clears the gradients of computed nodes, seeds the output's gradient with ones (∂L/∂L = 1; for a
     * non-scalar output that is the gradient of the sum of its elements) and propagates it to every input
     * that requires a gradient. Leaves add to what they already hold.
     */
    public void backward(PassListener listener) {
        for (Tensor node : order) {
            if (!node.isLeaf()) {
                node.zeroGrad();
            }
        }
        output.gradient().seed();
        if (listener != null) {
            listener.on(new PassEvent.GradientSeed(output, output.gradSnapshot()));
        }
        for (int n = order.size() - 1; n >= 0; n--) {
            Tensor node = order.get(n);
            if (node.isLeaf() || !node.requiresGrad()) {
                continue;
            }
            List<Tensor> inputs = node.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                Tensor in = inputs.get(i);
                if (in.requiresGrad()) {
                    propagate(node, i, in, listener);
                }
            }
        }
    }

    /**
     * One chain-rule step. The op writes its contribution into zeros: straight into the input's gradient when
     * that holds nothing yet (and nobody watches), else into a scratch buffer that is then added, so that the
     * sum is the same whether or not anyone watches.
     */
    private void propagate(Tensor node, int index, Tensor in, PassListener listener) {
        Gradient grad = in.gradient();
        boolean accumulated = grad.isHeld();
        if (listener == null && !accumulated) {
            node.op().backward(node, index, grad.first(node.op().backwardOverwrites(node, index)));
            return;
        }
        Buffer contribution = scratch(in);
        node.op().backward(node, index, contribution);
        Snapshot before = listener == null ? null : in.gradSnapshot();
        grad.add(contribution);
        if (listener != null) {
            listener.on(new PassEvent.BackwardStep(node, index, in, node.gradSnapshot(),
                    node.op().localDerivative(node, index), Snapshot.of(in.rows(), in.cols(), contribution),
                    before, in.gradSnapshot(), accumulated));
        }
    }

    private Buffer scratch(Tensor like) {
        long key = ((long) like.size() << 1) | (like.dtype() == DType.F32 ? 1 : 0);
        Buffer buffer = scratch.computeIfAbsent(key, k -> Buffer.zeros(like.dtype(), like.size()));
        buffer.fill(0);
        return buffer;
    }

    /** Zeroes every node's gradient, the leaves' included. */
    public void zeroGrad() {
        for (Tensor node : order) {
            node.zeroGrad();
        }
    }
}
