package io.genaudit.audits.evidence;

/** Member names and type URIs of a genaudit evidence bundle (a zip); docs/evidence.md describes the layout. */
public final class BundleLayout {
    /** Folder of the run's output files inside the bundle. */
    public static final String RUN_PREFIX = "run/";
    /** Folder of the plan the run executed. */
    public static final String PLAN_PREFIX = "plan/";
    /** The manifest of digests (bundle members and run inputs). */
    public static final String MANIFEST = "manifest.json";
    /** The signer's public key (PEM), itself a signed subject. */
    public static final String PUBLIC_KEY = "signer.pub";
    /** The DSSE envelope holding the signed in-toto statement; the one member not listed among the subjects. */
    public static final String ENVELOPE = "statement.dsse.json";
    /** in-toto Statement v1. */
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    /** genaudit's predicate type for evidence bundles. */
    public static final String PREDICATE_TYPE = "https://genaudit.io/attestation/evidence-bundle/v1";
    /** Manifest format identifier. */
    public static final String MANIFEST_FORMAT = "genaudit-evidence-manifest/1";
    /** Largest bundle or run folder handled, in bytes. */
    public static final long MAX_BYTES = 1L << 30;

    private BundleLayout() {
    }
}
