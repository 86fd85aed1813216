package io.nngeom.serve;

import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Penalty;

/**
 * The settings of one run, as the page sends them (its URL hash) and as {@code nngeom train} takes them: the keys
 * are the CLI's option names. Absent keys take the CLI's defaults; {@link #check} validates everything against the
 * server's {@link Limits} and names the key of the first problem.
 *
 * @param data a built-in data set name ({@link Datasets#NAMES}), {@code upload:ID} or {@code file} (the server's --data)
 * @param n examples of a built-in set
 * @param noise noise of a built-in set
 * @param seed the root seed of data, initialisation and batches, as {@code --seed}
 * @param arch layer sizes, as {@code --arch}
 * @param activation hidden activation, as {@code --activation}
 * @param loss loss, as {@code --loss} (null: softmax for classes, mse otherwise)
 * @param optimizer gd, sgd or adam, as {@code --optimizer}
 * @param lr learning rate, as {@code --lr} (null: the optimizer's default)
 * @param batch mini-batch size, as {@code --batch} (null: the optimizer's default)
 * @param penalty explicit penalty, as {@code --penalty}
 * @param init {@code random} or {@code model} (start from the server's --model)
 */
public record RunConfig(String data, Integer n, Double noise, Long seed, String arch, String activation, String loss,
                        String optimizer, Double lr, Integer batch, String penalty, String init) {

    /** The settings with the CLI's defaults filled in. */
    RunConfig withDefaults() {
        return new RunConfig(data == null ? "spiral" : data, n == null ? 400 : n, noise == null ? 0.0 : noise,
                seed == null ? Seeds.DEFAULT : seed, arch == null ? "2-16-16-2" : arch,
                activation == null ? "relu" : activation, loss, optimizer == null ? "adam" : optimizer, lr, batch,
                penalty == null ? "none" : penalty, init == null ? "random" : init);
    }

    /** Checks a config with defaults filled in; throws a 400 naming the key. */
    void check(Limits limits) {
        if (n < 1 || n > limits.points()) {
            throw bad("n", "must lie in 1.." + limits.points() + ", got " + n);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw bad("noise", "must lie in [0, 1], got " + noise);
        }
        int[] sizes = sizes();
        if (sizes.length - 2 > limits.hiddenLayers()) {
            throw bad("arch", "at most " + limits.hiddenLayers() + " hidden layers, got " + (sizes.length - 2));
        }
        for (int s : sizes) {
            if (s > limits.width()) {
                throw bad("arch", "at most " + limits.width() + " units in a layer, got " + s);
            }
        }
        if (sizes[0] != 2) {
            throw bad("arch", "the explorer draws 2-D inputs: the first size must be 2, got " + sizes[0]);
        }
        activationValue();
        lossValue();
        Optimizer o = optimizerValue();
        if (lr != null && !(lr > 0 && lr <= 10)) {
            throw bad("lr", "must lie in (0, 10], got " + lr);
        }
        if (batch != null && (batch < 1 || batch > limits.points())) {
            throw bad("batch", "must lie in 1.." + limits.points() + ", got " + batch);
        }
        if (batch != null && o == Optimizer.GD) {
            throw bad("batch", "gd uses the whole data set; choose sgd or adam for mini-batches");
        }
        penaltyValue();
        if (!init.equals("random") && !init.equals("model")) {
            throw bad("init", "must be random or model, got '" + init + "'");
        }
    }

    int[] sizes() {
        try {
            return Mlp.parseArchitecture(arch);
        } catch (IllegalArgumentException e) {
            throw bad("arch", e.getMessage());
        }
    }

    Activation activationValue() {
        try {
            return Activation.parse(activation);
        } catch (IllegalArgumentException e) {
            throw bad("activation", e.getMessage());
        }
    }

    /** The loss, or null for the default of the data. */
    Loss lossValue() {
        try {
            return loss == null ? null : Loss.parse(loss);
        } catch (IllegalArgumentException e) {
            throw bad("loss", e.getMessage());
        }
    }

    Optimizer optimizerValue() {
        Optimizer o;
        try {
            o = Optimizer.parse(optimizer);
        } catch (IllegalArgumentException e) {
            throw bad("optimizer", e.getMessage());
        }
        if (o == Optimizer.LBFGS) {
            throw bad("optimizer", "lbfgs is not shown live (its line search has no steps to watch); use gd, sgd or adam");
        }
        return o;
    }

    Penalty penaltyValue() {
        try {
            return Penalty.parse(penalty);
        } catch (IllegalArgumentException e) {
            throw bad("penalty", e.getMessage());
        }
    }

    static ApiException bad(String key, String what) {
        return ApiException.badRequest(key + ": " + what);
    }
}
