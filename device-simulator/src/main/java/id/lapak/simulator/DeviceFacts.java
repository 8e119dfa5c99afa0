package id.lapak.simulator;

/** What a device tells the server about itself when it pairs (device API §1, {@code facts}). */
public record DeviceFacts(
        String model,
        String serialNumber,
        String osVersion,
        String appVersion,
        String readerModel,
        String readerSerial) {}
