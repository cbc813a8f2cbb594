package org.backproplab.stepper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backproplab.engine.PassEvent;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.ParameterUpdate;
import org.backproplab.stepper.RecordedIteration.Step;

/**
 * Makes the {@link Frame} the view shows from a {@link RecordedIteration}: its steps up to the cursor replayed from
 * the iteration's start values — values, gradients, the flow on each edge, what the last step changed and its
 * explanation — so stepping back is just replaying fewer steps.
 */
final class FrameBuilder {

    private final StepGraph graph;
    private final Formulas formulas;

    FrameBuilder(StepGraph graph, Formulas formulas) {
        this.graph = graph;
        this.formulas = formulas;
    }

    /** The local derivatives backward has used up to {@code cursor} in {@code it}, for node {@code index}'s inputs. */
    List<String> localDerivatives(RecordedIteration it, int cursor, int index) {
        Tensor t = graph.tensor(index);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k <= cursor; k++) {
            if (it.steps.get(k).event() instanceof PassEvent.BackwardStep b && b.node() == t) {
                lines.add(formulas.local(b));
            }
        }
        return lines;
    }

    /** The steps of {@code it} up to {@code cursor}, replayed from its start values, with {@code losses} known. */
    Frame frame(RecordedIteration it, int cursor, boolean canStepBack, int losses) {
        int n = graph.size();
        Snapshot[] values = it.start.clone();
        Snapshot[] grads = new Snapshot[n];
        double[] flow = new double[graph.edges().size()];
        Arrays.fill(flow, Double.NaN);
        Explanation explanation = formulas.ready(it.number);
        int active = -1;
        Set<Integer> edges = new HashSet<>();
        Set<Integer> changed = new HashSet<>();
        Phase phase = Phase.FORWARD;
        int position = 0;
        int count = graph.forwardSteps();
        for (int k = 0; k <= cursor; k++) {
            Step s = it.steps.get(k);
            boolean last = k == cursor;
            if (last) {
                phase = s.phase();
                position = s.position();
                count = s.count();
            }
            Object event = s.event();
            if (event instanceof PassEvent.ForwardStep f) {
                int i = graph.indexOf(f.node());
                if (last) {
                    explanation = formulas.forward(f, values);
                    active = i;
                    changed.add(i);
                    graph.edges().stream().filter(e -> e.to() == i).forEach(e -> edges.add(e.index()));
                }
                values[i] = f.value();
            } else if (event instanceof PassEvent.GradientSeed g) {
                int i = graph.indexOf(g.output());
                grads[i] = g.gradient();
                if (last) {
                    explanation = formulas.seed(g);
                    active = i;
                    changed.add(i);
                }
            } else if (event instanceof PassEvent.BackwardStep b) {
                int to = graph.indexOf(b.node());
                int in = graph.indexOf(b.input());
                StepGraph.Edge e = graph.edge(to, b.inputIndex());
                grads[in] = b.gradientAfter();
                flow[e.index()] = Texts.meanAbs(b.contribution());
                if (last) {
                    explanation = formulas.backward(b);
                    active = to;
                    changed.add(in);
                    edges.add(e.index());
                }
            } else {
                ParameterUpdate u = (ParameterUpdate) event;
                int i = graph.indexOf(u.parameter());
                values[i] = u.after();
                if (last) {
                    explanation = formulas.update(u, s.optimizer(), it.clipping, it.clipped);
                    active = i;
                    changed.add(i);
                }
            }
        }
        // Iteration n's loss is the n-th: shown once this frame has the output's value.
        int shownLosses = it.number - 1 + (values[graph.output()] != null && it.forward ? 1 : 0);
        return new Frame(it.number, phase, position, count, values, grads, flow, active, edges, changed, explanation,
                canStepBack, Math.min(shownLosses, losses));
    }
}
