package org.backproplab.nn;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Tensor;
import org.backproplab.files.AtomicFile;

/**
 * Saves and loads a {@link Model}: a magic string and format version, the training config as key/value
 * pairs, every parameter (name, shape, values) and BatchNorm's running averages. Saving writes a temporary
 * file beside the target and then moves it into place, so a crash mid-save never damages an earlier file.
 */
public final class ModelFile {

    private static final byte[] MAGIC = "BPLAB-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    /** The file name extension of a saved model, without the dot. */
    public static final String EXTENSION = "bpmodel";

    /** A model file that cannot be read; the message names the file and what is wrong. */
    public static final class ModelFileException extends Exception {
        private static final long serialVersionUID = 1L;

        ModelFileException(Path file, String problem, Throwable cause) {
            super(file.getFileName() + ": " + problem, cause);
        }
    }

    private ModelFile() {
    }

    public static void save(Model model, Path file) throws IOException {
        AtomicFile.write(file, os -> {
            DataOutputStream out = new DataOutputStream(os);
            write(model, out);
            out.flush();
        });
    }

    static void write(Model model, DataOutputStream out) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        Map<String, String> config = model.config().toMap();
        out.writeInt(config.size());
        for (Map.Entry<String, String> e : config.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        List<Tensor> params = model.network().parameters();
        out.writeInt(params.size());
        for (Tensor p : params) {
            out.writeUTF(p.name());
            out.writeInt(p.rows());
            out.writeInt(p.cols());
            for (int i = 0; i < p.size(); i++) {
                out.writeFloat((float) p.value().get(i));
            }
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
    }

    public static Model load(Path file) throws ModelFileException {
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            return read(file, in);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "no such file", e);
        } catch (EOFException e) {
            throw new ModelFileException(file, "truncated: the file ends before the model does", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Model read(Path file, DataInputStream in) throws IOException, ModelFileException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ModelFileException(file, "not a Backprop Lab model file (it does not start with \"BPLAB-MODEL\")", null);
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new ModelFileException(file, "model format " + version + "; this version of Backprop Lab reads format "
                    + VERSION, null);
        }
        int entries = in.readInt();
        if (entries < 0 || entries > 1000) {
            throw new ModelFileException(file, "damaged: " + entries + " settings", null);
        }
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            config.put(in.readUTF(), in.readUTF());
        }
        TrainingConfig cfg;
        try {
            cfg = TrainingConfig.fromMap(config);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "damaged settings: " + e.getMessage(), e);
        }
        Model model = new Model(cfg, cfg.buildNetwork());
        List<Tensor> params = model.network().parameters();
        int count = in.readInt();
        if (count != params.size()) {
            throw new ModelFileException(file, count + " parameters, but its network " + cfg.layerList() + " has "
                    + params.size(), null);
        }
        for (Tensor p : params) {
            String name = in.readUTF();
            int rows = in.readInt();
            int cols = in.readInt();
            if (!name.equals(p.name()) || rows != p.rows() || cols != p.cols()) {
                throw new ModelFileException(file, "parameter " + name + " [" + rows + "x" + cols + "] does not fit its "
                        + "network, which expects " + p.name() + " " + p.shape(), null);
            }
            for (int i = 0; i < p.size(); i++) {
                p.value().set(i, in.readFloat());
            }
        }
        List<BatchNormLayer> norms = batchNorms(model);
        if (in.readInt() != norms.size()) {
            throw new ModelFileException(file, "damaged: the BatchNorm statistics do not fit the network", null);
        }
        for (BatchNormLayer bn : norms) {
            int n = in.readInt();
            if (n != bn.statistics().runningMean().length) {
                throw new ModelFileException(file, "damaged: BatchNorm statistics of " + n + " units", null);
            }
            double[] mean = new double[n];
            double[] var = new double[n];
            for (int i = 0; i < n; i++) {
                mean[i] = in.readDouble();
                var[i] = in.readDouble();
            }
            bn.statistics().setRunning(mean, var);
        }
        if (in.read() != -1) {
            throw new ModelFileException(file, "damaged: unexpected bytes after the model", null);
        }
        return model;
    }

    private static List<BatchNormLayer> batchNorms(Model model) {
        return model.network().modules().stream().filter(BatchNormLayer.class::isInstance)
                .map(BatchNormLayer.class::cast).toList();
    }
}
