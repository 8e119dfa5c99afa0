package id.lapak.tenant.audit;

import id.lapak.tenant.json.JsonText;
import java.util.Map;

/** A small, deterministic JSON writer for the changed fields and details (text values only). */
final class AuditJson {
    private AuditJson() {}

    static String changes(Map<String, AuditEvent.Change> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder("{");
        changes.forEach((field, change) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(field))
                    .append(":{\"before\":")
                    .append(quote(change.before()))
                    .append(",\"after\":")
                    .append(quote(change.after()))
                    .append('}');
        });
        return json.append('}').toString();
    }

    static String details(Map<String, String> details) {
        if (details.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder("{");
        details.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(name)).append(':').append(quote(value));
        });
        return json.append('}').toString();
    }

    static String quote(String value) {
        return JsonText.quote(value);
    }
}
