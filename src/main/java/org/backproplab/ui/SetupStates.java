package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backproplab.course.Setup;
import org.backproplab.labs.Landscape;
import org.backproplab.labs.Surface;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.nn.Clipping;
import org.backproplab.stepper.Frame;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.stepper.Stepper;
import org.backproplab.ui.gradflow.Dataset;
import org.backproplab.ui.gradflow.FlowSettings;
import org.backproplab.ui.gradflow.GradFlowTabModel;
import org.backproplab.ui.gradflow.LabSettings;
import org.backproplab.ui.landscape.LandscapeTabModel;
import org.backproplab.ui.landscape.LandscapeTabModel.Racer;
import org.backproplab.ui.mnist.MnistTabModel;
import org.backproplab.ui.mnist.Preset;
import org.backproplab.ui.playground.PlaygroundSettings;
import org.backproplab.ui.playground.PlaygroundTabModel;
import org.backproplab.ui.stepper.StepperViewModel;

/**
 * Setups and the tabs' states, both ways: {@link #apply} puts a tab into a setup's state through the tab's own
 * commands (the same a user's clicks call), {@link #capture} writes the tab in view as a setup (File ▸ Save setup).
 * A setup names a shipped lesson and an MNIST preset, so a lesson typed by hand or a custom MNIST network cannot be
 * captured: {@link NotASetup} says so.
 */
final class SetupStates {

    /** The tab in view cannot be written as a setup; the message key says why. */
    static final class NotASetup extends Exception {
        private static final long serialVersionUID = 1L;
        final String key;

        NotASetup(String key) {
            super(key);
            this.key = key;
        }
    }

    /** The most steps a captured step-through setup replays; a session file keeps longer walks. */
    static final int MAX_STEPS = 10_000;

    private final MainWindow window;

    SetupStates(MainWindow window) {
        this.window = window;
    }

    /** Puts the tab into the state and shows it; null, or the key of the message saying why not now. */
    String apply(Setup setup) {
        if (setup instanceof Setup.StepThrough s) {
            return stepThrough(s);
        }
        if (setup instanceof Setup.LandscapeLab s) {
            return landscape(s);
        }
        if (setup instanceof Setup.PlaygroundLab s) {
            return playground(s);
        }
        if (setup instanceof Setup.GradientFlowLab s) {
            return gradientFlow(s);
        }
        return mnist((Setup.MnistLab) setup);
    }

    private String stepThrough(Setup.StepThrough s) {
        StepperViewModel m = window.stepper();
        if (m.runningProperty().get()) {
            return "course.setup.busy";
        }
        m.quizProperty().set(false);
        m.open(s.lesson() + ".bp", ShippedLessons.source(s.lesson()));
        m.setOptimizer(s.optimizer());
        m.setLearningRate(s.learningRate());
        m.setClipping(s.clipping());
        m.reset();
        for (int i = 0; i < s.steps(); i++) {
            m.step();
        }
        m.quizProperty().set(s.quiz());
        window.showTab(MainWindow.STEPPER_TAB);
        return null;
    }

    private String landscape(Setup.LandscapeLab s) {
        LandscapeTabModel m = window.landscape();
        if (s.surface() != null) {
            m.choosePreset(Surface.byId(s.surface()));
        } else {
            try {
                m.chooseExpression(s.expression());
            } catch (Landscape.BadSurface e) {
                throw new IllegalArgumentException(e.getMessage(), e); // checked when the course was read
            }
        }
        for (Racer r : Racer.values()) {
            m.setRacing(r, s.racers().contains(id(r)));
        }
        m.follow(Racer.valueOf(s.racers().get(0).toUpperCase(Locale.ROOT)));
        Landscape.Settings settings = m.settings().withMomentum(s.momentum());
        m.setSettings(s.learningRate() > 0 ? settings.withLearningRate(s.learningRate()) : settings);
        if (s.start() != null) {
            m.setStart(s.start().x(), s.start().y());
        }
        for (int i = 0; i < s.steps() && m.anyGoing(); i++) {
            m.step();
        }
        window.showTab(MainWindow.LANDSCAPE_TAB);
        return null;
    }

    private String playground(Setup.PlaygroundLab s) {
        PlaygroundTabModel m = window.playground();
        m.pause();
        m.setShape(s.dataset());
        m.setNoise(s.noise());
        m.setHidden(s.hidden());
        m.setActivation(s.activation());
        m.setLearningRate(s.learningRate());
        m.setBatchSize(s.batchSize());
        m.reset();
        window.showTab(MainWindow.PLAYGROUND_TAB);
        return null;
    }

    private String gradientFlow(Setup.GradientFlowLab s) {
        GradFlowTabModel m = window.gradflow();
        m.pause();
        m.form().set(new LabSettings(Dataset.valueOf(s.dataset().toUpperCase(Locale.ROOT)),
                Integer.toString(s.batchSize()), Long.toString(s.seed()), s.compare(), flow(s.a()), flow(s.b())));
        window.showTab(MainWindow.GRADFLOW_TAB);
        m.reset();
        return null;
    }

