package id.lapak.catalog.items;

import java.util.List;

/**
 * What an import would do: the variants it creates and updates (with their lines), how many rows change nothing,
 * the categories it creates, and every bad row with its line number and reason. Nothing is applied unless it has no
 * errors and is confirmed.
 */
public record ImportPreview(
        int rows,
        List<Line> creates,
        List<Line> updates,
        int unchanged,
        List<String> newCategories,
        List<Problem> errors) {

    /** A row that creates or changes a variant; {@code change} describes it (e.g. the price before and after). */
    public record Line(int line, String sku, String itemName, String change) {}

    /** A bad row: its line, the column, a translation key for the reason and the value as read. */
    public record Problem(int line, String column, String messageKey, String value) {}

    public boolean applicable() {
        return errors.isEmpty() && (!creates.isEmpty() || !updates.isEmpty());
    }
}
