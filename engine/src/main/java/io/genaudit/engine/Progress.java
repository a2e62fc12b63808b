package io.genaudit.engine;

/**
 * Progress of a long step (training epochs, evaluation batches). Implementations draw a progress bar on a terminal
 * and print plain log lines otherwise; {@link #NONE} discards everything (tests).
 */
public interface Progress extends AutoCloseable {
    /** Advances by {@code n} units. */
    void step(long n);

    /** Sets a short status text, e.g. the current loss. */
    void message(String text);

    @Override
    void close();

    /** Creates progress trackers for named tasks. */
    interface Factory {
        Progress start(String task, long total, String unit);
    }

    Progress NONE = new Progress() {
        public void step(long n) { }
        public void message(String text) { }
        public void close() { }
    };

    Factory SILENT = (task, total, unit) -> NONE;
}
