package io.nngeom.validate;

/** Outcome of one experiment. REPORT: a measurement shown as it is, with no pass/fail criterion. */
public enum Verdict { PASS, FAIL, REPORT }
