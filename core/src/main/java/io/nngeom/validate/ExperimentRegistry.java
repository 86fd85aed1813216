package io.nngeom.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** All experiments on the class path, found through {@link ExperimentProvider} services, sorted by area order then name. */
public final class ExperimentRegistry {
    private static final List<String> AREA_ORDER = List.of("foundation", "minimizers", "lowrank", "piecewise", "convex");

    private ExperimentRegistry() {
    }

    public static List<Experiment> all() {
        List<Experiment> list = new ArrayList<>();
        for (ExperimentProvider p : ServiceLoader.load(ExperimentProvider.class)) {
            list.addAll(p.experiments());
        }
        list.sort(Comparator.comparingInt((Experiment e) -> {
            int i = AREA_ORDER.indexOf(e.area());
            return i < 0 ? AREA_ORDER.size() : i;
        }).thenComparing(Experiment::name));
        return list;
    }

    /** Experiments whose name matches a glob ({@code *} any run of characters, {@code ?} one character). */
    public static List<Experiment> matching(String glob) {
        Pattern p = globPattern(glob);
        return all().stream().filter(e -> p.matcher(e.name()).matches()).toList();
    }

    static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
