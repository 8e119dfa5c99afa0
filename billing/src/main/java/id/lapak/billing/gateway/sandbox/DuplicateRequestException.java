package id.lapak.billing.gateway.sandbox;

/** The journal already holds an entry for this request id, written by another node of the sandbox acquirer. */
class DuplicateRequestException extends RuntimeException {

    DuplicateRequestException(String requestId) {
        super("The sandbox journal already holds request " + requestId);
    }
}
