package id.lapak.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartz.SimpleTrigger;

class CloseOfDayScheduleTest {

    @Test
    void missedFiringsAreNotReplayedTheNextFiringCatchesUp() {
        SimpleTrigger trigger = (SimpleTrigger) new CloseOfDaySchedule().closeOfDayTrigger(Duration.ofMinutes(15));
        assertThat(trigger.getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
        assertThat(trigger.getRepeatInterval()).isEqualTo(Duration.ofMinutes(15).toMillis());
        assertThat(trigger.getJobKey()).isEqualTo(CloseOfDaySchedule.JOB);
        assertThat(new CloseOfDaySchedule()
                        .closeOfDayJob()
                        .getJobClass()
                        .isAnnotationPresent(org.quartz.DisallowConcurrentExecution.class))
                .isTrue();
    }

    @Test
    void aZeroIntervalIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new CloseOfDaySchedule().closeOfDayTrigger(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }
}
