package org.backproplab.ui.mnist;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * For a failing pulse check: what keeps the toolkit pulsing — the animations and animation timers registered with
 * JavaFX's primary timer, named by their class (and a Timeline's key-frame handlers). Reads JavaFX internals by
 * reflection (JavaFX is on the class path in the tests); says so if it cannot.
 */
final class PulseSources {

    private PulseSources() {
    }

    static List<String> running() {
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

    private static String describe(Object receiver) throws IllegalAccessException {
        StringBuilder s = new StringBuilder(receiver.getClass().getName());
        for (Field f : receiver.getClass().getDeclaredFields()) {
            if (f.getName().startsWith("this$")) {
                f.setAccessible(true);
                Object owner = f.get(receiver);
                s.append(" of ").append(owner.getClass().getName());
                if (owner instanceof javafx.animation.Timeline t) {
                    t.getKeyFrames().forEach(k -> s.append(" [frame ").append(
                            k.getOnFinished() == null ? "-" : k.getOnFinished().getClass().getName()).append(']'));
                }
                if (owner instanceof javafx.animation.Animation a) {
                    s.append(" ").append(a.getStatus());
                }
            }
        }
        return s.toString();
    }
}
