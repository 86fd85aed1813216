package io.nngeom.lowrank.experiments;

import io.nngeom.validate.Experiment;

/** A lowrank experiment: its name and title; subclasses implement {@link #run}. */
abstract class LowRankExperiment implements Experiment {
    private final String name;
    private final String title;

    LowRankExperiment(String name, String title) {
        this.name = name;
        this.title = title;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }
}
