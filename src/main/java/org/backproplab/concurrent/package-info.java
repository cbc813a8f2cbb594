/**
 * Concurrency shared by the packages that have hot loops: {@link org.backproplab.concurrent.Parallel}, the app's
 * one worker pool, which splits independent parts of a job (a matrix product in {@code engine.kernel}, an
 * optimizer step in {@code nn}, gathering a batch in {@code data}) over the cores. One pool, not one per user,
 * because its idle workers spin: two pools would fight over the same cores. Depends on the JDK only.
 */
package org.backproplab.concurrent;
