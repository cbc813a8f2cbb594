package org.backproplab.codegen;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.Schedule;
import org.backproplab.nn.TrainingConfig;

/**
 * "Show as code": a {@link TrainingConfig} as a Python script for tf.keras (with a GradientTape training step)
 * or PyTorch that trains the same network the same way on the same MNIST files, so that a student can paste
 * it and run it. The numbers the app uses are written out: Glorot and He bounds, BatchNorm's ε = 1e-5 and
 * momentum 0.1, Adam's ε = 1e-8, RMSprop's ρ = 0.9, L2 weight decay as λ/2·Σw² over every parameter.
 *
 * <p>The comments are written in the language asked for (the window's): English, or Chinese for a zh locale, from
 * the bundle {@code resources/org/backproplab/codegen/comments*.properties}. The code is the same in every language.
 */
public final class FrameworkCode {

    private FrameworkCode() {
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }

    private static final String COMMENTS = "org.backproplab.codegen.comments";

    /** The comments in the language of {@code locale}; the English file is the base, not the JVM's default locale. */
    private static ResourceBundle comments(Locale locale) {
        return ResourceBundle.getBundle(COMMENTS, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A comment's pattern filled in; the arguments are strings already, so no number is formatted by locale. */
    private static String say(ResourceBundle comments, String key, String... args) {
        return new MessageFormat(comments.getString(key), Locale.ROOT).format(args);
    }

    private static String header(TrainingConfig c, String framework, ResourceBundle comments) {
        return "# " + say(comments, "header", framework, c.layerList(), c.activation().id(),
                c.batchNorm() ? say(comments, "batchNorm") : "",
                c.dropout() > 0 ? say(comments, "dropout", num(c.dropout())) : "", c.init().id(), c.optimizer().id(),
                num(c.learningRate()), Integer.toString(c.batchSize()), Integer.toString(c.epochs()),
                Long.toString(c.seed())) + "\n"
                + "# " + say(comments, "data") + "\n";
    }

    private static final String LOADER = """
            import gzip
            import os

            import numpy as np


            def load_idx(path):
                with gzip.open(path, "rb") as f:
                    data = f.read()
                dims = data[3]
                shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
                return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


            def load_mnist(directory=os.path.join("datasets", "mnist")):
                def images(name):
                    return load_idx(os.path.join(directory, name)).reshape(-1, 784).astype("float32") / np.float32(255)

                def labels(name):
                    return load_idx(os.path.join(directory, name)).astype("int64")

                return (images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz"),
                        images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz"))

            """;

    private static String schedule(TrainingConfig c) {
        String base = num(c.learningRate());
        String body;
        if (c.schedule() instanceof Schedule.Cosine) {
            body = "return " + base + " * 0.5 * (1 + math.cos(math.pi * min(epoch, " + c.epochs() + ") / "
                    + Math.max(1, c.epochs()) + "))";
        } else if (c.schedule() instanceof Schedule.Step step) {
            body = "return " + base + " * " + step.factor() + " ** (epoch // " + step.every() + ")";
        } else {
            body = "return " + base;
        }
        return "\ndef learning_rate(epoch):\n    " + body + "\n\n";
    }

    /** tf.keras: a Sequential model and a GradientTape training step, commented in English. */
    public static String keras(TrainingConfig c) {
        return keras(c, Locale.ENGLISH);
    }

    /** tf.keras, commented in the language of {@code locale}. */
    public static String keras(TrainingConfig c, Locale locale) {
        int[] l = c.layers();
        StringBuilder s = new StringBuilder(header(c, "tf.keras", comments(locale))).append("import math\n").append(LOADER);
        s.append("import tensorflow as tf\n\ntf.random.set_seed(").append(c.seed()).append(")\n")
                .append("x_train, y_train, x_test, y_test = load_mnist()\n")
                .append("y_train_onehot = tf.one_hot(y_train, ").append(l[l.length - 1]).append(")\n\n")
                .append("model = tf.keras.Sequential([\n    tf.keras.Input(shape=(").append(l[0]).append(",)),\n");
        for (int i = 1; i < l.length; i++) {
            boolean last = i == l.length - 1;
            String init = kerasInit(c.init(), l[i - 1], l[i]);
            if (last) {
                s.append("    tf.keras.layers.Dense(").append(l[i]).append(", activation=\"softmax\", kernel_initializer=")
                        .append(init).append("),\n");
            } else if (!c.batchNorm() && c.activation() != Activation.Kind.LEAKY_RELU) {
                s.append("    tf.keras.layers.Dense(").append(l[i]).append(", activation=\"").append(c.activation().id())
                        .append("\", kernel_initializer=").append(init).append("),\n");
            } else {
                s.append("    tf.keras.layers.Dense(").append(l[i]).append(", kernel_initializer=").append(init).append("),\n");
                if (c.batchNorm()) {
                    s.append("    tf.keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5),\n");
                }
                s.append("    ").append(c.activation() == Activation.Kind.LEAKY_RELU ? "tf.keras.layers.LeakyReLU(0.01)"
                        : "tf.keras.layers.Activation(\"" + c.activation().id() + "\")").append(",\n");
            }
            if (!last && c.dropout() > 0) {
                s.append("    tf.keras.layers.Dropout(").append(num(c.dropout())).append("),\n");
            }
        }
        s.append("])\nloss_fn = tf.keras.losses.CategoricalCrossentropy()\noptimizer = ").append(kerasOptimizer(c))
                .append("\n").append(schedule(c));
        s.append("@tf.function\ndef train_step(x, y):\n    with tf.GradientTape() as tape:\n")
                .append("        probabilities = model(x, training=True)\n")
                .append("        loss = loss_fn(y, probabilities)\n");
        if (c.weightDecay() > 0) {
            s.append("        loss += ").append(num(c.weightDecay() / 2))
                    .append(" * tf.add_n([tf.reduce_sum(v ** 2) for v in model.trainable_variables])\n");
        }
        s.append("    gradients = tape.gradient(loss, model.trainable_variables)\n");
        if (c.clipping() instanceof Clipping.ByNorm) {
            s.append("    gradients, _ = tf.clip_by_global_norm(gradients, ").append(num(c.clipping().threshold())).append(")\n");
        } else if (c.clipping() instanceof Clipping.ByValue) {
            s.append("    gradients = [tf.clip_by_value(g, -").append(num(c.clipping().threshold())).append(", ")
                    .append(num(c.clipping().threshold())).append(") for g in gradients]\n");
        }
        s.append("    optimizer.apply_gradients(zip(gradients, model.trainable_variables))\n    return loss\n\n\n")
                .append("batches = tf.data.Dataset.from_tensor_slices((x_train, y_train_onehot))\n")
                .append("for epoch in range(").append(c.epochs()).append("):\n")
                .append("    optimizer.learning_rate.assign(learning_rate(epoch))\n")
                .append("    for x, y in batches.shuffle(len(x_train), seed=").append(c.seed()).append(" + epoch).batch(")
                .append(c.batchSize()).append("):\n        loss = train_step(x, y)\n")
                .append("    predicted = np.argmax(model(x_test, training=False).numpy(), axis=1)\n")
                .append("    print(f\"epoch {epoch + 1}: loss {float(loss):.4f}, test accuracy {np.mean(predicted == y_test):.4f}\")\n");
        return s.toString();
    }

    private static String kerasInit(Initializer.Scheme init, int fanIn, int fanOut) {
        return switch (init) {
            case XAVIER_UNIFORM -> "\"glorot_uniform\"";
            case HE_UNIFORM -> "\"he_uniform\"";
            case ZEROS -> "\"zeros\"";
            case SMALL -> "tf.keras.initializers.RandomNormal(stddev=0.01)";
            case NORMAL -> "tf.keras.initializers.RandomNormal(stddev=1.0)";
            case XAVIER_NORMAL -> "tf.keras.initializers.RandomNormal(stddev=" + num(Math.sqrt(2.0 / (fanIn + fanOut))) + ")";
            case HE_NORMAL -> "tf.keras.initializers.RandomNormal(stddev=" + num(Math.sqrt(2.0 / fanIn)) + ")";
        };
    }

    private static String kerasOptimizer(TrainingConfig c) {
        String lr = num(c.learningRate());
        return switch (c.optimizer().id()) {
            case "sgd" -> "tf.keras.optimizers.SGD(learning_rate=" + lr + ")";
            case "momentum" -> "tf.keras.optimizers.SGD(learning_rate=" + lr + ", momentum=0.9)";
            case "nesterov" -> "tf.keras.optimizers.SGD(learning_rate=" + lr + ", momentum=0.9, nesterov=True)";
            case "rmsprop" -> "tf.keras.optimizers.RMSprop(learning_rate=" + lr + ", rho=0.9, epsilon=1e-8)";
            default -> "tf.keras.optimizers.Adam(learning_rate=" + lr + ", beta_1=0.9, beta_2=0.999, epsilon=1e-8)";
        };
    }

    /** PyTorch: an nn.Sequential of logits with CrossEntropyLoss, and the usual training loop, commented in English. */
    public static String pytorch(TrainingConfig c) {
        return pytorch(c, Locale.ENGLISH);
    }

    /** PyTorch, commented in the language of {@code locale}. */
    public static String pytorch(TrainingConfig c, Locale locale) {
        ResourceBundle comments = comments(locale);
        int[] l = c.layers();
        StringBuilder s = new StringBuilder(header(c, "PyTorch", comments)).append("import math\n").append(LOADER);
        s.append("import torch\nfrom torch import nn\n\ntorch.manual_seed(").append(c.seed()).append(")\n")
                .append("x_train, y_train, x_test, y_test = (torch.from_numpy(a) for a in load_mnist())\n\n")
                .append("model = nn.Sequential(\n");
        for (int i = 1; i < l.length; i++) {
            s.append("    nn.Linear(").append(l[i - 1]).append(", ").append(l[i]).append("),\n");
            if (i < l.length - 1) {
                if (c.batchNorm()) {
                    s.append("    nn.BatchNorm1d(").append(l[i]).append(", eps=1e-5, momentum=0.1),\n");
                }
                s.append("    ").append(switch (c.activation()) {
                    case SIGMOID -> "nn.Sigmoid()";
                    case TANH -> "nn.Tanh()";
                    case RELU -> "nn.ReLU()";
                    case LEAKY_RELU -> "nn.LeakyReLU(0.01)";
                }).append(",\n");
                if (c.dropout() > 0) {
                    s.append("    nn.Dropout(").append(num(c.dropout())).append("),\n");
                }
            }
        }
        s.append(")  # ").append(say(comments, "logits")).append("\n")
                .append("for layer in model:\n    if isinstance(layer, nn.Linear):\n        ")
                .append(torchInit(c.init())).append("\n        nn.init.zeros_(layer.bias)\n\n")
                .append("loss_fn = nn.CrossEntropyLoss()\noptimizer = ").append(torchOptimizer(c)).append("\n")
                .append(schedule(c))
                .append("generator = torch.Generator().manual_seed(").append(c.seed()).append(")\n")
                .append("for epoch in range(").append(c.epochs()).append("):\n")
                .append("    for group in optimizer.param_groups:\n        group[\"lr\"] = learning_rate(epoch)\n")
                .append("    model.train()\n")
                .append("    order = torch.randperm(len(x_train), generator=generator)\n")
                .append("    for start in range(0, len(x_train), ").append(c.batchSize()).append("):\n")
                .append("        batch = order[start:start + ").append(c.batchSize()).append("]\n")
                .append("        loss = loss_fn(model(x_train[batch]), y_train[batch])\n");
        if (c.weightDecay() > 0) {
            s.append("        loss = loss + ").append(num(c.weightDecay() / 2))
                    .append(" * sum((p ** 2).sum() for p in model.parameters())\n");
        }
        s.append("        optimizer.zero_grad()\n        loss.backward()\n");
        if (c.clipping() instanceof Clipping.ByNorm) {
            s.append("        nn.utils.clip_grad_norm_(model.parameters(), ").append(num(c.clipping().threshold())).append(")\n");
        } else if (c.clipping() instanceof Clipping.ByValue) {
            s.append("        nn.utils.clip_grad_value_(model.parameters(), ").append(num(c.clipping().threshold())).append(")\n");
        }
        s.append("        optimizer.step()\n    model.eval()\n    with torch.no_grad():\n")
                .append("        accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()\n")
                .append("    print(f\"epoch {epoch + 1}: loss {loss.item():.4f}, test accuracy {accuracy:.4f}\")\n");
        return s.toString();
    }

    private static String torchInit(Initializer.Scheme init) {
        return switch (init) {
            case XAVIER_UNIFORM -> "nn.init.xavier_uniform_(layer.weight)";
            case XAVIER_NORMAL -> "nn.init.xavier_normal_(layer.weight)";
            case HE_UNIFORM -> "nn.init.kaiming_uniform_(layer.weight, nonlinearity=\"relu\")";
            case HE_NORMAL -> "nn.init.kaiming_normal_(layer.weight, nonlinearity=\"relu\")";
            case SMALL -> "nn.init.normal_(layer.weight, 0.0, 0.01)";
            case NORMAL -> "nn.init.normal_(layer.weight, 0.0, 1.0)";
            case ZEROS -> "nn.init.zeros_(layer.weight)";
        };
    }

    private static String torchOptimizer(TrainingConfig c) {
        String lr = num(c.learningRate());
        return switch (c.optimizer().id()) {
            case "sgd" -> "torch.optim.SGD(model.parameters(), lr=" + lr + ")";
            case "momentum" -> "torch.optim.SGD(model.parameters(), lr=" + lr + ", momentum=0.9)";
            case "nesterov" -> "torch.optim.SGD(model.parameters(), lr=" + lr + ", momentum=0.9, nesterov=True)";
            case "rmsprop" -> "torch.optim.RMSprop(model.parameters(), lr=" + lr + ", alpha=0.9, eps=1e-8)";
            default -> "torch.optim.Adam(model.parameters(), lr=" + lr + ", betas=(0.9, 0.999), eps=1e-8)";
        };
    }
}
