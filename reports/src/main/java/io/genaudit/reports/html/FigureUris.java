package io.genaudit.reports.html;

import io.genaudit.reports.Figure;

import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the data URI of a figure for an {@code <img src>}: only raster image types, only valid base64, so a figure
 * from a model or module can never smuggle markup or a remote URL into the report.
 */
public final class FigureUris {
    static final Set<String> ALLOWED = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

    private FigureUris() {
    }

    /** The figure's view: a data URI, or none with the reason. */
    public static Views.FigureView view(Figure f) {
        String mime = f.mimeType() == null ? "image/png" : f.mimeType().trim().toLowerCase(java.util.Locale.ROOT);
        String data = f.base64() == null ? "" : f.base64().replaceAll("\\s", "");
        String problem = null;
        if (!ALLOWED.contains(mime)) {
            problem = "figure omitted: image type \"" + f.mimeType() + "\" is not one of " + ALLOWED.stream().sorted().toList();
        } else if (data.isEmpty() || !BASE64.matcher(data).matches()) {
            problem = "figure omitted: its data is not base64";
        } else {
            try {
                Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                problem = "figure omitted: its data is not valid base64";
            }
        }
        return new Views.FigureView(f.title(), f.caption(), problem == null ? "data:" + mime + ";base64," + data : null, problem);
    }
}
