package io.genaudit.audits.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the genaudit packages a Java source file refers to (imports, static imports and fully qualified names in
 * code), ignoring comments, string and character literals and the file's own package declaration, so that the
 * layering test reads what the compiler would link against and not what the Javadoc mentions.
 */
final class JavaReferenceScanner {

    /** One reference: the 1-based line, the top-level genaudit package ({@code engine}) and the full name. */
    record Reference(int line, String layer, String name) {}

    private static final Pattern GENAUDIT_NAME = Pattern.compile("\\bio\\s*\\.\\s*genaudit\\s*\\.\\s*([A-Za-z_]\\w*)((?:\\s*\\.\\s*[A-Za-z_*]\\w*)*)");
    private static final Pattern PACKAGE_DECLARATION = Pattern.compile("^\\s*package\\s+[\\w.\\s]+;", Pattern.MULTILINE);

    private JavaReferenceScanner() {
    }

    /** The genaudit references in {@code source}, in order of appearance. */
    static List<Reference> references(String source) {
        String code = blankPackageDeclaration(codeOnly(source));
        List<Reference> found = new ArrayList<>();
        Matcher m = GENAUDIT_NAME.matcher(code);
        int line = 1;
        int counted = 0;
        while (m.find()) {
            for (; counted < m.start(); counted++) {
                line += code.charAt(counted) == '\n' ? 1 : 0;
            }
            String name = ("io.genaudit." + m.group(1) + m.group(2)).replaceAll("\\s", "");
            found.add(new Reference(line, m.group(1), name));
        }
        return found;
    }

    private static String blankPackageDeclaration(String code) {
        Matcher m = PACKAGE_DECLARATION.matcher(code);
        return m.find() ? code.substring(0, m.start()) + blank(m.group()) + code.substring(m.end()) : code;
    }

    /**
     * The source with comments and the contents of string, text-block and character literals replaced by spaces;
     * line breaks are kept so that line numbers stay true.
     */
    static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = closing(s, i + 3, "\"\"\"");
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                end = closing(s, i + 1, String.valueOf(s.charAt(i)));
            } else {
                out.append(s.charAt(i++));
                continue;
            }
            out.append(blank(s.substring(i, end)));
            i = end;
        }
        return out.toString();
    }

    /** The index just past the first unescaped {@code delimiter} at or after {@code from} (or the end of s). */
    private static int closing(String s, int from, String delimiter) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith(delimiter, i)) {
                return i + delimiter.length();
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static String blank(String text) {
        return text.replaceAll("[^\\n]", " ");
    }
}
