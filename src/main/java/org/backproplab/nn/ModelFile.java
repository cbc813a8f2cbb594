package org.backproplab.nn;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.backproplab.engine.Tensor;
import org.backproplab.files.AtomicFile;

/**
 * Saves and loads a {@link Model}: a magic string and format version, the training config as key/value
 * pairs, every parameter (name, shape, values) and BatchNorm's running averages. Saving writes a temporary
 * file beside the target and then moves it into place, so a crash mid-save never damages an earlier file.
 *
 * <p>Format 2 (written since issue 13) is format 1 with a CRC32 after each section — the settings, each
 * parameter, the BatchNorm statistics — covering every byte since the previous one, so that a flipped byte is
 * found and the damaged part named. Format 1 files, without checksums, still load. Neither format holds NaN or
 * infinite numbers: saving refuses them and loading names the first one, since such a model predicts nothing.
 */
public final class ModelFile {

    private static final byte[] MAGIC = "BPLAB-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    /** The format this version writes. */
    public static final int VERSION = 2;
    /** Format 1: the same layout without checksums. */
    private static final int UNCHECKED_VERSION = 1;
    private static final String TRUNCATED = "truncated: the file ends before the model does";
    /** The file name extension of a saved model, without the dot. */
    public static final String EXTENSION = "bpmodel";

    /** A model file that cannot be read; the message names the file and what is wrong. */
    public static final class ModelFileException extends Exception {
        private static final long serialVersionUID = 1L;

        ModelFileException(Path file, String problem, Throwable cause) {
            super(file.getFileName() + ": " + problem, cause);
        }
    }

    /**
     * A model that is not saved because a weight or a BatchNorm statistic is NaN or infinite (its training
     * diverged); an IOException so that every caller of {@link #save} reports it as the failed save it is.
     */
    public static final class NotFiniteException extends IOException {
        private static final long serialVersionUID = 1L;

        NotFiniteException(String problem) {
            super(problem + ": a model whose numbers are not all finite is not saved (its training diverged; "
                    + "a smaller learning rate may help)");
        }
    }

    private ModelFile() {
    }

    /** Writes the model atomically; refuses, before touching the disk, a model with a NaN or infinite number. */
    public static void save(Model model, Path file) throws IOException {
        String notFinite = firstNotFinite(model);
        if (notFinite != null) {
            throw new NotFiniteException(notFinite);
        }
        AtomicFile.write(file, os -> write(model, os));
    }

    static void write(Model model, OutputStream os) throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(os, new CRC32());
        DataOutputStream out = new DataOutputStream(checked);
        out.write(MAGIC);
        out.writeInt(VERSION);
        Map<String, String> config = model.config().toMap();
        out.writeInt(config.size());
        for (Map.Entry<String, String> e : config.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        seal(out, checked);
        List<Tensor> params = model.network().parameters();
        out.writeInt(params.size());
        for (Tensor p : params) {
            out.writeUTF(p.name());
            out.writeInt(p.rows());
            out.writeInt(p.cols());
            for (int i = 0; i < p.size(); i++) {
                out.writeFloat((float) p.value().get(i));
            }
            seal(out, checked);
        }
        List<BatchNormLayer> norms = batchNorms(model);
        out.writeInt(norms.size());
        for (BatchNormLayer bn : norms) {
            double[] mean = bn.statistics().runningMean();
            double[] var = bn.statistics().runningVar();
            out.writeInt(mean.length);
            for (int i = 0; i < mean.length; i++) {
                out.writeDouble(mean[i]);
                out.writeDouble(var[i]);
            }
        }
        seal(out, checked);
        out.flush();
    }

    /** Ends a section: the CRC32 of every byte since the previous seal (the file's start for the first). */
    private static void seal(DataOutputStream out, CheckedOutputStream checked) throws IOException {
        int crc = (int) checked.getChecksum().getValue();
        out.writeInt(crc);
        checked.getChecksum().reset();
    }

