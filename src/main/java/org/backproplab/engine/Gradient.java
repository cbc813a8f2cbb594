package org.backproplab.engine;

/**
 * A tensor's gradient ∂L/∂tensor: its buffer, allocated on first use, and whether it holds anything yet.
 *
 * <p>Zeroing is lazy, because zeroing a large weight's gradient before every batch only to overwrite it cost a
 * pass over its memory (about 10 ms an epoch on MNIST). The one invariant, kept by this class alone:
 * <b>the gradient is zero unless {@code state == HELD}; the buffer holds the gradient, except in state
 * {@code STALE}, where it still holds the numbers from before the last {@link #zero()}</b>. Reading a stale
 * gradient clears the buffer first; an op that assigns every element ({@link Op#backwardOverwrites}) skips the
 * clearing.
 */
final class Gradient {

    private enum State {
        /** Zero, and the buffer (if allocated) holds zeros. */
        ZERO,
        /** Zero, but the buffer still holds older numbers, to be cleared before anyone reads them. */
        STALE,
        /** Holds at least one contribution since it was last zeroed. */
        HELD
    }

    private final DType dtype;
    private final int length;
    private Buffer buffer;
    private State state = State.ZERO;

    Gradient(DType dtype, int length) {
        this.dtype = dtype;
        this.length = length;
    }

    /** The gradient's buffer, cleared first if stale: what everyone who reads or adds to it gets. */
    Buffer read() {
        if (buffer == null) {
            buffer = Buffer.zeros(dtype, length);
        } else if (state == State.STALE) {
            buffer.fill(0);
            state = State.ZERO;
        }
        return buffer;
    }

    /** True once a contribution has arrived since the gradient was last zeroed. */
    boolean isHeld() {
        return state == State.HELD;
    }

    /**
     * The buffer for the first contribution since zeroing, written straight in by an op: as zeros, or, when
     * {@code overwrites} (the op assigns every element), as it is, stale numbers included. Counts as held.
     */
    Buffer first(boolean overwrites) {
        Buffer b = overwrites && buffer != null ? buffer : read();
        state = State.HELD;
        return b;
    }

    /** Adds a contribution to what the gradient holds. */
    void add(Buffer contribution) {
        read().addAll(contribution);
        state = State.HELD;
    }

    /** The gradient is all ones: ∂L/∂L, the seed of a backward pass. */
    void seed() {
        read().fill(1);
        state = State.HELD;
    }

    /** Sets the gradient to zero, lazily: the buffer is cleared only if it is read before being overwritten. */
    void zero() {
        if (state == State.HELD) {
            state = State.STALE;
        }
    }
}
