package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;

/**
 * The listeners a view registers on a model that outlives it (a language switch rebuilds the views, the
 * models stay): registered weakly, so that a dropped view can be collected, and held strongly here, so that
 * they live exactly as long as the view that owns this object.
 */
public final class ViewListeners {

    private final List<Object> held = new ArrayList<>();

    /** Keeps a listener alive as long as the view; returns it. */
    public <L> L hold(L listener) {
        held.add(listener);
        return listener;
    }

    /** Runs the action now and whenever the value changes, for as long as the view lives. */
    public <T> void watch(ObservableValue<T> value, Consumer<T> action) {
        ChangeListener<T> listener = hold((o, old, now) -> action.accept(now));
        value.addListener(new WeakChangeListener<>(listener));
        action.accept(value.getValue());
    }

    /** Runs the action now and whenever any of the values changes. */
    public void watch(List<? extends ObservableValue<?>> values, Runnable action) {
        ChangeListener<Object> listener = hold((o, old, now) -> action.run());
        for (ObservableValue<?> v : values) {
            @SuppressWarnings("unchecked")
            ObservableValue<Object> value = (ObservableValue<Object>) v;
            value.addListener(new WeakChangeListener<>(listener));
        }
        action.run();
    }
}
