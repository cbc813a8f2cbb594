package org.backproplab.ui.landscape;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backproplab.files.CsvTable;
import org.backproplab.labs.Landscape;
import org.backproplab.labs.Landscape.Method;
import org.backproplab.labs.Landscape.Point;
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.labs.Landscape.Window;
import org.backproplab.labs.Landscape.XY;
import org.backproplab.labs.Surface;
import org.backproplab.labs.Walk;

/**
 * The loss-landscape tab's state, free of JavaFX: the surface (a preset or an expression), the optimizer settings,
 * the start, and one racer per chosen method, each a {@link Walk} of the lab's back end from the same start. Any
 * change of surface, start or settings starts the race again from the start. Views hear every change through
 * {@link #addListener}; the math is all the back end's.
 */
public final class LandscapeTabModel {

    /** The gradient noise of the "SGD with noise" racer when none is set: what a small batch would give. */
    static final double DEFAULT_NOISE = 1.0;

    /** A method in the race. {@code NOISY} is SGD with the gradient noise σ, {@code SGD} plain gradient descent. */
    public enum Racer {
        SGD(Method.SGD), NOISY(Method.SGD), MOMENTUM(Method.MOMENTUM), NESTEROV(Method.NESTEROV),
        RMSPROP(Method.RMSPROP), ADAM(Method.ADAM), NEWTON(Method.NEWTON);

        private final Method method;

        Racer(Method method) {
            this.method = method;
        }

        public Method method() {
            return method;
        }
    }

    /** One racer's path so far: every point, the last step, and the step at which it stopped (0 while it runs). */
    public static final class Run {
        private final Racer racer;
        private final Walk walk;
        private final List<Point> points = new ArrayList<>();
        private Walk.Step last;

        Run(Racer racer, Walk walk) {
            this.racer = racer;
            this.walk = walk;
            points.add(walk.current());
        }

        public Racer racer() {
            return racer;
        }

        public List<Point> points() {
            return points;
        }

        /** The last update, or null before the first. */
        public Walk.Step last() {
            return last;
        }

        /** The step at which a value stopped being finite, or 0 while the path goes on. */
        public int stoppedAt() {
            return walk.stopped() ? Math.max(1, walk.steps()) : 0;
        }

        void step() {
            if (!walk.stopped()) {
                last = walk.next();
                if (last.finite()) {
                    points.add(last.after());
                }
            }
        }
    }

    private Surface preset = Surface.DOUBLE_WELL;
    private Landscape surface = Landscape.of(preset);
    private Window window = preset.window();
    private XY start = preset.start();
    private Settings settings = Settings.of(preset.learningRate()).withNoise(DEFAULT_NOISE);
    private final Set<Racer> racing = EnumSet.of(Racer.SGD, Racer.MOMENTUM, Racer.ADAM);
    private final Map<Racer, Run> runs = new EnumMap<>(Racer.class);
    private Racer followed = Racer.MOMENTUM;
    private int steps;
    private final List<Runnable> listeners = new ArrayList<>();

    public LandscapeTabModel() {
        restart();
    }

    /** Hears every change; the tab redraws. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public Surface preset() {
        return preset;
    }

    public Landscape surface() {
        return surface;
    }

    public Window window() {
        return window;
    }

    public XY start() {
        return start;
    }

    public Settings settings() {
        return settings;
    }

    public int steps() {
        return steps;
    }

    public Racer followed() {
        return followed;
    }

    public boolean isRacing(Racer r) {
        return racing.contains(r);
    }

    /** The racers' runs in the order of {@link Racer}. */
    public List<Run> runs() {
        return List.copyOf(runs.values());
    }

    /** The followed racer's run, or null when it is not racing. */
    public Run followedRun() {
        return runs.get(followed);
    }

    /** A preset: its window, start and learning rate. */
    public void choosePreset(Surface s) {
        preset = s;
        surface = Landscape.of(s);
        window = s.window();
        start = s.start();
        settings = settings.withLearningRate(s.learningRate());
        restart();
    }

    /** A surface typed by the teacher, drawn over the current window; refused with the column of its mistake. */
    public void chooseExpression(String expression) throws Landscape.BadSurface {
        surface = Landscape.of(expression);
        preset = null;
        restart();
    }

    /** Where every racer starts. */
    public void setStart(double x, double y) {
        start = new XY(x, y);
        restart();
    }

    public void setSettings(Settings next) {
        settings = next;
        restart();
    }

    public void setRacing(Racer r, boolean on) {
        if (on ? racing.add(r) : racing.remove(r)) {
            restart();
        }
    }

    public void follow(Racer r) {
        followed = r;
        changed();
    }

    /** One update of every racer still going. */
    public void step() {
        for (Run run : runs.values()) {
            run.step();
        }
        steps++;
        changed();
    }

    /** Whether any racer can still step. */
    public boolean anyGoing() {
        return runs.values().stream().anyMatch(r -> r.stoppedAt() == 0);
    }

    /** Back to the start, every racer afresh. */
    public void reset() {
        restart();
    }

    private void restart() {
        runs.clear();
        for (Racer r : Racer.values()) {
            if (racing.contains(r)) {
                Settings s = r == Racer.NOISY ? settings : settings.withNoise(0);
                if (r == Racer.NEWTON) {
                    s = s.withLearningRate(1); // Newton's step needs no η to be a step; η scales it if set below 1
                }
                runs.put(r, new Run(r, surface.walk(r.method(), s, start.x(), start.y())));
            }
        }
        steps = 0;
        changed();
    }

    /** The surface as a lesson at the followed racer's current point (or the start), for the step-through view. */
    public String lesson() {
        Run run = followedRun();
        Point p = run == null ? new Point(start.x(), start.y(), 0) : run.points().get(run.points().size() - 1);
        return surface.lesson(p.x(), p.y());
    }

    /** Every racer's path as a table: racer, step, x, y, f (File ▸ Export ▸ Metrics as CSV). */
    public CsvTable pathTable() {
        CsvTable table = CsvTable.of("optimizer", "step", "x", "y", "f");
        for (Run run : runs.values()) {
            List<Point> points = run.points();
            for (int t = 0; t < points.size(); t++) {
                Point p = points.get(t);
                table.add(run.racer().name().toLowerCase(java.util.Locale.ROOT), t, p.x(), p.y(), p.f());
            }
        }
        return table;
    }

    /** The racers that stopped, with the step: for the status line. */
    public List<Run> stopped() {
        return runs.values().stream().filter(r -> r.stoppedAt() > 0).toList();
    }
}
