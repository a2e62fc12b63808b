package io.genaudit.audits.cli;

import io.genaudit.engine.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on the console: a live progress bar when standard error is a terminal (the launcher says so with
 * {@code -Dgenaudit.tty=true}), plain log lines every 10% otherwise, so CI logs stay readable.
 */
public final class ConsoleProgress {
    private ConsoleProgress() {
    }

    /** The factory suited to this process's standard error. */
    public static Progress.Factory factory() {
        boolean tty = Boolean.getBoolean("genaudit.tty");
        return tty ? ConsoleProgress::bar : (task, total, unit) -> new LogLines(task, total, unit, System.err);
    }

    private static Progress bar(String task, long total, String unit) {
        ProgressBar pb = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(200).continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        return new Progress() {
            public void step(long n) {
                pb.stepBy(n);
            }

            public void message(String text) {
                pb.setExtraMessage(" " + text);
            }

            public void close() {
                pb.close();
            }
        };
    }

    /** Plain lines for non-terminals: one at each 10% and one at the end. */
    static final class LogLines implements Progress {
        private final String task;
        private final long total;
        private final String unit;
        private final PrintStream out;
        private final long t0 = System.nanoTime();
        private long done;
        private int lastDecile = -1;
        private String msg = "";

        LogLines(String task, long total, String unit, PrintStream out) {
            this.task = task;
            this.total = Math.max(1, total);
            this.unit = unit;
            this.out = out;
        }

        @Override
        public synchronized void step(long n) {
            done += n;
            int decile = (int) Math.min(10, done * 10 / total);
            if (decile > lastDecile && decile < 10) {
                lastDecile = decile;
                line();
            }
        }

        @Override
        public synchronized void message(String text) {
            msg = text;
        }

        @Override
        public synchronized void close() {
            line();
        }

        private void line() {
            double s = (System.nanoTime() - t0) / 1e9;
            out.println(String.format(Locale.ROOT, "genaudit: %s %d/%d %s (%d%%) %.1fs%s", task, done, total, unit,
                    done * 100 / total, s, msg.isEmpty() ? "" : " " + msg));
        }
    }
}
