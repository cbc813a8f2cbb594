package org.backproplab.engine.kernel;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Splits a kernel's work over the cores with as little hand-over latency as possible: one daemon worker per
 * extra core takes a part while the calling thread does part 0. A training step calls the kernels every few
 * tens of microseconds, so idle workers spin briefly before they park: a pool's wake-up (tens of
 * microseconds) would eat the gain on products this small.
 */
final class Parallel {

    private static final int WORKERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    /** How long an idle worker spins before it parks. */
    private static final long SPIN_NANOS = 200_000;
    private static final Worker[] POOL = new Worker[WORKERS];

    static {
        for (int w = 0; w < WORKERS; w++) {
            POOL[w] = new Worker("backprop-lab kernel " + (w + 1));
            POOL[w].start();
        }
    }

    private Parallel() {
    }

    /** How many parts {@link #run} can do at once. */
    static int parallelism() {
        return WORKERS + 1;
    }

    /**
     * Runs body(0..parts-1), part 0 on the calling thread, and returns when all are done. Only one caller at a
     * time uses the workers; a concurrent caller (another training run, the UI) runs its parts itself.
     */
    static void run(int parts, IntConsumer body) {
        int helpers = Math.min(parts - 1, WORKERS);
        if (helpers <= 0 || !LOCK.tryAcquire()) {
            for (int p = 0; p < parts; p++) {
                body.accept(p);
            }
            return;
        }
        try {
            for (int w = 0; w < helpers; w++) {
                POOL[w].submit(body, w + 1);
            }
            RuntimeException failure = null;
            try {
                body.accept(0);
                for (int p = helpers + 1; p < parts; p++) {
                    body.accept(p);
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            for (int w = 0; w < helpers; w++) {
                RuntimeException e = POOL[w].await();
                failure = failure != null ? failure : e;
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            LOCK.release();
        }
    }

    private static final java.util.concurrent.Semaphore LOCK = new java.util.concurrent.Semaphore(1);

    private static final class Worker extends Thread {
        private volatile IntConsumer task;
        private volatile int part;
        private volatile boolean busy;
        private volatile RuntimeException failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void submit(IntConsumer body, int p) {
            part = p;
            failure = null;
            busy = true;
            task = body;
            LockSupport.unpark(this);
        }

        RuntimeException await() {
            while (busy) {
                Thread.onSpinWait();
            }
            return failure;
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                IntConsumer t = task;
                if (t == null) {
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                        idleSince = System.nanoTime();
                    }
                    continue;
                }
                task = null;
                try {
                    t.accept(part);
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
