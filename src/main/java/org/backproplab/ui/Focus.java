package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.MouseEvent;

/** Where the keyboard's focus goes, where JavaFX's own way does not suit. */
public final class Focus {

    private Focus() {
    }

    /**
     * Buttons that Tab reaches but a click does not focus. In the step-through view Space steps wherever the focus
     * is, except on a focused button, which Space presses; were a click to focus the button, a teacher who clicked
     * Back and then pressed Space would step back again. A JavaFX button takes the focus on a press only when it is
     * focus-traversable, so it is not, from the press until the release.
     */
    public static void leaveWhereItIsOnClick(ButtonBase... buttons) {
        for (ButtonBase b : buttons) {
            b.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> b.setFocusTraversable(false));
            // the release goes to the pressed button wherever the pointer is: Tab always gets its stop back
            b.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> b.setFocusTraversable(true));
        }
    }

    /**
     * Moves the focus out of {@code from} to the next (or previous) node that Tab would reach, in the scene's
     * order, skipping what is hidden or disabled: for a text editor whose Tab types a tab, as Ctrl+Tab does in a
     * JavaFX text area.
     */
    public static void leave(Node from, boolean forward) {
        if (from.getScene() == null) {
            return;
        }
        List<Node> before = new ArrayList<>();
        List<Node> after = new ArrayList<>();
        boolean[] passed = {false};
        collect(from.getScene().getRoot(), from, before, after, passed);
        Node target = forward ? (after.isEmpty() ? first(before) : after.get(0))
                : (before.isEmpty() ? last(after) : before.get(before.size() - 1));
        if (target != null) {
            target.requestFocus();
        }
    }

    private static void collect(Node node, Node from, List<Node> before, List<Node> after, boolean[] passed) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node == from) {
            passed[0] = true; // its own insides are where the focus is leaving
            return;
        }
        if (node.isFocusTraversable()) {
            (passed[0] ? after : before).add(node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, from, before, after, passed);
            }
        }
    }

    private static Node first(List<Node> nodes) {
        return nodes.isEmpty() ? null : nodes.get(0);
    }

    private static Node last(List<Node> nodes) {
        return nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
    }
}
