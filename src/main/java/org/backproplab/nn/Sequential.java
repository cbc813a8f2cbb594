package org.backproplab.nn;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Tensor;

/** Modules applied one after another. */
public final class Sequential implements Module {

    private final List<Module> modules;

    public Sequential(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    public List<Module> modules() {
        return modules;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (Module m : modules) {
            h = m.forward(h);
        }
        return h;
    }

    @Override
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>();
        for (Module m : modules) {
            all.addAll(m.parameters());
        }
        return all;
    }

    @Override
    public void setTraining(boolean training) {
        modules.forEach(m -> m.setTraining(training));
    }
}
