package id.lapak.tenant.json;

/**
 * The one JSON string writer of the hand-built JSON documents (the audit log's canonical change and detail
 * documents, whose exact bytes are hashed into the chain, and the tenant export's manifest): quotes, backslashes and
 * control characters escaped, everything else as it is. It must never change its output, or recorded audit entries
 * would no longer verify.
 */
public final class JsonText {

    private JsonText() {}

    /** {@code value} as a JSON string literal; {@code null} for null. */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