    private String mnist(Setup.MnistLab s) {
        MnistTabModel m = window.mnist();
        if (m.trainingBinding().get()) {
            return "course.setup.training";
        }
        m.form().presetProperty().set(Preset.valueOf(s.preset().toUpperCase(Locale.ROOT).replace('-', '_')));
        window.showTab(MainWindow.MNIST_TAB);
        return null;
    }

    private static FlowSettings flow(Setup.GradientFlowLab.Side side) {
        Clipping c = side.clipping();
        return new FlowSettings(side.depth(), side.width(), side.activation(), side.init(), side.batchNorm(), c.mode(),
                c.mode() == Clipping.Mode.NONE ? "1" : FlowSettings.number(c.threshold()), side.optimizer(),
                FlowSettings.number(side.learningRate()));
    }

    static String id(Racer r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    /** The tab with this fx:id as a setup. */
    Setup capture(String tab) throws NotASetup {
        return switch (tab) {
            case MainWindow.LANDSCAPE_TAB -> captureLandscape();
            case MainWindow.PLAYGROUND_TAB -> capturePlayground();
            case MainWindow.GRADFLOW_TAB -> captureGradientFlow();
            case MainWindow.MNIST_TAB -> captureMnist();
            default -> captureStepThrough();
        };
    }

    private Setup captureStepThrough() throws NotASetup {
        StepperViewModel m = window.stepper();
        String lesson = m.lessonReference().replaceFirst("\\.bp$", "");
        if (!ShippedLessons.NAMES.contains(lesson) || m.stepper() == null || m.runningProperty().get()) {
            throw new NotASetup("setup.save.notShipped");
        }
        if (!ShippedLessons.source(lesson).equals(m.sourceProperty().get())) {
            throw new NotASetup("setup.save.edited");
        }
        Frame now = m.frame();
        Stepper probe;
        try {
            probe = new Stepper(Lesson.compile(m.sourceProperty().get(), lesson + ".bp"), m.optimizerProperty().get(),
                    m.learningRateProperty().get());
        } catch (LessonException e) {
            throw new NotASetup("setup.save.notShipped");
        }
        probe.setClipping(m.clippingProperty().get());
        Frame f = probe.frame();
        int steps = 0;
        while (!(f.iteration() == now.iteration() && f.phase() == now.phase() && f.position() == now.position())) {
            if (++steps > MAX_STEPS) {
                throw new NotASetup("setup.save.tooFar");
            }
            f = probe.step();
        }
        return new Setup.StepThrough(lesson, steps, m.optimizerProperty().get(), m.learningRateProperty().get(),
                m.clippingProperty().get(), m.quizProperty().get());
    }

    private Setup captureLandscape() {
        LandscapeTabModel m = window.landscape();
        List<String> racers = new ArrayList<>();
        if (m.isRacing(m.followed())) {
            racers.add(id(m.followed())); // the followed racer first: a setup follows its first
        }
        for (Racer r : Racer.values()) {
            if (m.isRacing(r) && r != m.followed()) {
                racers.add(id(r));
            }
        }
        Surface preset = m.preset();
        return new Setup.LandscapeLab(preset == null ? null : preset.id(),
                preset == null ? m.surface().expression() : null, m.start(), m.settings().learningRate(),
                m.settings().momentum(), racers.isEmpty() ? List.of("sgd") : racers, m.steps());
    }

    private Setup capturePlayground() {
        PlaygroundSettings s = window.playground().settings();
        return new Setup.PlaygroundLab(s.shape(), s.noise(), s.hidden(), s.activation(), s.learningRate(),
                s.batchSize());
    }

    private Setup captureGradientFlow() throws NotASetup {
        LabSettings s = window.gradflow().form().settings();
        if (!s.parse().ok()) {
            throw new NotASetup("setup.save.formProblem");
        }
        var configs = s.parse().configs();
        var a = side(configs.get(0));
        var b = configs.size() > 1 ? side(configs.get(1)) : a;
        return new Setup.GradientFlowLab(s.dataset().name().toLowerCase(Locale.ROOT), configs.get(0).batchSize(),
                configs.get(0).seed(), s.compare(), a, b);
    }

    private static Setup.GradientFlowLab.Side side(org.backproplab.labs.GradientFlow.Config c) {
        return new Setup.GradientFlowLab.Side(c.depth(), c.width(), c.activation(), c.init(), c.batchNorm(),
                c.clipping(), c.optimizer(), c.learningRate());
    }

    private Setup captureMnist() throws NotASetup {
        Preset p = window.mnist().form().presetProperty().get();
        if (p == Preset.CUSTOM) {
            throw new NotASetup("setup.save.customMnist");
        }
        return new Setup.MnistLab(p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
