package id.lapak.reports;

/** A report filter that cannot be read; {@link #getMessage()} is a translation key the page shows on the field. */
public class InvalidReportFilterException extends IllegalArgumentException {

    public InvalidReportFilterException(String key) {
        super(key);
    }
}
