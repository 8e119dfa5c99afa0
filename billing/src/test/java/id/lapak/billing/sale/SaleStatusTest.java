package id.lapak.billing.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every move of a sale, as a table: for each status, whether a capture, void or refund may start, the reason the
 * device API answers when not, and where a successful one leads.
 */
class SaleStatusTest {

    /** status → {capture, void, refund}: null when allowed, else the refusal reason. */
    private static final Map<SaleStatus, String[]> REFUSALS = new EnumMap<>(Map.of(
            SaleStatus.PENDING, new String[] {"not_approved", "not_approved", "not_approved"},
            SaleStatus.AUTHORIZED, new String[] {null, null, "not_captured"},
            SaleStatus.CAPTURED, new String[] {"already_captured", "already_captured", null},
            SaleStatus.PARTIALLY_REFUNDED, new String[] {"already_captured", "already_captured", null},
            SaleStatus.REFUNDED, new String[] {"already_captured", "already_captured", "refund_exceeds_captured"},
            SaleStatus.VOIDED, new String[] {"voided", "voided", "voided"},
            SaleStatus.DECLINED, new String[] {"not_approved", "not_approved", "not_approved"},
            SaleStatus.REVERSED, new String[] {"not_approved", "not_approved", "not_approved"},
            SaleStatus.REVERSAL_PENDING, new String[] {"not_approved", "not_approved", "not_approved"},
            SaleStatus.FAILED, new String[] {"not_approved", "not_approved", "not_approved"}));

    private static final OperationKind[] MOVES = {OperationKind.CAPTURE, OperationKind.VOID, OperationKind.REFUND};

    @ParameterizedTest
    @EnumSource(SaleStatus.class)
    void whatMayStartInEachStatusAndWhyNot(SaleStatus status) {
        assertThat(REFUSALS).as("every status is in the table").containsKey(status);
        for (int i = 0; i < MOVES.length; i++) {
            String expected = REFUSALS.get(status)[i];
            assertThat(status.refusal(MOVES[i]))
                    .as("%s of a %s sale", MOVES[i], status)
                    .isEqualTo(expected);
            assertThat(status.allows(MOVES[i])).isEqualTo(expected == null);
            if (expected != null) {
                int move = i;
                assertThatThrownBy(() -> status.after(MOVES[move], 100, 0)).isInstanceOf(IllegalStateException.class);
            }
        }
        for (OperationKind other : new OperationKind[] {
            OperationKind.AUTHORIZE, OperationKind.REVERSAL, OperationKind.CHARGEBACK, OperationKind.CHARGEBACK_REVERSAL
        }) {
            assertThat(status.allows(other))
                    .as("%s is not a move a person or device starts", other)
                    .isFalse();
        }
    }

    @Test
    void whereASuccessfulMoveLeads() {
        assertThat(SaleStatus.AUTHORIZED.after(OperationKind.CAPTURE, 100, 0)).isEqualTo(SaleStatus.CAPTURED);
        assertThat(SaleStatus.AUTHORIZED.after(OperationKind.VOID, 0, 0)).isEqualTo(SaleStatus.VOIDED);
        assertThat(SaleStatus.CAPTURED.after(OperationKind.REFUND, 100, 40)).isEqualTo(SaleStatus.PARTIALLY_REFUNDED);
        assertThat(SaleStatus.PARTIALLY_REFUNDED.after(OperationKind.REFUND, 100, 100))
                .isEqualTo(SaleStatus.REFUNDED);
        assertThat(SaleStatus.CAPTURED.after(OperationKind.REFUND, 100, 100)).isEqualTo(SaleStatus.REFUNDED);
    }

    @Test
    void anAuthorizationAndAReversalDecideTheFirstStatus() {
        assertThat(SaleStatus.approved(true)).isEqualTo(SaleStatus.CAPTURED);
        assertThat(SaleStatus.approved(false)).isEqualTo(SaleStatus.AUTHORIZED);
        assertThat(SaleStatus.afterReversal(true, false))
                .as("no answer in time, reversed")
                .isEqualTo(SaleStatus.REVERSED);
        assertThat(SaleStatus.afterReversal(true, true))
                .as("approved, not recorded, reversed")
                .isEqualTo(SaleStatus.FAILED);
        assertThat(SaleStatus.afterReversal(false, false)).isEqualTo(SaleStatus.REVERSAL_PENDING);
        assertThat(SaleStatus.afterReversal(false, true)).isEqualTo(SaleStatus.REVERSAL_PENDING);
        assertThat(SaleStatus.values())
                .filteredOn(SaleStatus::approved)
                .containsExactlyInAnyOrder(
                        SaleStatus.AUTHORIZED,
                        SaleStatus.CAPTURED,
                        SaleStatus.PARTIALLY_REFUNDED,
                        SaleStatus.REFUNDED,
                        SaleStatus.VOIDED);
    }
}
