package io.nngeom.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Small dense linear programs: minimise cᵀx subject to A x ≤ b (rows added with {@link #lessEq}), equality
 * rows ({@link #equal}) and per-variable bounds (free by default). Solved by the simplex method of Hipparchus
 * (pure Java); meant for the few-variable LPs of region feasibility, linear separability and Chebyshev
 * centres. Not thread-safe; build one per problem.
 */
public final class LinearProgram {
    /** Hipparchus' simplex tolerance on reduced costs and feasibility. */
    public static final double SIMPLEX_EPSILON = 1e-9;
    private static final int MAX_ITER = 100_000;

    private final int n;
    private final double[] cost;
    private final double[] lower;
    private final double[] upper;
    private final List<LinearConstraint> rows = new ArrayList<>();

    /** An LP in {@code variables} free variables with objective 0. */
    public LinearProgram(int variables) {
        if (variables <= 0) {
            throw new IllegalArgumentException("an LP needs at least one variable");
        }
        this.n = variables;
        this.cost = new double[variables];
        this.lower = new double[variables];
        this.upper = new double[variables];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
    }

    public int variables() {
        return n;
    }

    /** Objective: minimise cᵀx. */
    public LinearProgram minimize(double[] c) {
        check(c);
        System.arraycopy(c, 0, cost, 0, n);
        return this;
    }

    /** Objective: maximise cᵀx (stored as minimising −cᵀx; {@link Result#value()} reports cᵀx). */
    public LinearProgram maximize(double[] c) {
        check(c);
        for (int i = 0; i < n; i++) {
            cost[i] = -c[i];
        }
        maximizing = true;
        return this;
    }

    private boolean maximizing;

    /** Adds the row aᵀx ≤ b. */
    public LinearProgram lessEq(double[] a, double b) {
        check(a);
        rows.add(new LinearConstraint(a.clone(), Relationship.LEQ, b));
        return this;
    }

    /** Adds the row aᵀx ≥ b. */
    public LinearProgram greaterEq(double[] a, double b) {
        check(a);
        rows.add(new LinearConstraint(a.clone(), Relationship.GEQ, b));
        return this;
    }

    /** Adds the row aᵀx = b. */
    public LinearProgram equal(double[] a, double b) {
        check(a);
        rows.add(new LinearConstraint(a.clone(), Relationship.EQ, b));
        return this;
    }

    /** Bounds lo ≤ x_i ≤ hi (infinite values allowed). */
    public LinearProgram bound(int i, double lo, double hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("empty bound [" + lo + ", " + hi + "] on variable " + i);
        }
        lower[i] = lo;
        upper[i] = hi;
        return this;
    }

    public Result solve() {
        List<LinearConstraint> all = new ArrayList<>(rows);
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            if (Double.isFinite(lower[i])) {
                all.add(new LinearConstraint(e, Relationship.GEQ, lower[i]));
            }
            if (Double.isFinite(upper[i])) {
                all.add(new LinearConstraint(e.clone(), Relationship.LEQ, upper[i]));
            }
        }
        try {
            PointValuePair p = new SimplexSolver(SIMPLEX_EPSILON).optimize(new MaxIter(MAX_ITER),
                    new LinearObjectiveFunction(cost, 0), new LinearConstraintSet(all), GoalType.MINIMIZE,
                    new NonNegativeConstraint(false));
            double v = p.getValue();
            return new Result(Status.OPTIMAL, p.getPoint(), maximizing ? -v : v);
        } catch (MathIllegalStateException e) {
            String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (msg.contains("unbounded")) {
                return new Result(Status.UNBOUNDED, null, maximizing ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            }
            if (msg.contains("feasible")) {
                return new Result(Status.INFEASIBLE, null, Double.NaN);
            }
            throw new ArithmeticException("LP solver failed: " + e.getMessage());
        }
    }

    private void check(double[] a) {
        if (a.length != n) {
            throw new IllegalArgumentException("row has " + a.length + " coefficients, LP has " + n + " variables");
        }
    }

    /** Outcome of an LP. */
    public enum Status { OPTIMAL, INFEASIBLE, UNBOUNDED }

    /**
     * @param x an optimal point (null unless OPTIMAL)
     * @param value the optimal value of the objective as stated (maximised or minimised)
     */
    public record Result(Status status, double[] x, double value) {
        public boolean optimal() {
            return status == Status.OPTIMAL;
        }
    }
}
