package io.genaudit.audits.modules;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.engine.Progress;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectionInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The batches of one {@code detectability} input, plan or command line: feeding starts a {@link DetectionRun} and
 * performs the input's {@link #steps}; subject, dataset, settings and notes are the run's. Subclasses say only where
 * the images come from.
 */
public abstract class DetectionFeed extends DescribedFeed<DetectionInput> {
    private final DetectabilitySettings settings;
    private final Progress.Factory progress;
    private DetectionRun run;

    /**
     * @param subject    the audited generator (model id or samples folder)
     * @param dataset    the real images' dataset
     * @param inputNotes caveats found while reading the parameters
     */
    protected DetectionFeed(DetectabilitySettings settings, Progress.Factory progress, String subject, String dataset, List<String> inputNotes) {
        super(subject, dataset, Map.of(), inputNotes);
        this.settings = settings;
        this.progress = progress;
    }

    /** The input's steps: images, scores, marks (see {@link DetectionRun}). */
    protected abstract void steps(DetectionRun run) throws Exception;

    @Override
    public final void feed(Consumer<? super DetectionInput> sink) throws Exception {
        run = new DetectionRun(settings, progress, sink);
        super.notes().forEach(run::note);
        steps(run);
    }

    @Override
    public Map<String, Object> settings() {
        return run == null ? new LinkedHashMap<>() : run.settings();
    }

    @Override
    public List<String> notes() {
        return run == null ? super.notes() : run.notes();
    }
}
