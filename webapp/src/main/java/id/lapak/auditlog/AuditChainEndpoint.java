package id.lapak.auditlog;

import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.ChainStatus;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/audit-chain}: walks every audit chain and reports, per chain, whether it is intact, how many
 * entries it has and the first entry that does not hold. Support staff only (see SecurityConfiguration).
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    record Chain(
            String chain,
            String tenantId,
            boolean intact,
            long entries,
            String firstBadEntryId,
            String problem,
            List<ChainStatus.ChainProblem> problems) {

        static Chain of(ChainStatus status) {
            return new Chain(
                    status.tenantId() == null ? "platform" : status.tenantId().toString(),
                    status.tenantId() == null ? null : status.tenantId().toString(),
                    status.intact(),
                    status.entries(),
                    status.firstBadEntryId() == null
                            ? null
                            : status.firstBadEntryId().toString(),
                    status.problem(),
                    status.problems());
        }
    }

    private final AuditLog audit;

    AuditChainEndpoint(AuditLog audit) {
        this.audit = audit;
    }

    @ReadOperation
    public Map<String, Object> chains() {
        List<Chain> chains = audit.verifyAll().stream().map(Chain::of).toList();
        return Map.of("intact", chains.stream().allMatch(Chain::intact), "chains", chains);
    }
}
