package io.nngeom.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StderrProgressTest {

    @Test
    void offATerminalOneLinePerIntervalAfterTheDelayAndTheFinishLineAlways() throws InterruptedException {
        StringWriter w = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(w), false, 0.2, 10);
        p.update("train adam", 1, 10, "objective 3");
        assertThat(w.toString()).isEmpty();
        Thread.sleep(250);
        p.update("train adam", 2, 10, "objective 2");
        p.update("train adam", 3, 10, "objective 1.5");
        p.finish("train adam", 10, 10, "objective 0.5");
        p.close();
        assertThat(w.toString().lines().toList()).hasSize(2);
        assertThat(w.toString()).doesNotContain("\r").doesNotContain("\u001b");
        assertThat(w.toString().lines().toList().get(0)).startsWith("train adam 2/10 (20%) eta ").contains("objective 2  ");
        assertThat(w.toString().lines().toList().get(1)).startsWith("train adam 10/10 (100%)  objective 0.5  ");
    }

    @Test
    void offATerminalTheEndsOfPartsOfAnOperationWaitForTheInterval() {
        StringWriter w = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(w), false, 0, 10);
        p.update("[1/1] m.training: run 1/3: train adam", 1, 10, "");
        p.finish("[1/1] m.training: run 1/3: train adam", 10, 10, "objective 1");
        p.finish("[1/1] m.training: run 2/3: train adam", 10, 10, "objective 2");
        p.finish("train adam", 10, 10, "objective 3");
        assertThat(w.toString().lines().toList()).hasSize(2);
        assertThat(w.toString()).doesNotContain("objective 1").doesNotContain("objective 2").contains("objective 3");
    }

    @Test
    void nothingAtAllForARunShorterThanTheDelay() {
        StringWriter w = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(w), true, 5, 10);
        p.update("x", 1, 2, "");
        p.finish("x", 2, 2, "");
        p.close();
        assertThat(w.toString()).isEmpty();
    }

    @Test
    void onATerminalOneRedrawnLineThatClearErasesAndCloseEnds() throws InterruptedException {
        StringWriter w = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(w), true, 0, 10);
        p.update("regions", 5, 0, "patterns 5");
        assertThat(w.toString()).isEqualTo("\rregions 5  patterns 5  " + w.toString().substring(24));
        assertThat(w.toString()).endsWith("s\u001b[K");
        p.clear();
        assertThat(w.toString()).endsWith("\r\u001b[K");
        Thread.sleep(250);
        p.update("regions", 9, 0, "");
        p.close();
        assertThat(w.toString()).contains("\rregions 9  ").endsWith("\n");
    }

    @Test
    void theTimeShownIsTheOperationsAndRestartsWithTheNextOperation() throws InterruptedException {
        StringWriter w = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(w), false, 0, 0);
        p.update("[1/2] a.first", 0, 0, "");
        Thread.sleep(300);
        p.update("[1/2] a.first: instances", 1, 2, "");
        p.update("[2/2] a.second", 0, 0, "");
        List<String> lines = w.toString().lines().toList();
        assertThat(seconds(lines.get(1))).isGreaterThanOrEqualTo(0.3);
        assertThat(seconds(lines.get(2))).isLessThan(0.2);
        assertThat(lines.get(1)).contains("1/2 (50%) eta 0s");
    }

    private static double seconds(String line) {
        String last = line.substring(line.lastIndexOf(' ') + 1);
        return Double.parseDouble(last.substring(0, last.length() - 1));
    }

    @Test
    void prefixedNamesTheStep() {
        StringBuilder b = new StringBuilder();
        Progress p = (step, done, total, status) -> b.append(step).append(';');
        p.prefixed("lowrank.samples").update("training", 1, 2, "");
        assertThat(b).hasToString("lowrank.samples: training;");
    }

    @Test
    void heartbeatRepeatsTheLatestStateAndPassesUpdatesOn() throws InterruptedException {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (Heartbeat h = Heartbeat.start((step, done, total, status) -> seen.add(step + " " + done + " " + status),
                "experiment")) {
            h.update("experiment: instance", 2, 5, "n 10");
            Thread.sleep(700);
        }
        assertThat(seen.get(0)).isEqualTo("experiment 0 ");
        assertThat(seen.get(1)).isEqualTo("experiment: instance 2 n 10");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("experiment: instance 2 n 10");
    }

    @Test
    void heartbeatUpdatesUntilClosed() throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        Heartbeat h = Heartbeat.start((step, done, total, status) -> n.incrementAndGet(), "writing");
        try {
            Thread.sleep(700);
        } finally {
            h.close();
        }
        int seen = n.get();
        assertThat(seen).isBetween(2, 3);
        Thread.sleep(600);
        assertThat(n.get()).isEqualTo(seen);
    }
}
