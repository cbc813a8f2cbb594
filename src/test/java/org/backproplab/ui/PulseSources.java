package org.backproplab.ui;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyProperty;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextInputControl;

/**
 * For a failing pulse check: what keeps the toolkit pulsing — the animations and animation timers registered with
 * JavaFX's primary timer, named by their class (and a Timeline's key-frame handlers; a blinking caret by its field).
 * Reads JavaFX internals by reflection (JavaFX is on the class path in the tests); says so if it cannot.
 */
public final class PulseSources {

    private PulseSources() {
    }

    public static List<String> running() {
        List<String> found = new ArrayList<>();
        try {
            Object timer = com.sun.javafx.tk.Toolkit.getToolkit().getPrimaryTimer();
            for (Class<?> c = timer.getClass(); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!f.getType().isArray() || f.getType().getComponentType().isPrimitive()) {
                        continue;
                    }
                    f.setAccessible(true);
                    Object array = f.get(timer);
                    for (int i = 0; array != null && i < Array.getLength(array); i++) {
                        Object receiver = Array.get(array, i);
                        if (receiver != null) {
                            found.add(f.getName() + ": " + describe(receiver));
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            found.add("(cannot tell: " + e + ")");
        }
        return found;
    }

    /** For a caret's Timeline, its text field or area: id, focus, whether in a showing window, text, parent. */
    private static Optional<String> caretOwner(Timeline t) {
        try {
            for (KeyFrame k : t.getKeyFrames()) {
                Object handler = k.getOnFinished();
                if (handler == null || !handler.getClass().getName().contains("CaretBlinking")) {
                    continue;
                }
                Field captured = handler.getClass().getDeclaredFields()[0];
                captured.setAccessible(true);
                Object blinking = captured.get(handler);
                Field ref = blinking.getClass().getDeclaredField("blinkPropertyRef");
                ref.setAccessible(true);
                Object property = ((Reference<?>) ref.get(blinking)).get();
                if (property == null) {
                    return Optional.of("(collected)");
                }
                var field = (TextInputControl) ((SkinBase<?>) ((ReadOnlyProperty<?>) property).getBean()).getSkinnable();
                var scene = field.getScene();
                boolean shown = scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
                return Optional.of(field.getClass().getSimpleName() + "#" + field.getId()
                        + (field.isFocused() ? " focused" : "") + (shown ? "" : " out of sight")
                        + " text '" + field.getText() + "' in " + (scene == null ? "no scene"
                        : scene.getRoot().getClass().getSimpleName() + "#" + scene.getRoot().getId())
                        + ", parent " + field.getParent());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of("(cannot tell: " + e + ")");
        }
        return Optional.empty();
    }

    private static String describe(Object receiver) throws IllegalAccessException {
        StringBuilder s = new StringBuilder(receiver.getClass().getName());
        for (Field f : receiver.getClass().getDeclaredFields()) {
            if (f.getName().startsWith("this$")) {
                f.setAccessible(true);
                Object owner = f.get(receiver);
                s.append(" of ").append(owner.getClass().getName());
                if (owner instanceof Timeline t) {
                    t.getKeyFrames().forEach(k -> s.append(" [frame ").append(
                            k.getOnFinished() == null ? "-" : k.getOnFinished().getClass().getName()).append(']'));
                    caretOwner(t).ifPresent(c -> s.append(" caret of ").append(c));
                }
                if (owner instanceof Animation a) {
                    s.append(" ").append(a.getStatus());
                }
            }
        }
        return s.toString();
    }
}
