package io.genaudit.audits;

/** The running genaudit version, from the jar manifest (or "dev" when run from classes). */
public final class GenauditVersion {
    private GenauditVersion() {
    }

    public static String get() {
        String v = GenauditVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
