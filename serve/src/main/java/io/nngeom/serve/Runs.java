package io.nngeom.serve;

import io.nngeom.data.Dataset;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.TrainingOptions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * The runs and uploaded data sets of one server, within its {@link Limits}. A run builds its network, data and
 * options exactly as {@code nngeom train} does from the same options ({@link #create}).
 */
final class Runs {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    /** A playing run nobody asked about for this long is paused; an idle run twice as long is removed. */
    static final long IDLE_PAUSE_NANOS = 60_000_000_000L;
    static final long IDLE_REMOVE_NANOS = 600_000_000_000L;

    private final Limits limits;
    private final Dataset served;
    private final Mlp servedModel;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, Dataset> uploads = new LinkedHashMap<>();
    /** One run trains at a time (fair turns of 20 ms): the other core stays free for the partitions and requests. */
    private final Semaphore cpu = new Semaphore(1, true);

    Runs(Limits limits, Dataset served, Mlp servedModel) {
        this.limits = limits;
        this.served = served;
        this.servedModel = servedModel;
    }

    Limits limits() {
        return limits;
    }

    boolean hasServedData() {
        return served != null;
    }

    Mlp servedModel() {
        return servedModel;
    }

    synchronized int count() {
        return runs.size();
    }

    /** Creates a paused run at step 0; refuses (429) when {@link Limits#runs} runs are alive. */
    Run create(RunConfig raw) {
        RunConfig c = raw.withDefaults();
        c.check(limits);
        Dataset d = data(c);
        int[] sizes = c.sizes();
        int outputs = sizes[sizes.length - 1];
        // as CliInputs.matchOutputs of nngeom train
        if (d.isClassification()) {
            if (outputs < d.classes()) {
                throw RunConfig.bad("arch", "the data have " + d.classes() + " classes, but the network has " + outputs
                        + " output" + (outputs == 1 ? "" : "s"));
            }
            d = outputs == d.classes() ? d : Dataset.classification(d.x(), d.labels(), outputs);
        } else if (outputs != d.targetDim()) {
            throw RunConfig.bad("arch", "the data have " + d.targetDim() + " target column(s), but the network has "
                    + outputs + " output" + (outputs == 1 ? "" : "s"));
        }
        if (d.inputDim() != 2) {
            throw RunConfig.bad("data", "the explorer draws 2-D inputs; these data have " + d.inputDim() + " input columns");
        }
        // as LossOption.resolve of nngeom train
        Loss loss = c.lossValue() != null ? c.lossValue() : d.isClassification() ? Loss.SOFTMAX_CE : Loss.MSE;
        if (loss == Loss.SOFTMAX_CE && !d.isClassification()) {
            throw RunConfig.bad("loss", "softmax needs class labels; these data have a real-valued target (use mse)");
        }
        long seed = c.seed();
        Mlp init;
        if (c.init().equals("model")) {
            if (servedModel == null) {
                throw RunConfig.bad("init", "no model was given to nngeom serve --model");
            }
            if (!Arrays.equals(servedModel.sizes(), sizes)) {
                throw RunConfig.bad("arch", c.arch() + " does not match the served model's " + servedModel.architecture());
            }
            init = servedModel;
        } else {
            // as TrainCommand: the initialisation and the batches from child seeds of --seed
            init = Mlp.random(sizes, c.activationValue(), Seeds.rng(Seeds.child(seed, "init")));
        }
        Optimizer o = c.optimizerValue();
        TrainingOptions opts = TrainingOptions.defaults(o).withIterations(limits.steps())
                .withSeed(Seeds.child(seed, "train"));
        if (c.lr() != null) {
            opts = opts.withLearningRate(c.lr());
        }
        if (c.batch() != null) {
            opts = opts.withBatchSize(c.batch());
        }
        Objective objective = Objective.of(loss, c.penaltyValue());
        synchronized (this) {
            sweep();
            if (runs.size() >= limits.runs()) {
                throw new ApiException(429, "too many runs (" + limits.runs() + " alive); delete one or wait");
            }
            String id = HexFormat.of().formatHex(bytes());
            Run r = new Run(id, c, d, init, objective, opts, cpu);
            runs.put(id, r);
            return r;
        }
    }

    private byte[] bytes() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }

    /** The run {@code id}; 404 when the id is malformed or unknown. */
    synchronized Run get(String id) {
        Run r = ID.matcher(id).matches() ? runs.get(id) : null;
        if (r == null) {
            throw ApiException.notFound("no run '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'");
        }
        r.touch();
        return r;
    }

    void delete(String id) {
        Run r = get(id);
        synchronized (this) {
            runs.remove(r.id);
        }
        r.close();
    }

    /** Stores an uploaded data set; drops the oldest beyond {@link Limits#uploads}. */
    synchronized String upload(Dataset d) {
        String id = HexFormat.of().formatHex(bytes());
        uploads.put(id, d);
        while (uploads.size() > limits.uploads()) {
            uploads.remove(uploads.keySet().iterator().next());
        }
        return id;
    }

    private Dataset data(RunConfig c) {
        String name = c.data();
        if (name.equals("file")) {
            if (served == null) {
                throw RunConfig.bad("data", "no data file was given to nngeom serve --data");
            }
            return served;
        }
        if (name.startsWith("upload:")) {
            Dataset d;
            synchronized (this) {
                d = uploads.get(name.substring(7));
            }
            if (d == null) {
                throw RunConfig.bad("data", "no uploaded data set '" + name + "' (uploads are kept while the server runs, "
                        + limits.uploads() + " at most)");
            }
            return d;
        }
        return Datasets.builtin(name, c.n(), c.noise(), c.seed());
    }

    /** Pauses runs nobody watches and removes long-idle ones. */
    synchronized void sweep() {
        List<Run> gone = new ArrayList<>();
        for (Run r : runs.values()) {
            if (r.idleNanos() > IDLE_REMOVE_NANOS) {
                gone.add(r);
            } else if (r.idleNanos() > IDLE_PAUSE_NANOS && r.latest().state() == Run.State.PLAYING) {
                r.pause();
            }
        }
        for (Run r : gone) {
            runs.remove(r.id);
            r.close();
        }
    }

    /** Ends every run (server shutdown). */
    void closeAll() {
        List<Run> all;
        synchronized (this) {
            all = new ArrayList<>(runs.values());
            runs.clear();
        }
        all.forEach(Run::close);
    }
}
