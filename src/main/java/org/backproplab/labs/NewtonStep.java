package org.backproplab.labs;

import org.backproplab.engine.Buffer;
import org.backproplab.engine.Tensor;
import org.backproplab.labs.Landscape.Hessian;
import org.backproplab.labs.Landscape.XY;
import org.backproplab.lesson.Lesson;

/**
 * Newton's method on a surface, for one point or for a whole grid of points at once (x and y as matrices, one point per
 * element). The gradient is the engine's backward pass; the Hessian is central differences of those gradients, so no
 * second-derivative code exists anywhere: H[·][x] = (∇f(x + h, y) − ∇f(x − h, y)) / 2h, likewise in y, the two mixed
 * derivatives averaged.
 *
 * <p>Where H is positive definite the step is Newton's, Δ = −η·H⁻¹·g. Where it is not (a saddle, a ridge), that step
 * would go uphill along an eigen-direction of negative curvature, so it is damped the way the saddle-free Newton
 * method does (Dauphin et al., 2014): every eigenvalue λ is replaced by max(|λ|, {@value #EIGENVALUE_FLOOR}), which
 * makes the step go downhill along every eigen-direction and keeps it finite where the curvature vanishes.
 */
final class NewtonStep {

    /** The smallest curvature a damped step divides by. */
    static final double EIGENVALUE_FLOOR = 0.1;

    private NewtonStep() {
    }

    /**
     * The differencing step at a coordinate v: 1e-5·max(1, |v|), near the cube root of the float64 epsilon that
     * balances the truncation error of central differences against rounding, scaled with the coordinate.
     */
    static double differencingStep(double v) {
        return 1e-5 * Math.max(1, Math.abs(v));
    }

    /** ∇f at the lesson's current x and y (scalars): forward, zero, backward. */
    static XY gradient(Lesson lesson, Tensor x, Tensor y) {
        double[] gx = new double[1];
        double[] gy = new double[1];
        gradients(lesson, x, y, gx, gy);
        return new XY(gx[0], gy[0]);
    }

    /** The Hessian at the lesson's current x and y (scalars); x and y are left as they were, bit for bit. */
    static Hessian hessian(Lesson lesson, Tensor x, Tensor y) {
        double[] xx = new double[1];
        double[] xy = new double[1];
        double[] yy = new double[1];
        hessians(lesson, x, y, xx, xy, yy);
        return new Hessian(xx[0], xy[0], yy[0]);
    }

    /** The Hessian at every element of x and y at once; x and y are left as they were, bit for bit. */
    static void hessians(Lesson lesson, Tensor x, Tensor y, double[] hxx, double[] hxy, double[] hyy) {
        int n = x.size();
        double[] yx = new double[n];
        differentiate(lesson, x, x, y, hxx, yx);
        double[] xyFromY = new double[n];
        differentiate(lesson, y, x, y, xyFromY, hyy);
        for (int i = 0; i < n; i++) {
            hxy[i] = (yx[i] + xyFromY[i]) / 2;
        }
    }

    /** d∇f/d(along): central differences of the engine's gradients, each element with its own step. */
    private static void differentiate(Lesson lesson, Tensor along, Tensor x, Tensor y, double[] dgx, double[] dgy) {
        Buffer v = along.value();
        int n = v.length();
        double[] saved = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            saved[i] = v.get(i);
            h[i] = differencingStep(saved[i]);
            v.set(i, saved[i] + h[i]);
        }
        double[] px = new double[n];
        double[] py = new double[n];
        gradients(lesson, x, y, px, py);
        for (int i = 0; i < n; i++) {
            v.set(i, saved[i] - h[i]);
        }
        gradients(lesson, x, y, dgx, dgy);
        for (int i = 0; i < n; i++) {
            v.set(i, saved[i]);
            dgx[i] = (px[i] - dgx[i]) / (2 * h[i]);
            dgy[i] = (py[i] - dgy[i]) / (2 * h[i]);
        }
    }

    /** The engine's gradient at every element. */
    static void gradients(Lesson lesson, Tensor x, Tensor y, double[] gx, double[] gy) {
        lesson.forward();
        lesson.zeroGrad();
        lesson.backward();
        for (int i = 0; i < gx.length; i++) {
            gx[i] = x.grad().get(i);
            gy[i] = y.grad().get(i);
        }
    }

    /** A step: the change of (x, y) and whether it was damped. */
    record Delta(double dx, double dy, boolean damped) {
    }

    /** Newton's step −η·H⁻¹·g, or the damped one where H is not positive definite. */
    static Delta delta(double gx, double gy, Hessian h, double learningRate) {
        double[] lambda = h.eigenvalues();
        if (lambda[0] > 0) {
            double det = h.xx() * h.yy() - h.xy() * h.xy();
            double sx = (h.yy() * gx - h.xy() * gy) / det;
            double sy = (h.xx() * gy - h.xy() * gx) / det;
            return new Delta(-learningRate * sx, -learningRate * sy, false);
        }
        if (h.xy() == 0) {
            // Diagonal: the axes are the eigen-directions.
            return new Delta(-learningRate * gx / Math.max(Math.abs(h.xx()), EIGENVALUE_FLOOR),
                    -learningRate * gy / Math.max(Math.abs(h.yy()), EIGENVALUE_FLOOR), true);
        }
        double dx = 0;
        double dy = 0;
        for (double l : lambda) {
            // With xy ≠ 0 the eigenvalues differ, and (xy, l − xx) is an eigenvector of l.
            double vx = h.xy();
            double vy = l - h.xx();
            double norm = Math.hypot(vx, vy);
            double along = (vx * gx + vy * gy) / norm / Math.max(Math.abs(l), EIGENVALUE_FLOOR);
            dx -= learningRate * along * vx / norm;
            dy -= learningRate * along * vy / norm;
        }
        return new Delta(dx, dy, true);
    }
}
