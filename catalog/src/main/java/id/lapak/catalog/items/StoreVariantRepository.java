package id.lapak.catalog.items;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StoreVariantRepository extends JpaRepository<StoreVariant, StoreVariant.Key> {

    @Query("select s from StoreVariant s where s.key.variantId = :variantId and s.deleted = false")
    List<StoreVariant> findByVariant(UUID variantId);

    @Query("select s from StoreVariant s where s.key.variantId in :variantIds and s.deleted = false")
    List<StoreVariant> findByVariants(Collection<UUID> variantIds);
}
