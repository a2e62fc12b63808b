package io.genaudit.audits.cli;

/**
 * Marker for a picocli {@code @Command} class that is a genaudit subcommand ({@code demo}, {@code audit}, {@code fid},
 * ...). Subcommands are found with ServiceLoader (META-INF/services/io.genaudit.audits.cli.GenauditSubcommand) so each
 * metric module adds its own without touching the main command. Implementations are {@code Callable<Integer>}
 * returning an {@link ExitCodes} value.
 */
public interface GenauditSubcommand {
}
