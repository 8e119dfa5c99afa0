package id.lapak.reports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The file a subscribed report is attached as. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The table as this file, through {@link ReportFiles} like the page's exports. */
    public byte[] render(ReportTable table, Locale locale) {
        return switch (this) {
            case PDF -> ReportFiles.pdf(table, locale);
            case XLSX -> ReportFiles.xlsx(table);
            case CSV -> ReportFiles.csv(table).getBytes(StandardCharsets.UTF_8);
        };
    }
}
