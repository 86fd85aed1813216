package io.nngeom.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, checked on the compiled classes: core depends on no other module;
 * solvers only on core; the four theory modules never on one another (nor on report or cli); and the command line
 * reaches an area through its API, not through its experiments.
 */
class ArchitectureTest {
    static final List<String> THEORIES = List.of("lowrank", "piecewise", "convex", "minimizers");
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.nngeom");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAnyPackage("io.nngeom.linalg..", "io.nngeom.net..", "io.nngeom.train..", "io.nngeom.data..",
                        "io.nngeom.io..", "io.nngeom.optim..", "io.nngeom.regions..", "io.nngeom.run..", "io.nngeom.validate..", "io.nngeom.plot..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nngeom.solvers..", "io.nngeom.lowrank..", "io.nngeom.piecewise..",
                        "io.nngeom.convex..", "io.nngeom.minimizers..", "io.nngeom.report..", "io.nngeom.cli..")
                .check(classes);
    }

    @Test
    void solversDependOnCoreOnly() {
        noClasses().that().resideInAPackage("io.nngeom.solvers..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nngeom.lowrank..", "io.nngeom.piecewise..", "io.nngeom.convex..",
                        "io.nngeom.minimizers..", "io.nngeom.report..", "io.nngeom.cli..")
                .check(classes);
    }

    @Test
    void theoriesNeverDependOnEachOtherNorOnReportOrCli() {
        for (String t : THEORIES) {
            String[] others = THEORIES.stream().filter(o -> !o.equals(t)).map(o -> "io.nngeom." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.nngeom." + t + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
            noClasses().that().resideInAPackage("io.nngeom." + t + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("io.nngeom.report..", "io.nngeom.cli..")
                    .check(classes);
        }
    }

    @Test
    void explainDependsOnCoreAndTheTheoriesOnlyAndOnlyCliOnIt() {
        noClasses().that().resideInAPackage("io.nngeom.explain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nngeom.report..", "io.nngeom.cli..", "io.nngeom.solvers..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("io.nngeom.explain..", "io.nngeom.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.nngeom.explain..")
                .check(classes);
    }

    @Test
    void commandsUseTheAreasApisNotTheirExperiments() {
        noClasses().that().resideInAPackage("io.nngeom.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nngeom..experiments..")
                .check(classes);
    }

    @Test
    void experimentsAreFoundAsServicesNotReferenced() {
        for (String t : List.of("lowrank", "piecewise", "convex", "minimizers", "explain")) {
            noClasses().that().resideOutsideOfPackage("io.nngeom." + t + ".experiments..")
                    .should().dependOnClassesThat().resideInAPackage("io.nngeom." + t + ".experiments..")
                    .check(classes);
        }
    }

    @Test
    void serveDependsOnCoreOnly() {
        noClasses().that().resideInAPackage("io.nngeom.serve..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nngeom.solvers..", "io.nngeom.lowrank..", "io.nngeom.piecewise..",
                        "io.nngeom.convex..", "io.nngeom.minimizers..", "io.nngeom.report..", "io.nngeom.cli..", "io.nngeom.explain..")
                .check(classes);
    }
}
