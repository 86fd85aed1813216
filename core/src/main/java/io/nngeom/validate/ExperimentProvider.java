package io.nngeom.validate;

import java.util.List;

/**
 * Service interface (java.util.ServiceLoader): each module lists its experiments in
 * {@code META-INF/services/io.nngeom.validate.ExperimentProvider}.
 */
public interface ExperimentProvider {
    List<Experiment> experiments();
}
