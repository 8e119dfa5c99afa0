package id.lapak.device.config;

/** The layers, from the broadest to the narrowest; a narrower layer overrides a broader one key by key. */
public enum ConfigScope {
    PLATFORM,
    TENANT,
    STORE,
    DEVICE
}
