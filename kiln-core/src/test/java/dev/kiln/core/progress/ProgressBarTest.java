package dev.kiln.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersFractionCountsRateAndTimeLeft() {
        // 400 of 1000 in 4 s: 100/s, 600 left → 6 s; 40% of 24 cells → 10 filled.
        assertThat(ProgressBar.render("Training", 400, 1000, 4.0, "loss 0.25"))
                .isEqualTo("Training [██████████··············]  40%  400/1000  100/s  ETA 0:06  loss 0.25");
        assertThat(ProgressBar.render("Fitting", 1000, 1000, 75.0, ""))
                .isEqualTo("Fitting [████████████████████████] 100%  1000/1000  13.3/s  done in 1:15");
        assertThat(ProgressBar.render("Reading", 1_234_567, -1, 3723, null))
                .isEqualTo("Reading 1.23M  331.6/s  1:02:03");
    }

    @Test
    void redrawsInPlaceAtMostTenTimesASecond() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar("Job", 10, out, now::get);
        for (int i = 0; i < 10; i++) {
            now.addAndGet(30_000_000L);
            bar.step();
        }
        bar.close();
        String text = bytes.toString(StandardCharsets.UTF_8);
        // 300 ms of steps every 30 ms: draws at 0.03 (first), 0.15, 0.27 s, then the final frame.
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(4);
        assertThat(text).endsWith("\n").contains("100%  10/10");
    }

    @Test
    void logLinesSayPercentRateAndStatus() {
        AtomicLong now = new AtomicLong();
        ProgressLog log = new ProgressLog("Indexing", 200, now::get);
        now.set(2_000_000_000L);
        log.advance(50);
        log.status("batch 3");
        assertThat(log.line(now.get())).isEqualTo("Indexing: 25% (50/200), 25/s, elapsed 0:02, ETA 0:06, batch 3");
    }
}
