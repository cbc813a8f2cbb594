package org.backproplab.concurrent;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The one worker pool of the app. Splits work (a matrix product, an optimizer step, gathering a batch) over the
 * cores with as little hand-over latency as possible: one daemon worker per extra core, and the calling thread,
 * take parts from a shared counter until none are left. A training step
 * calls the kernels every few tens of microseconds, so idle workers spin, then yield, briefly before they park
 * (a pool's wake-up would eat the gain on products this small); and because parts are taken, not assigned, a worker
 * that the operating system has descheduled costs nothing: the caller does its parts and withdraws the offer.
 *
 * <p>There is one pool for the whole JVM on purpose: two pools of spinning workers would fight over the same cores.
 */
public final class Parallel {

    /** One worker per core beyond the caller's; {@code -Dbackproplab.threads=N} caps the threads at N. */
    private static final int WORKERS = Math.max(0, Math.min(Runtime.getRuntime().availableProcessors(),
            Integer.getInteger("backproplab.threads", Integer.MAX_VALUE)) - 1);
    /** How long an idle worker spins, busy, before it only yields. */
    private static final long SPIN_NANOS = 20_000;
    /**
     * How long an idle worker keeps yielding before it parks. Yielding answers as fast as spinning on an idle
     * machine, and gives the core away when other threads (the caller's among them) wait for it.
     */
    private static final long YIELD_NANOS = 200_000;
    private static final Worker[] POOL = new Worker[WORKERS];
    private static final Semaphore IN_USE = new Semaphore(1);

    static {
        for (int w = 0; w < WORKERS; w++) {
            POOL[w] = new Worker("backprop-lab worker " + (w + 1));
            POOL[w].start();
        }
    }

    private Parallel() {
    }

    /** How many threads can work on one call at once. */
    public static int parallelism() {
        return WORKERS + 1;
    }

    /**
     * Runs body(0..parts-1) and returns when all are done. Only one caller at a time uses the workers; a
     * concurrent caller (another training run, the UI) runs its parts itself. Parts must be independent.
     */
    public static void run(int parts, IntConsumer body) {
        if (WORKERS == 0 || parts < 2 || !IN_USE.tryAcquire()) {
            for (int p = 0; p < parts; p++) {
                body.accept(p);
            }
            return;
        }
        try {
            AtomicInteger next = new AtomicInteger();
            IntConsumer drain = ignored -> {
                for (int p; (p = next.getAndIncrement()) < parts; ) {
                    body.accept(p);
                }
            };
            int helpers = Math.min(parts - 1, WORKERS);
            for (int w = 0; w < helpers; w++) {
                POOL[w].offer(drain);
            }
            RuntimeException failure = null;
            try {
                drain.accept(0);
            } catch (RuntimeException e) {
                failure = e;
                next.set(parts); // nothing more to start
            }
            for (int w = 0; w < helpers; w++) {
                RuntimeException e = POOL[w].withdrawOrAwait(drain);
                failure = failure != null ? failure : e;
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            IN_USE.release();
        }
    }

    private static final class Worker extends Thread {
        private final AtomicReference<IntConsumer> offered = new AtomicReference<>();
        private volatile boolean busy;
        private volatile RuntimeException failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void offer(IntConsumer task) {
            failure = null;
            busy = true;
            offered.set(task);
            LockSupport.unpark(this);
        }

        /** Takes the offer back if the worker never picked it up; else waits until it is done. */
        RuntimeException withdrawOrAwait(IntConsumer task) {
            if (offered.compareAndSet(task, null)) {
                busy = false;
                return null;
            }
            while (busy) {
                Thread.onSpinWait();
            }
            return failure;
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                IntConsumer task = offered.getAndSet(null);
                if (task == null) {
                    long idle = System.nanoTime() - idleSince;
                    if (idle < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else if (idle < YIELD_NANOS) {
                        Thread.yield();
                    } else {
                        LockSupport.park(this);
                        idleSince = System.nanoTime();
                    }
                    continue;
                }
                try {
                    task.accept(0);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    busy = false;
                }
                idleSince = System.nanoTime();
            }
        }
    }
}
