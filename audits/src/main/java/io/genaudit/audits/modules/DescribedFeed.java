package io.genaudit.audits.modules;

import io.genaudit.audits.metric.InputFeed;

import java.util.List;
import java.util.Map;

/**
 * An {@link InputFeed} whose description (subject, dataset, settings, notes) is known when it is opened; subclasses
 * supply only {@link #feed}. The bias inputs of plans and the command line use it.
 *
 * @param <I> the batch type
 */
public abstract class DescribedFeed<I> implements InputFeed<I> {
    private final String subject;
    private final String datasetLabel;
    private final Map<String, Object> settings;
    private final List<String> notes;

    protected DescribedFeed(String subject, String datasetLabel, Map<String, Object> settings, List<String> notes) {
        this.subject = subject;
        this.datasetLabel = datasetLabel == null ? "" : datasetLabel;
        this.settings = settings;
        this.notes = List.copyOf(notes);
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public String datasetLabel() {
        return datasetLabel;
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public List<String> notes() {
        return notes;
    }
}
