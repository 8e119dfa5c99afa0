package id.lapak.device.api;

/** Input the API cannot use; answered with 400 and the reason. */
class BadRequestException extends RuntimeException {

    private final String reason;

    BadRequestException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
