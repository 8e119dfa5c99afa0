package id.lapak.device.health;

/** Compares dotted app versions number by number: 1.10.0 is newer than 1.9.3, and 1.4 equals 1.4.0. */
final class AppVersions {

    private AppVersions() {}

    static int compare(String left, String right) {
        String[] a = left.strip().split("\\.");
        String[] b = right.strip().split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Long.compare(number(a, i), number(b, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** The leading digits of a part ("3-beta" is 3); a missing or non-numeric part is 0. */
    private static long number(String[] parts, int index) {
        if (index >= parts.length) {
            return 0;
        }
        String part = parts[index];
        int end = 0;
        while (end < part.length() && end < 9 && part.charAt(end) >= '0' && part.charAt(end) <= '9') {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
    }
}
