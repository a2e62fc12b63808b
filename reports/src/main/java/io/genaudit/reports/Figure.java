package io.genaudit.reports;

/** An image shown in the report (a contact sheet, a spectrum): PNG bytes as base64, inlined as a data URI. */
public record Figure(String title, String caption, String mimeType, String base64) {
}
