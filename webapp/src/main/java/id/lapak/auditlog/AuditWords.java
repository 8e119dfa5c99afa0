package id.lapak.auditlog;

import id.lapak.tenant.audit.AuditRecord;
import id.lapak.ui.Translator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry as a person reads it: the action as a sentence ("Store updated"), who did it with their role in
 * words, what was touched without its identifier, the changes as "Field: before → after", and a loopback address
 * as "localhost". Identifiers and the raw record stay available in the entry's detail panel, not in the list.
 */
final class AuditWords {

    /** One label/value line of the detail panel. */
    record Line(String label, String value) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private final Translator t;

    AuditWords(Translator translator) {
        this.t = translator;
    }

    /** Every action that has words, as recorded (e.g. {@code store.update}), for choosing one in a filter. */
    static List<String> knownActions() {
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.ROOT);
        return bundle.keySet().stream()
                .filter(k -> k.startsWith("audit.action."))
                .map(k -> k.substring("audit.action.".length()))
                .sorted()
                .toList();
    }

    String action(String action) {
        return known("audit.action." + action).orElse(humane(action.substring(action.lastIndexOf('.') + 1)));
    }

    /** "Maju Admin · Merchant admin"; a device "Kasir 1 · Card reader device"; Lapak's own jobs by their name. */
    String actor(AuditRecord r) {
        if ("SYSTEM".equals(r.actorKind())) {
            // Lapak's own work (billing, reports, the acquirer's answers): named, not shown as a job's code name.
            String name = r.actorName() == null ? "" : r.actorName().strip();
            return known("audit.system." + name.replace(' ', '-')).orElse(t.translate("audit.system", name));
        }
        String role = role(r.actorRole());
        return role.isEmpty() ? r.actorName() : r.actorName() + " · " + role;
    }

    String role(String roles) {
        if (roles == null || roles.isBlank()) {
            return "";
        }
        return Arrays.stream(roles.split(","))
                .map(String::strip)
                .map(role -> known("role." + role).orElse(humane(role.toLowerCase(Locale.ROOT))))
                .collect(Collectors.joining(", "));
    }

    /** What the action touched, by kind only ("Store", "Sale"); its identifier is in the detail panel. */
    String subject(AuditRecord r) {
        return r.entityType() == null
                ? ""
                : known("audit.entity." + r.entityType()).orElse(humane(r.entityType()));
    }

    /** The changes and details in one line, leaving out values that are only identifiers. */
    String summary(AuditRecord r) {
        List<String> parts = new ArrayList<>();
        changes(r.changes()).forEach((field, change) -> {
            if (!UUID_TEXT.matcher(change).find()) {
                parts.add(field(field) + ": " + change);
            }
        });
        details(r.details()).forEach((name, value) -> {
            if (!UUID_TEXT.matcher(value).find()) {
                parts.add(field(name) + ": " + value);
            }
        });
        return String.join("; ", parts);
    }

    /** Every fact of the entry, identifiers included, for the detail panel. */
    List<Line> lines(AuditRecord r, String when) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(t.translate("audit.column.time"), when));
        lines.add(new Line(t.translate("audit.column.actor"), r.actorName()));
        if (r.actorRole() != null) {
            lines.add(new Line(t.translate("audit.detail.role"), role(r.actorRole())));
        }
        lines.add(new Line(t.translate("audit.column.action"), action(r.action())));
        if (r.entityType() != null) {
            lines.add(new Line(t.translate("audit.column.entity"), subject(r)));
        }
        if (r.entityId() != null) {
            lines.add(new Line(t.translate("audit.detail.reference"), r.entityId()));
        }
        changes(r.changes()).forEach((field, change) -> lines.add(new Line(field(field), change)));
        details(r.details()).forEach((name, value) -> lines.add(new Line(field(name), value)));
        if (r.ip() != null) {
            lines.add(new Line(t.translate("audit.column.ip"), address(r.ip())));
        }
        if (r.userAgent() != null && !r.userAgent().isBlank()) {
            lines.add(new Line(t.translate("audit.detail.browser"), r.userAgent()));
        }
        lines.add(new Line(t.translate("audit.detail.action"), r.action()));
        return lines;
    }

    /** A loopback address is this machine: "localhost" rather than {@code 0:0:0:0:0:0:0:1}. */
    static String address(String ip) {
        if (ip == null) {
            return "";
        }
        return switch (ip.strip()) {
            case "0:0:0:0:0:0:0:1", "::1", "127.0.0.1" -> "localhost";
            default -> ip.strip();
        };
    }

    String field(String name) {
        return known("audit.field." + name).orElse(humane(name));
    }

    private Map<String, String> changes(String json) {
        Map<String, String> changes = new LinkedHashMap<>();
        JsonNode node = parse(json);
        node.properties()
                .forEach(e -> changes.put(
                        e.getKey(),
                        value(e.getValue().get("before")) + " → "
                                + value(e.getValue().get("after"))));
        return changes;
    }

    private Map<String, String> details(String json) {
        Map<String, String> details = new LinkedHashMap<>();
        parse(json).properties().forEach(e -> details.put(e.getKey(), value(e.getValue())));
        return details;
    }

    private String value(JsonNode value) {
        if (value == null || value.isNull()) {
            return t.translate("audit.value.none");
        }
        String text = value.isString() ? value.asString() : value.toString();
        return switch (text) {
            case "true" -> t.translate("audit.value.yes");
            case "false" -> t.translate("audit.value.no");
            case "" -> t.translate("audit.value.none");
            default -> text;
        };
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node.isObject() ? node : JSON.createObjectNode();
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private Optional<String> known(String key) {
        String text = t.translate(key);
        return text == null || text.isBlank() || text.contains(key) ? Optional.empty() : Optional.of(text);
    }

    /** "amountMinor" → "Amount minor", "transfer_sent" → "Transfer sent": only for names without a label. */
    private static String humane(String name) {
        String words = CAMEL.matcher(name.replace('_', ' ').replace('.', ' '))
                .replaceAll(" ")
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
