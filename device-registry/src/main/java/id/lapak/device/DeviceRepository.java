package id.lapak.device;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeviceRepository extends JpaRepository<Device, UUID> {

    @Query("""
            select d from Device d
            where (:search = '' or lower(d.name) like :search or lower(d.model) like :search
                   or lower(d.serialNumber) like :search)
              and (:storeId is null or d.storeId = :storeId)
            """)
    Page<Device> search(String search, UUID storeId, Pageable pageable);

    @Query("""
            select d from Device d
            where d.storeId in :storeIds
              and (:search = '' or lower(d.name) like :search or lower(d.model) like :search
                   or lower(d.serialNumber) like :search)
              and (:storeId is null or d.storeId = :storeId)
            """)
    Page<Device> searchWithin(Collection<UUID> storeIds, String search, UUID storeId, Pageable pageable);

    List<Device> findByStatus(DeviceStatus status);
}
