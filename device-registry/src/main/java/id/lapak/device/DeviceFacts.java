package id.lapak.device;

/** What a device says about itself when it pairs. Every field is optional and length-limited. */
public record DeviceFacts(
        String model,
        String serialNumber,
        String osVersion,
        String appVersion,
        String readerModel,
        String readerSerial) {

    public static final int MAX = 100;

    public DeviceFacts {
        model = clean(model);
        serialNumber = clean(serialNumber);
        osVersion = clean(osVersion);
        appVersion = clean(appVersion);
        readerModel = clean(readerModel);
        readerSerial = clean(readerSerial);
    }

    private static String clean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX) {
            throw new IllegalArgumentException("Device facts are limited to " + MAX + " characters each");
        }
        return stripped;
    }
}
