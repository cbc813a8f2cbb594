# Independent float64 references for LandscapeTest: analytic gradients and the textbook update rules, no project code.
# Run: python3 src/test/resources/labs/landscape_reference.py
import math

def rosen_g(x, y): return (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))
def dw_g(x, y): return (4 * x ** 3 - 6 * x + 1, 2 * y)
def him_g(x, y): return (4 * x * (x * x + y - 11) + 2 * (x + y * y - 7), 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7))

def adam(g, x, y, lr, n, b1=0.9, b2=0.999, eps=1e-8):
    m, v, p = [0, 0], [0, 0], [x, y]
    for t in range(1, n + 1):
        gr = g(*p)
        c1, c2 = 1 - b1 ** t, 1 - b2 ** t
        for i in range(2):
            m[i] = b1 * m[i] + (1 - b1) * gr[i]
            v[i] = b2 * v[i] + (1 - b2) * gr[i] * gr[i]
            p[i] -= lr * (m[i] / c1) / (math.sqrt(v[i] / c2) + eps)
    return p

def gd(g, x, y, lr, n):
    p = [x, y]
    for _ in range(n):
        gr = g(*p)
        p = [p[0] - lr * gr[0], p[1] - lr * gr[1]]
    return p

def momentum(g, x, y, lr, n, mu=0.9):
    p, v = [x, y], [0, 0]
    for _ in range(n):
        gr = g(*p)
        for i in range(2):
            v[i] = mu * v[i] + gr[i]
            p[i] -= lr * v[i]
    return p

print("rosenbrock adam 0.01 x3000 from (-1.5, 2):", adam(rosen_g, -1.5, 2, 0.01, 3000))
print("rosenbrock gd 0.0005 x3000 from (-1.5, 2):", gd(rosen_g, -1.5, 2, 0.0005, 3000))
print("double well gd 0.01 x1000 from (2, 1):", gd(dw_g, 2, 1, 0.01, 1000))
print("double well momentum 0.9, 0.01 x1000 from (2, 1):", momentum(dw_g, 2, 1, 0.01, 1000))
for sx, sy in [(3, 3), (-3, 3), (-3, -3), (3, -3)]:
    print("himmelblau gd 0.01 x2000 from", (sx, sy), gd(him_g, sx, sy, 0.01, 2000))
