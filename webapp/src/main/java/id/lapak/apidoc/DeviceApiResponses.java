package id.lapak.apidoc;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The device API's real answers in the OpenAPI document: each operation's success status (201 for pairings and new
 * payments, 202 for heartbeats, 304 for an unchanged configuration…) and every error status it can return, as
 * {@code application/problem+json} with the stable {@code reason}, as docs/device-api.md lists them. The
 * configuration is typed as a JSON object. {@code OpenApiMatchesBehaviourIntegrationTest} checks every status the
 * tests observe against this.
 */
@Component
class DeviceApiResponses implements OpenApiCustomizer {

    static final String PREFIX = "/api/device/v1";
    private static final String AUTH =
            "401 token_missing, token_invalid, token_expired, device_unknown, device_revoked, "
                    + "device_retired, tenant_suspended";

    /** Path + method → status → description. */
    static final Map<String, Map<String, String>> RESPONSES = Map.ofEntries(
            Map.entry(
                    "POST /pairings",
                    Map.of(
                            "201",
                            "paired",
                            "400",
                            "body_malformed, body_invalid, "
                                    + "public_key_invalid, reader_serial_invalid, code_unknown",
                            "409",
                            "code_used",
                            "410",
                            "code_expired",
                            "413",
                            "body_too_large",
                            "415",
                            "media_type_unsupported",
                            "429",
                            "throttled")),
            Map.entry(
                    "POST /token",
                    Map.of(
                            "200",
                            "an access token",
                            "400",
                            "body_malformed, body_invalid",
                            "401",
                            "assertion_malformed, assertion_signature, assertion_expired, assertion_audience, "
                                    + "assertion_replayed, device_unknown, device_revoked, device_retired, tenant_suspended",
                            "415",
                            "media_type_unsupported")),
            Map.entry("GET /time", Map.of("200", "the server's clock")),
            Map.entry(
                    "GET /config",
                    Map.of(
                            "200",
                            "the configuration (a JSON object)",
                            "304",
                            "unchanged since the ETag sent in If-None-Match",
                            "401",
                            AUTH)),
            Map.entry(
                    "POST /heartbeats",
                    Map.of(
                            "202",
                            "recorded",
                            "400",
                            "body_malformed, body_invalid, " + "<field>_invalid",
                            "401",
                            AUTH,
                            "415",
                            "media_type_unsupported")),
            Map.entry(
                    "POST /reader-keys",
                    Map.of(
                            "200",
                            "the key block",
                            "400",
                            "body_invalid, algorithm_unknown, "
                                    + "reader_serial_invalid, ephemeral_key_unsupported, algorithm_unsupported",
                            "401",
                            AUTH,
                            "409",
                            "bdk_exhausted",
                            "422",
                            "device_key_unusable")),
            Map.entry(
                    "GET /catalog",
                    Map.of(
                            "200",
                            "a page of changes",
                            "400",
                            "catalog_request_invalid",
                            "401",
                            AUTH,
                            "409",
                            "catalog_version_ahead")),
            Map.entry(
                    "GET /catalog/items/{itemId}/image",
                    Map.of(
                            "200",
                            "the image",
                            "304",
                            "unchanged",
                            "400",
                            "catalog_request_invalid",
                            "401",
                            AUTH,
                            "404",
                            "image_not_found")),
            Map.entry(
                    "POST /payments",
                    Map.of(
                            "201",
                            "a new payment's result",
                            "200",
                            "a replay's stored result",
                            "400",
                            "body_malformed, <field>_invalid, idempotency_key_invalid, amount_invalid, "
                                    + "amount_precision, tip_invalid, currency_invalid, entry_mode_invalid, "
                                    + "device_time_missing, card_missing, card_algorithm_unknown, lines_invalid, "
                                    + "discount_invalid, cashier_invalid",
                            "401",
                            AUTH,
                            "409",
                            "payment_in_progress",
                            "413",
                            "body_too_large (256 KB)",
                            "422",
                            "card_data_unreadable, currency_mismatch, fraction_digits_mismatch, amount_mismatch, "
                                    + "idempotency_key_reused, ksn_not_this_device, ksn_reused, variant_unknown, "
                                    + "customer_unknown, device_time_in_future, discount_mismatch",
                            "503",
                            "gateway_unavailable")),
            Map.entry(
                    "GET /payments/{paymentId}",
                    Map.of(
                            "200",
                            "the payment's result",
                            "400",
                            "payment_id_invalid",
                            "401",
                            AUTH,
                            "404",
                            "payment_unknown")),
            Map.entry(
                    "POST /payments/{paymentId}/refunds",
                    Map.of(
                            "200",
                            "the payment's result after the refund",
                            "400",
                            "body_malformed, amount_invalid, amount_precision, payment_id_invalid, "
                                    + "idempotency_key_invalid",
                            "401",
                            AUTH,
                            "404",
                            "payment_unknown",
                            "409",
                            "not_captured, not_approved, voided, " + "operation_in_progress",
                            "422",
                            "refund_exceeds_captured, return_exceeds_sold, idempotency_key_reused, "
                                    + "fraction_digits_mismatch, reason_too_long",
                            "502",
                            "gateway_refused")),
            Map.entry(
                    "POST /payments/{paymentId}/void",
                    Map.of(
                            "200",
                            "the payment's result after the void",
                            "400",
                            "body_malformed, payment_id_invalid",
                            "401",
                            AUTH,
                            "404",
                            "payment_unknown",
                            "409",
                            "already_captured, not_approved, voided, operation_in_progress",
                            "422",
                            "reason_too_long",
                            "502",
                            "gateway_refused")));

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas("Problem", problemSchema());
        openApi.getComponents()
                .addSchemas(
                        "DeviceConfiguration",
                        new ObjectSchema()
                                .description(
                                        "The device's effective configuration (store, payments, offline, readerKey, …); see "
                                                + "docs/device-api.md")
                                .additionalProperties(true));
        if (openApi.getPaths() == null) {
            return;
        }
        RESPONSES.forEach((key, statuses) -> {
            String[] methodAndPath = key.split(" ", 2);
            PathItem item = openApi.getPaths().get(PREFIX + methodAndPath[1]);
            if (item == null) {
                return;
            }
            Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0]));
            if (operation == null) {
                return;
            }
            ApiResponses responses = new ApiResponses();
            ApiResponse success = operation.getResponses() == null
                    ? null
                    : operation.getResponses().get("200");
            statuses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                int status = Integer.parseInt(entry.getKey());
                ApiResponse response = new ApiResponse().description(entry.getValue());
                if (status >= 400) {
                    response.content(new Content()
                            .addMediaType(
                                    "application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
                } else if (status != 304 && success != null && success.getContent() != null) {
                    response.content(
                            key.equals("GET /config")
                                    ? new Content()
                                            .addMediaType(
                                                    "application/json",
                                                    new MediaType()
                                                            .schema(new Schema<>()
                                                                    .$ref("#/components/schemas/DeviceConfiguration")))
                                    : success.getContent());
                }
                responses.addApiResponse(entry.getKey(), response);
            });
            operation.setResponses(responses);
        });
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with Lapak's stable reason")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("for people; never act on it"))
                .addProperty("reason", new StringSchema().description("stable, snake_case; see docs/device-api.md"))
                .required(List.of("status", "reason"));
    }
}
