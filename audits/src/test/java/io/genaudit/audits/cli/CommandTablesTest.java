package io.genaudit.audits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated metric commands print, below the headline, the tables of the result type's registered presenter (the rows
 * the report shows): found by result type, so every metric with a presenter gets them and none needs command code.
 */
class CommandTablesTest {
    @TempDir
    Path dir;

    private String out(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter sw = new StringWriter();
        cl.setOut(new PrintWriter(sw, true));
        assertEquals(ExitCodes.OK, cl.execute(args), String.join(" ", args));
        return sw.toString();
    }

    @Test
    void diversityPrintsItsPresentersTablesAlignedUnderTheHeadline() throws Exception {
        Path text = dir.resolve("gen.txt");
        Files.writeString(text, "the cat sat\nthe cat sat\nthe dog ran\na bird flew away over the long grey hills of the north\n");
        List<String> lines = out("diversity", "--text", text.toString(), "--bootstrap", "0").lines().toList();
        assertTrue(lines.get(0).startsWith("diversity "), lines.get(0));
        int title = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("Diversity")).findFirst().orElseThrow(
                () -> new AssertionError("no table title in " + lines)));
        String header = lines.get(title + 1), rule = lines.get(title + 2);
        assertTrue(rule.strip().matches("-+( +-+)+"), rule);
        assertTrue(header.strip().startsWith("figure") && header.indexOf("generated") == rule.indexOf("  -", 3) + 2, header + "\n" + rule);
        assertTrue(lines.stream().anyMatch(l -> l.strip().startsWith("distinct")), String.join("\n", lines));
    }

    @Test
    void longCellsAreCutAndLineBreaksFlattened() {
        io.genaudit.reports.Table t = new io.genaudit.reports.Table("T", List.of("a", "b"),
                List.of(List.of("x".repeat(100), "multi\nline"), List.of("y", "z")));
        assertEquals(List.of("T",
                "  a" + " ".repeat(59) + "  b",
                "  " + "-".repeat(60) + "  " + "-".repeat(10),
                "  " + "x".repeat(59) + "…  multi line",
                "  y" + " ".repeat(59) + "  z"), TerminalTables.lines(t, ""));
    }
}