    public static Model load(Path file) throws ModelFileException {
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file, "is a folder, not a model file", null);
        }
        try (InputStream is = Files.newInputStream(file)) {
            return load(file, is, Files.size(file));
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "no such file", e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a model from a stream of {@code size} bytes; {@code file} is the name that messages give it. */
    static Model load(Path file, InputStream is, long size) throws ModelFileException {
        try {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(is), new CRC32());
            return new Reader(file, size, new DataInputStream(checked), checked).read();
        } catch (EOFException e) {
            throw new ModelFileException(file, TRUNCATED, e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** One reading of one file: the stream, and the running checksum of the section being read. */
    private static final class Reader {
        private final Path file;
        private final long size;
        private final DataInputStream in;
        private final CheckedInputStream checked;
        private boolean checksums;

        Reader(Path file, long size, DataInputStream in, CheckedInputStream checked) {
            this.file = file;
            this.size = size;
            this.in = in;
            this.checked = checked;
        }

        Model read() throws IOException, ModelFileException {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw problem("not a Backprop Lab model file (it does not start with \"BPLAB-MODEL\")");
            }
            int version = in.readInt();
            if (version != VERSION && version != UNCHECKED_VERSION) {
                throw problem("model format " + version + "; this version of Backprop Lab reads formats "
                        + UNCHECKED_VERSION + " and " + VERSION);
            }
            checksums = version == VERSION;
            int entries = in.readInt();
            if (entries < 0 || entries > 1000) {
                throw problem("damaged: " + entries + " settings");
            }
            Map<String, String> config = new LinkedHashMap<>();
            for (int i = 0; i < entries; i++) {
                config.put(in.readUTF(), in.readUTF());
            }
            verify("the settings do not match their checksum");
            TrainingConfig cfg;
            try {
                cfg = TrainingConfig.fromMap(config);
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(file, "damaged settings: " + e.getMessage(), e);
            }
            long parameters = weightsAndBiases(cfg.layers());
            if (parameters * Float.BYTES > size) {
                // Said before the network is built: a damaged layer size in a format-1 file (no checksum) must not
                // build a network bigger than the heap. A cut file and a grown layer look the same from here.
                throw problem(TRUNCATED);
            }
            Model model = new Model(cfg, cfg.buildNetwork());
            readParameters(model, cfg);
            readStatistics(model);
            if (in.read() != -1) {
                throw problem("damaged: unexpected bytes after the model");
            }
            return model;
        }

        private void readParameters(Model model, TrainingConfig cfg) throws IOException, ModelFileException {
            List<Tensor> params = model.network().parameters();
            int count = in.readInt();
            if (count != params.size()) {
                throw problem(count + " parameters, but its network " + cfg.layerList() + " has " + params.size());
            }
            for (Tensor p : params) {
                String name = in.readUTF();
                int rows = in.readInt();
                int cols = in.readInt();
                if (!name.equals(p.name()) || rows != p.rows() || cols != p.cols()) {
                    throw problem("parameter " + name + " [" + rows + "x" + cols + "] does not fit its network, which "
                            + "expects " + p.name() + " " + p.shape());
                }
                float[] values = new float[p.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readFloat();
                }
                verify("tensor " + name + " does not match its checksum");
                for (int i = 0; i < values.length; i++) {
                    if (!Float.isFinite(values[i])) {
                        throw problem(notFinite(name, values[i], i / cols, i % cols));
                    }
                    p.value().set(i, values[i]);
                }
            }
        }

        private void readStatistics(Model model) throws IOException, ModelFileException {
            List<BatchNormLayer> norms = batchNorms(model);
            if (in.readInt() != norms.size()) {
                throw problem("damaged: the BatchNorm statistics do not fit the network");
            }
            double[][] means = new double[norms.size()][];
            double[][] vars = new double[norms.size()][];
            for (int k = 0; k < norms.size(); k++) {
                int n = in.readInt();
                if (n != norms.get(k).statistics().runningMean().length) {
                    throw problem("damaged: BatchNorm statistics of " + n + " units");
                }
                means[k] = new double[n];
                vars[k] = new double[n];
                for (int i = 0; i < n; i++) {
                    means[k][i] = in.readDouble();
                    vars[k][i] = in.readDouble();
                }
            }
            verify("the BatchNorm statistics do not match their checksum");
            for (int k = 0; k < norms.size(); k++) {
                String bad = statisticsNotFinite(k, means[k], vars[k]);
                if (bad != null) {
                    throw problem(bad);
                }
                norms.get(k).statistics().setRunning(means[k], vars[k]);
            }
        }

        /**
         * In format 2, compares the section just read with the CRC32 stored after it, and starts the next;
         * {@code mismatch} says which part is damaged.
         */
        private void verify(String mismatch) throws IOException, ModelFileException {
            if (!checksums) {
                return;
            }
            int computed = (int) checked.getChecksum().getValue();
            int stored = in.readInt();
            checked.getChecksum().reset();
            if (computed != stored) {
                throw problem("damaged: " + mismatch + " (the file was changed after it was saved)");
            }
        }

        private ModelFileException problem(String problem) {
            return new ModelFileException(file, problem, null);
        }
    }

    /** How many weights and biases the linear layers of these sizes hold (BatchNorm's few are left out). */
    private static long weightsAndBiases(int[] layers) {
        long n = 0;
        for (int i = 1; i < layers.length; i++) {
            n += ((long) layers[i - 1] + 1) * layers[i];
        }
        return n;
    }

    /** The first NaN or infinite number of the model as it would be written, or null when all are finite. */
    private static String firstNotFinite(Model model) {
        for (Tensor p : model.network().parameters()) {
            for (int i = 0; i < p.size(); i++) {
                float v = (float) p.value().get(i); // the file holds floats: a double beyond their range is infinite
                if (!Float.isFinite(v)) {
                    return notFinite(p.name(), p.value().get(i), i / p.cols(), i % p.cols());
                }
            }
        }
        List<BatchNormLayer> norms = batchNorms(model);
        for (int k = 0; k < norms.size(); k++) {
            String problem = statisticsNotFinite(k, norms.get(k).statistics().runningMean(),
                    norms.get(k).statistics().runningVar());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String notFinite(String tensor, double value, int row, int col) {
        String what = Double.isNaN(value) || Double.isInfinite(value) ? String.valueOf(value)
                : value + " (beyond a 32-bit float)";
        return "tensor " + tensor + " holds " + what + " at [" + row + "," + col + "]";
    }

    private static String statisticsNotFinite(int layer, double[] mean, double[] var) {
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i]) || !Double.isFinite(var[i])) {
                String which = Double.isFinite(mean[i]) ? "variance" : "mean";
                return "BatchNorm " + (layer + 1) + "'s running " + which + " holds "
                        + (Double.isFinite(mean[i]) ? var[i] : mean[i]) + " at [" + i + "]";
            }
        }
        return null;
    }

    private static List<BatchNormLayer> batchNorms(Model model) {
        return model.network().modules().stream().filter(BatchNormLayer.class::isInstance)
                .map(BatchNormLayer.class::cast).toList();
    }
}
