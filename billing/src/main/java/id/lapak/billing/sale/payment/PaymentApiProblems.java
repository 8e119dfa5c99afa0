package id.lapak.billing.sale.payment;

import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.SaleNotFoundException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The payment API's refusals as RFC 9457 problems with a stable {@code reason}, like the rest of the device API.
 * Ordered before the device API's general handler; everything else (malformed JSON, authentication) is answered
 * there.
 */
@RestControllerAdvice(assignableTypes = PaymentApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentApiProblems {

    private final ResponseEntityExceptionHandler standard;

    PaymentApiProblems(ResponseEntityExceptionHandler standard) {
        this.standard = standard;
    }

    /**
     * A body Jackson could not read: an amount with a fraction is refused with its own reason ({@link MinorUnits});
     * everything else is answered as the device API answers unreadable bodies.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e, WebRequest request) throws Exception {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PaymentRefusedException refused) {
                return refused(refused);
            }
        }
        return standard.handleException(e, request);
    }

    @ExceptionHandler(PaymentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(PaymentRefusedException e) {
        return refusal(e);
    }

    /**
     * The answer to a refused payment request, here and in {@link PaymentShortcut}: the refusal's status, its
     * reason, and {@code Retry-After} when trying again soon can succeed (the first request still in progress, the
     * gateway unavailable).
     */
    static ResponseEntity<ProblemDetail> refusal(PaymentRefusedException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.CONFLICT && "payment_in_progress".equals(e.reason())
                || status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem(status, "Payment refused", e.getMessage(), e.reason()));
    }

    @ExceptionHandler(SaleNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(SaleNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "Not found", "No such payment for this device", "payment_unknown"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://lapak.id/problems/" + reason.replace('_', '-')));
        problem.setProperty("reason", reason);
        return problem;
    }
}
