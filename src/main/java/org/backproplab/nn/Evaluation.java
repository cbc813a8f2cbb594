package org.backproplab.nn;

/** Loss, accuracy and confusion matrix (rows: truth, columns: prediction) of a model on a whole set, in evaluation mode. */
public record Evaluation(double loss, double accuracy, int[][] confusion) {

    /** Rows per evaluation batch: 10,000 test images make ten. */
    static final int BATCH = 1000;

    public static Evaluation of(Model model, Examples split) {
        model.network().setTraining(false);
        int classes = model.classes();
        int[][] confusion = new int[classes][classes];
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < split.count(); from += BATCH) {
            int n = Math.min(BATCH, split.count() - from);
            BatchGraph g = model.graph(n);
            split.gatherer().gather(null, from, n, g.inputs(), g.targets());
            lossSum += g.forward() * n;
            float[] y = g.targets();
            for (int r = 0; r < n; r++) {
                int truth = 0;
                while (y[r * classes + truth] == 0) {
                    truth++;
                }
                int guess = g.predicted(r);
                confusion[truth][guess]++;
                correct += truth == guess ? 1 : 0;
            }
        }
        model.network().setTraining(true);
        return new Evaluation(lossSum / split.count(), (double) correct / split.count(), confusion);
    }
}
