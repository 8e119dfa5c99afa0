package id.lapak.billing.sale.payment;

import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.PaymentResult;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.auth.DevicePrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The device's payment API: take a payment (online or an offline upload), read it back, refund or void it. */
@RestController
@RequestMapping(path = "/api/device/v1/payments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Device payments", description = "Card payments from an mPOS device, exactly once per idempotency key")
class PaymentApiController {

    /** {@code amountMinor} in minor units of the payment's currency; {@code fractionDigits}, if sent, must match. */
    record RefundRequest(
            @JsonDeserialize(using = MinorUnits.class) Long amountMinor,
            Boolean restock,
            String reason,
            String idempotencyKey,
            Integer fractionDigits) {}

    record VoidRequest(String reason) {}

    private final PaymentService payments;
    private final SalesService sales;

    PaymentApiController(PaymentService payments, SalesService sales) {
        this.payments = payments;
        this.sales = sales;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Authorize a card payment (201 new, 200 replay of the same idempotency key)",
            security = @SecurityRequirement(name = "device-token"))
    ResponseEntity<PaymentResult> pay(
            @AuthenticationPrincipal DevicePrincipal device, @RequestBody PaymentRequest body) {
        if (body == null) {
            throw new PaymentRefusedException("body_invalid", "A payment body is required", 400);
        }
        PaymentResult result = payments.pay(device.deviceId(), body);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(result);
    }

    @GetMapping("/{paymentId}")
    @Operation(summary = "A payment of the device's store", security = @SecurityRequirement(name = "device-token"))
    PaymentResult get(@AuthenticationPrincipal DevicePrincipal device, @PathVariable UUID paymentId) {
        return sales.forDevice(device.deviceId(), paymentId);
    }

    @PostMapping(path = "/{paymentId}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Refund part or all of a captured payment of the device's store",
            security = @SecurityRequirement(name = "device-token"))
    PaymentResult refund(
            @AuthenticationPrincipal DevicePrincipal device,
            @PathVariable UUID paymentId,
            @RequestBody RefundRequest body) {
        if (body == null || body.amountMinor() == null) {
            throw new PaymentRefusedException("body_invalid", "amountMinor is required", 400);
        }
        if (body.fractionDigits() != null) {
            PaymentRequests.checkFractionDigits(
                    body.fractionDigits(),
                    sales.forDevice(device.deviceId(), paymentId).currency());
        }
        return sales.refundFromDevice(
                device.deviceId(),
                paymentId,
                body.amountMinor(),
                Boolean.TRUE.equals(body.restock()),
                body.reason(),
                body.idempotencyKey());
    }

    @PostMapping(path = "/{paymentId}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Void an authorized payment that is not captured yet",
            security = @SecurityRequirement(name = "device-token"))
    PaymentResult voidPayment(
            @AuthenticationPrincipal DevicePrincipal device,
            @PathVariable UUID paymentId,
            @RequestBody(required = false) VoidRequest body) {
        return sales.voidFromDevice(device.deviceId(), paymentId, body == null ? null : body.reason());
    }
}
