package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxRobot;

/**
 * Whether anything keeps the toolkit pulsing: a playing Timeline (a timer, a blinking caret) asks for a pulse 60
 * times a second, an idle window for none. Counts the pulses of a window's scene in half seconds, up to six of them,
 * and calls it quiet when one of them has at most {@link #QUIET}: a tooltip fading in or a last redraw is a short
 * animation, and some half second of the six is free of it; a timer fills every one.
 */
public final class Pulses {

    /** At most this many pulses in a half second is an idle toolkit. */
    public static final int QUIET = 3;

    private Pulses() {
    }

    /** The pulses of {@code stage}'s scene in each half second, until a quiet one or six. */
    public static List<Integer> untilQuiet(FxRobot robot, Stage stage) throws InterruptedException {
        List<Integer> counts = new ArrayList<>();
        while (counts.size() < 6 && (counts.isEmpty() || counts.get(counts.size() - 1) > QUIET)) {
            AtomicInteger pulses = new AtomicInteger();
            Runnable countPulse = pulses::incrementAndGet;
            robot.interact(() -> stage.getScene().addPostLayoutPulseListener(countPulse));
            Thread.sleep(500);
            robot.interact(() -> stage.getScene().removePostLayoutPulseListener(countPulse));
            counts.add(pulses.get());
        }
        return counts;
    }

    /** Whether the last half second counted was quiet. */
    public static boolean quiet(List<Integer> counts) {
        return counts.get(counts.size() - 1) <= QUIET;
    }

    /** For a failure: the counts, the open windows and what JavaFX's timer is running. */
    public static String explain(List<Integer> counts, Stage stage) {
        return "pulses in each half second: " + counts + "; windows: " + Window.getWindows().stream()
                .map(w -> w.getClass().getSimpleName() + " " + (w.getScene() == null ? "-"
                        : w.getScene().getRoot().getClass().getSimpleName() + "#" + w.getScene().getRoot().getId())
                        + (w == stage ? " (this test's)" : "")).toList()
                + "; animations: " + PulseSources.running();
    }
}
