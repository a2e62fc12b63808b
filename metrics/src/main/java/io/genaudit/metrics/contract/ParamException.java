package io.genaudit.metrics.contract;

/**
 * A metric parameter with a bad value. The plan adapter turns it into a plan error naming the plan file and field,
 * the command-line adapter into a one-line error naming the option; both exit 2.
 */
public final class ParamException extends IllegalArgumentException {
    private final String parameter;

    public ParamException(String parameter, String problem) {
        super(problem);
        this.parameter = parameter;
    }

    /** The parameter's record component name (its plan key). */
    public String parameter() {
        return parameter;
    }
}
