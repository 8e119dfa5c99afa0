package id.lapak.device.config;

/** A configuration layer was refused: {@link #key()} says which setting, the message what it accepts. */
public class InvalidConfigException extends RuntimeException {

    private final String key;

    public InvalidConfigException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
