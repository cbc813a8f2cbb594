package org.backproplab.ui.gradflow;

import java.util.Arrays;

/**
 * Values over training steps, kept to at most {@code capacity} points however long the run: when it is full, each
 * two neighbouring points become their mean and every later point stands for twice as many steps. A point sits at
 * the last step it covers. The newest steps, not yet enough for a full point, show as one more point, their mean
 * so far, so a live chart never lags. NaN (an overflow) spreads into the mean, so it stays visible. Not
 * thread-safe: a {@link RunHistory} guards it.
 */
public final class Series {

    private final int capacity;
    private final int[] steps;
    private final double[] values;
    private int size;
    /** Steps per point. */
    private int stride = 1;
    private double pendingSum;
    private int pendingCount;
    private int pendingStep;

    public Series(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("the capacity is even and at least 2, got " + capacity);
        }
        this.capacity = capacity;
        this.steps = new int[capacity];
        this.values = new double[capacity];
    }

    private Series(Series s) {
        capacity = s.capacity;
        steps = s.steps.clone();
        values = s.values.clone();
        size = s.size;
        stride = s.stride;
        pendingSum = s.pendingSum;
        pendingCount = s.pendingCount;
        pendingStep = s.pendingStep;
    }

    /** Adds the value at a step; steps come in increasing order. */
    public void add(int step, double value) {
        pendingSum += value;
        pendingCount++;
        pendingStep = step;
        if (pendingCount < stride) {
            return;
        }
        if (size == capacity) {
            halve();
            if (pendingCount < stride) {
                return; // the points are twice as wide now: this one is not full yet
            }
        }
        steps[size] = step;
        values[size] = pendingSum / pendingCount;
        size++;
        pendingSum = 0;
        pendingCount = 0;
    }

    private void halve() {
        for (int i = 0; i < capacity / 2; i++) {
            steps[i] = steps[2 * i + 1];
            values[i] = (values[2 * i] + values[2 * i + 1]) / 2;
        }
        size = capacity / 2;
        stride *= 2;
    }

    /** Points, the unfinished last one included. */
    public int size() {
        return size + (pendingCount > 0 ? 1 : 0);
    }

    public int step(int i) {
        return i == size && pendingCount > 0 ? pendingStep : steps[checked(i)];
    }

    public double value(int i) {
        return i == size && pendingCount > 0 ? pendingSum / pendingCount : values[checked(i)];
    }

    private int checked(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("point " + i + " of " + size());
        }
        return i;
    }

    /** How many steps one point stands for now. */
    public int stride() {
        return stride;
    }

    /** The last step a point covers; -1 when empty. */
    public int lastStep() {
        return size() == 0 ? -1 : step(size() - 1);
    }

    /** The points' values, in order, the unfinished last one included. */
    public double[] values() {
        double[] out = Arrays.copyOf(values, size());
        if (pendingCount > 0) {
            out[size] = pendingSum / pendingCount;
        }
        return out;
    }

    /** An independent copy, for another thread to read. */
    public Series copy() {
        return new Series(this);
    }
}
