package io.genaudit.audits.layers;

import java.util.Set;

/**
 * What one module's code may not refer to: a list of forbidden genaudit packages, or (self-contained) every genaudit
 * package other than its own.
 *
 * @param module        the module folder and top-level package, e.g. {@code engine} for {@code io.genaudit.engine}
 * @param forbidden     the top-level packages it must not refer to (unused when self-contained)
 * @param selfContained whether it may refer to no genaudit package but its own
 */
record LayerRule(String module, Set<String> forbidden, boolean selfContained) {

    static LayerRule forbidding(String module, String... packages) {
        return new LayerRule(module, Set.of(packages), false);
    }

    static LayerRule selfContained(String module) {
        return new LayerRule(module, Set.of(), true);
    }

    /** Whether code in this module may not refer to the top-level package {@code layer}. */
    boolean forbids(String layer) {
        return selfContained ? !layer.equals(module) : forbidden.contains(layer);
    }
}
