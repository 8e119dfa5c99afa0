package id.lapak.catalog.items;

import java.util.List;

/** An item's image as stored: its type (from its content) and bytes. */
public record ItemImage(String contentType, byte[] data) {

    public static final int MAX_BYTES = 512 * 1024;

    /** The type of an image by its first bytes; refuses anything that is not PNG, JPEG or WebP, or too large. */
    static String contentType(byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("image", "catalog.error.image.type")));
        }
        if (data.length > MAX_BYTES) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("image", "catalog.error.image.size")));
        }
        if (starts(data, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(data, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(data, 0, 'R', 'I', 'F', 'F') && starts(data, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        throw new InvalidCatalogException(List.of(new CatalogProblem("image", "catalog.error.image.type")));
    }

    private static boolean starts(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
