package io.genaudit.metrics.energy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs light periodic work for running sessions (RAPL wrap-around tracking, memory sampling) on one daemon thread,
 * so a long phase neither misses a counter wrap nor averages memory from two points only. Tests use {@link #manual()}.
 */
public interface Ticker {
    /** Calls {@code task} periodically until the returned handle is closed. */
    Registration every(Runnable task);

    /** Stops a periodic task. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** A ticker on one shared daemon thread, calling each task every {@code periodMillis}. */
    static Ticker scheduled(long periodMillis) {
        if (periodMillis <= 0) throw new IllegalArgumentException("tick period must be positive, found " + periodMillis);
        return new Scheduled(periodMillis);
    }

    /** A ticker that runs its tasks only when {@link Manual#tick()} is called (tests). */
    static Manual manual() {
        return new Manual();
    }

    /** The scheduled implementation; its thread starts with the first task and is a daemon. */
    final class Scheduled implements Ticker {
        private final long periodMillis;
        private ScheduledExecutorService executor;

        private Scheduled(long periodMillis) {
            this.periodMillis = periodMillis;
        }

        private synchronized ScheduledExecutorService executor() {
            if (executor == null) {
                executor = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "genaudit-energy-ticker");
                    t.setDaemon(true);
                    return t;
                });
            }
            return executor;
        }

        @Override
        public Registration every(Runnable task) {
            ScheduledFuture<?> f = executor().scheduleAtFixedRate(() -> {
                try {
                    task.run();
                } catch (RuntimeException ignored) {
                    // a failed sample is retried at the next tick; the session reports failures at stop
                }
            }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }
    }

    /** A ticker driven by hand. */
    final class Manual implements Ticker {
        private final List<Runnable> tasks = new CopyOnWriteArrayList<>();

        private Manual() {
        }

        @Override
        public Registration every(Runnable task) {
            tasks.add(task);
            return () -> tasks.remove(task);
        }

        /** Runs every registered task once. */
        public void tick() {
            for (Runnable r : tasks) r.run();
        }

        /** How many tasks are registered. */
        public int registered() {
            return tasks.size();
        }
    }
}
