package org.backproplab.labs;

import java.util.List;
import java.util.Locale;

import org.backproplab.labs.Landscape.Landmark;
import org.backproplab.labs.Landscape.Landmark.Kind;
import org.backproplab.labs.Landscape.Window;
import org.backproplab.labs.Landscape.XY;

/**
 * The surfaces a teacher starts from, each with what it teaches, the range to draw, a start and a learning rate that
 * show it, and the minima and saddles it is known to have. Stationary points that are not round numbers were found by
 * Newton's method on the derivative written by hand, outside the project, in float64 (LandscapeTest checks that the
 * engine's gradient vanishes there).
 */
public enum Surface {
    /** A round bowl: every optimizer walks straight to the bottom. */
    BOWL("x^2 + y^2", new Window(-3, 3, -3, 3), new XY(2.5, 2), 0.1,
            List.of(new Landmark(Kind.GLOBAL_MINIMUM, 0, 0))),
    /** A long thin valley (curvatures 0.2 and 20): plain GD zig-zags across it, momentum rolls along it. */
    RAVINE("0.1*x^2 + 10*y^2", new Window(-10, 10, -2.5, 2.5), new XY(-9, 1.5), 0.09,
            List.of(new Landmark(Kind.GLOBAL_MINIMUM, 0, 0))),
    /** Rosenbrock's banana: the valley is easy to find and slow to follow. */
    ROSENBROCK("(1 - x)^2 + 100*(y - x^2)^2", new Window(-2, 2, -1, 3), new XY(-1.5, 2), 0.001,
            List.of(new Landmark(Kind.GLOBAL_MINIMUM, 1, 1))),
    /** A saddle: near (0, 0) the gradient is tiny; Adam and momentum leave it sooner than GD. */
    SADDLE("x^2 - y^2", new Window(-2, 2, -2, 2), new XY(1.5, 0.01), 0.05,
            List.of(new Landmark(Kind.SADDLE, 0, 0))),
    /** One local and one global minimum: where GD ends depends on where it starts. */
    DOUBLE_WELL("x^4 - 3*x^2 + x + y^2", new Window(-2.2, 2.2, -2, 2), new XY(2, 1), 0.01,
            List.of(new Landmark(Kind.GLOBAL_MINIMUM, -1.3008395659415772, 0),
                    new Landmark(Kind.LOCAL_MINIMUM, 1.1309011226299859, 0),
                    new Landmark(Kind.SADDLE, 0.16993844331159128, 0))),
    /** Himmelblau's function: four minima of the same height, each with its own basin. */
    HIMMELBLAU("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", new Window(-5, 5, -5, 5), new XY(0, 0), 0.01,
            List.of(new Landmark(Kind.GLOBAL_MINIMUM, 3, 2),
                    new Landmark(Kind.GLOBAL_MINIMUM, -2.805118086952745, 3.131312518250573),
                    new Landmark(Kind.GLOBAL_MINIMUM, -3.779310253377747, -3.283185991286169),
                    new Landmark(Kind.GLOBAL_MINIMUM, 3.5844283403304917, -1.8481265269644034))),
    /** A bowl with ripples: thirteen minima, one global; GD stops in the nearest, momentum may roll on. */
    BUMPY("0.1*(x^2 + y^2) - cos(2*x)*cos(2*y)", new Window(-3.6, 3.6, -3.6, 3.6), new XY(2.8, 2.3), 0.02,
            bumpyMinima());

    private final String expression;
    private final Window window;
    private final XY start;
    private final double learningRate;
    private final List<Landmark> landmarks;

    Surface(String expression, Window window, XY start, double learningRate, List<Landmark> landmarks) {
        this.expression = expression;
        this.window = window;
        this.start = start;
        this.learningRate = learningRate;
        this.landmarks = landmarks;
    }

    /** f(x, y) in the lesson language. */
    public String expression() {
        return expression;
    }

    /** The written name: bowl, ravine, rosenbrock, saddle, double_well, himmelblau, bumpy. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The range to draw. */
    public Window window() {
        return window;
    }

    /** A start that shows what the surface teaches. */
    public XY start() {
        return start;
    }

    /** A learning rate that shows it with gradient descent. */
    public double learningRate() {
        return learningRate;
    }

    /** The minima and saddle points the surface is known to have, global minima first. */
    public List<Landmark> landmarks() {
        return landmarks;
    }

    /** The preset of that id, or null. */
    public static Surface byId(String id) {
        for (Surface s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The minima of 0.1·(x² + y²) − cos 2x·cos 2y inside the window: near (mπ/2, nπ/2) with m and n of the same
     * parity, pulled towards the origin by the bowl. Found by Newton's method on the hand-written gradient.
     */
    private static List<Landmark> bumpyMinima() {
        double a = 1.4948909074649301;
        double b = 2.9897818149298603;
        double c = 2.981849841460724;
        return List.of(new Landmark(Kind.GLOBAL_MINIMUM, 0, 0),
                new Landmark(Kind.LOCAL_MINIMUM, a, a), new Landmark(Kind.LOCAL_MINIMUM, -a, a),
                new Landmark(Kind.LOCAL_MINIMUM, -a, -a), new Landmark(Kind.LOCAL_MINIMUM, a, -a),
                new Landmark(Kind.LOCAL_MINIMUM, b, 0), new Landmark(Kind.LOCAL_MINIMUM, 0, b),
                new Landmark(Kind.LOCAL_MINIMUM, -b, 0), new Landmark(Kind.LOCAL_MINIMUM, 0, -b),
                new Landmark(Kind.LOCAL_MINIMUM, c, c), new Landmark(Kind.LOCAL_MINIMUM, -c, c),
                new Landmark(Kind.LOCAL_MINIMUM, -c, -c), new Landmark(Kind.LOCAL_MINIMUM, c, -c));
    }
}
